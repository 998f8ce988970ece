import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkCommand } from '../../cli/link';
import { decodeInputs } from '../../src/core/decode';
import { Session } from '../../src/core/model/session';
import { decodePayload } from '../../src/core/decode/payload';
import { decodeAddress } from '../../src/core/address/address';

const FIXTURES = resolve(__dirname, '../../../shared/fixtures');
const files = ['001', '020', '040'].map((n) => resolve(FIXTURES, `service/pprof.service.goroutine.${n}.pb.gz`));

describe('parkview link', () => {
  it('prints a permalink for the app at --base whose hash carries the files', async () => {
    const out = await linkCommand(['--base', 'https://parkview.example/app/', ...files]);
    const [base, hash] = out.trim().split('#');
    expect(base).toBe('https://parkview.example/app/');
    const decoded = decodeAddress(hash);
    if (!decoded.ok) throw new Error(decoded.error);
    const { snapshots } = await decodePayload(decoded.state.payload!, new Session());
    expect(snapshots.map((s) => [s.name, s.totals[0]])).toEqual([
      ['pprof.service.goroutine.001.pb.gz', expect.any(Number)],
      ['pprof.service.goroutine.020.pb.gz', expect.any(Number)],
      ['pprof.service.goroutine.040.pb.gz', 23_697],
    ]);
  });

  it('defaults to the local parkview address, and writes a .parkview bundle on request', async () => {
    expect(await linkCommand([files[2]])).toMatch(/^http:\/\/127\.0\.0\.1:8081\/#v1&pv=1\./);
    const out = join(tmpdir(), `pv-link-${process.pid}.parkview`);
    try {
      expect(await linkCommand(['--bundle', out, ...files])).toMatch(/wrote .*: 3 snapshots/);
      const { snapshots } = await decodeInputs(await readFile(out), new Session(), { name: 'x.parkview' });
      expect(snapshots.at(-1)!.totals).toEqual([23_697]);
    } finally {
      await rm(out, { force: true });
    }
  });

  it('rejects a base that is not an http(s) address', async () => {
    await expect(linkCommand(['--base', 'javascript:alert(1)', files[0]])).rejects.toThrow(/expected an http/);
  });

  it('refuses a link longer than browsers accept and points to --bundle (the 60-file fanout series)', async () => {
    const series = Array.from({ length: 60 }, (_, i) => resolve(FIXTURES, `fanout-series/pprof.fanout.goroutine.${String(i + 1).padStart(3, '0')}.pb.gz`));
    await expect(linkCommand(series)).rejects.toThrow(/more than the ~2 MiB browsers accept .*--bundle OUT\.parkview/);
  }, 30_000);
});
