// `parkview top`, `traces` and `tags` against Go 1.23's `go tool pprof` on every profile both read:
// the shared fixtures (pprof's output digests) and this project's own fixtures (pprof's full text),
// all written by scripts/pprof-oracle/regenerate.sh.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tagsCommand, tracesCommand } from '../../cli/samples';
import { topCommand } from '../../cli/top';
import { FIXTURES } from '../fixtures';

const PROJECT_FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
const ORACLE = resolve(PROJECT_FIXTURES, 'pprof-oracle');
const COMMANDS = { top: topCommand, traces: tracesCommand.run, tags: tagsCommand.run } as const;
type Command = keyof typeof COMMANDS;

function report(command: Command, path: string): Promise<string> {
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return COMMANDS[command]([path]);
}

afterEach(() => vi.restoreAllMocks());

/**
 * Go's debug=1 goroutine texts name every frame and label in `#` lines, which pprof's legacy reader
 * skips: without the binary it prints each frame as `<unknown>` and no labels. Parkview keeps the
 * names and labels the text gives (what pprof prints given the binary), so these differ by design.
 */
function symbolizedText(path: string): { names: boolean; labels: boolean } {
  if (!path.endsWith('.txt') && !path.endsWith('.txt.gz')) return { names: false, labels: false };
  const head = path.endsWith('.gz') ? '' : readFileSync(path, 'utf8');
  const gz = path.endsWith('.gz');
  return { names: gz || /^#\t0x/m.test(head), labels: gz || /^# labels: /m.test(head) };
}

function differsByDesign(path: string, command: Command): boolean {
  const s = symbolizedText(path);
  return command === 'tags' ? s.labels : s.names;
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

const SHARED = readFileSync(resolve(ORACLE, 'shared-fixtures.tsv'), 'utf8')
  .trimEnd()
  .split('\n')
  .map((line) => {
    const [file, command, sha256, bytes] = line.split('\t');
    return { file, command: command as Command, sha256, bytes: Number(bytes) };
  });

const OWN = ['pprof-parity', 'go127'].flatMap((dir) =>
  readdirSync(resolve(ORACLE, dir)).map((name) => {
    const [, file, command] = /^(.+)\.(top|traces|tags)\.txt$/.exec(name)!;
    return { file: `${dir}/${file}`, command: command as Command, expected: resolve(ORACLE, dir, name) };
  }),
);

describe('byte-identical to go tool pprof (Go 1.23)', () => {
  it('has pprof output for every readable shared fixture and every own fixture', () => {
    expect(SHARED.length).toBeGreaterThan(600);
    expect(new Set(SHARED.map((r) => r.file.split('/')[0]))).toEqual(new Set(['edge', 'fanout-100k', 'fanout-200k', 'fanout-series', 'other-types', 'seed', 'service']));
    expect(OWN.map((r) => r.file)).toContain('pprof-parity/merged-negative.pb.gz');
    expect(OWN.map((r) => r.file)).toContain('go127/pprof.parkfix.goroutineleak.001.pb.gz');
  });

  it.each(SHARED.filter((r) => !differsByDesign(resolve(FIXTURES, r.file), r.command)))('$command $file', async ({ file, command, sha256, bytes }) => {
    const text = await report(command, resolve(FIXTURES, file));
    expect({ bytes: Buffer.byteLength(text), sha256: digest(text) }).toEqual({ bytes, sha256 });
  });

  it.each(OWN.filter((r) => !differsByDesign(resolve(PROJECT_FIXTURES, r.file), r.command)))('$command $file', async ({ file, command, expected }) => {
    expect(await report(command, resolve(PROJECT_FIXTURES, file))).toBe(readFileSync(expected, 'utf8'));
  });
});
