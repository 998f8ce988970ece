import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zlibGunzip } from '../../cli/zlib-gunzip';
import { gunzip as inflate, type GunzipStream } from '../../src/core/io/gunzip';
import { readFixture } from '../fixtures';

const LIMIT = 256 * 1024 * 1024;

describe.each([
  ['DecompressionStream', undefined],
  ['node:zlib', zlibGunzip],
] as [string, GunzipStream | undefined][])('gunzip with %s', (_, stream) => {
  const gunzip = (bytes: Uint8Array, max: number) => inflate(bytes, max, stream);

  it('inflates the 64 MiB debug=2 dump to the size its trailer announces', async () => {
    const out = await gunzip(readFixture('fanout-100k/goroutine.fanout.debug2.txt.gz'), LIMIT);
    expect(out.length).toBe(64 * 1024 * 1024);
    expect(new TextDecoder().decode(out.subarray(0, 10))).toBe('goroutine ');
  });

  it('joins concatenated gzip members, whose last trailer counts only the last member', async () => {
    const first = new Uint8Array(300_000).map((_, i) => 97 + (i % 26));
    const second = new TextEncoder().encode('tail');
    const joined = new Uint8Array([...gzipSync(first), ...gzipSync(second)]);
    const out = await gunzip(joined, LIMIT);
    expect(out.length).toBe(300_004);
    expect(new TextDecoder().decode(out.subarray(299_998))).toBe('kltail');
  });

  it('does not trust a trailer that claims more than the limit', async () => {
    const bytes = gzipSync(new Uint8Array(1000));
    bytes.set([0xff, 0xff, 0xff, 0x7f], bytes.length - 4);
    await expect(gunzip(bytes, LIMIT)).rejects.toThrow(/corrupt gzip data|length/);
  });
});
