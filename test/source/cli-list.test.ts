import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCommand } from '../../cli/list';
import { FIXTURES, readFixtureText } from '../fixtures';

const SERVICE_040 = resolve(FIXTURES, 'service/pprof.service.goroutine.040.pb.gz');

describe('parkview list', () => {
  it('prints exactly what go tool pprof -list main\\. -source_path src prints', async () => {
    const out = await listCommand(['main\\.', '--source_path', resolve(FIXTURES, 'src'), SERVICE_040]);
    expect(out).toBe(readFixtureText('expected/service-040.list-main.txt'));
  });

  it('finds the files under a checkout named like a folder in the profile paths', async () => {
    const out = await listCommand(['--source_path', resolve(FIXTURES, 'src/github.com/acme/leaky'), 'exporter', SERVICE_040]);
    expect(out.split('\n').slice(0, 5)).toEqual([
      'Total: 23697',
      'ROUTINE ======================== main.(*exporter).send in cmd/service/main.go',
      '         0      13610 (flat, cum) 57.43% of Total',
      '         .          .    146:func (e *exporter) send(o order) {',
      '         .      13610    147:\te.input <- o',
    ]);
  });

  it('keeps the numbers when the source is missing, after pprof’s error line', async () => {
    const out = await listCommand(['--trim_path', '/home/dev/src', '--source_path', '/nonexistent', 'exporter', SERVICE_040]);
    expect(out).toBe(
      [
        'Total: 23697',
        'ROUTINE ======================== main.(*exporter).send in github.com/acme/leaky/cmd/service/main.go',
        '         0      13610 (flat, cum) 57.43% of Total',
        ' Error: could not find file github.com/acme/leaky/cmd/service/main.go on path /nonexistent',
        '         .      13610    147:',
        '',
      ].join('\n'),
    );
  });

  it('fails like pprof when no function matches, and on a bad regexp', async () => {
    await expect(listCommand(['nothing_here', SERVICE_040])).rejects.toThrow('no matches found for regexp: nothing_here');
    await expect(listCommand(['main.(', SERVICE_040])).rejects.toThrow(/parsing regexp main\.\(/);
    await expect(listCommand([SERVICE_040])).rejects.toThrow(/usage: parkview list/);
  });
});
