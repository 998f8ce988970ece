import { describe, expect, it } from 'vitest';
import { decodeInput, ProfileError } from '../../src/core/decode';
import { nameKey } from '../../src/core/model/capture-name';
import { Session } from '../../src/core/model/session';
import type { Snapshot } from '../../src/core/model/snapshot';
import { readFixtureText } from '../fixtures';

const HUGE = '9'.repeat(320);

function decodeText(text: string, name = 'dump.txt'): Promise<Snapshot> {
  return decodeInput(new TextEncoder().encode(text), new Session(), { name });
}

async function error(text: string): Promise<string> {
  const e = await decodeText(text).then(
    () => null,
    (e: unknown) => e,
  );
  expect(e).toBeInstanceOf(ProfileError);
  const message = (e as Error).message;
  expect(message).not.toMatch(/internal error/);
  return message;
}

function everyNumberFinite(s: Snapshot): boolean {
  const g = s.goroutines;
  const columns: ArrayLike<number>[] = [...s.values, s.totals, ...(g ? [g.id, g.parentId, g.waitMinutes] : [])];
  return columns.every((c) => Array.prototype.every.call(c, Number.isFinite));
}

/** Replaces the `nth` (1-based) match of `from` in `text`. */
function replaceNth(text: string, from: string, to: string, nth = 1): string {
  let at = -1;
  for (let i = 0; i < nth; i++) at = text.indexOf(from, at + 1);
  if (at < 0) throw new Error(`no ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('debug=2 numbers are checked when the dump is read', () => {
  const dump = readFixtureText('service/goroutine.service.debug2.txt');

  it('a parent goroutine id that is not a number is an error naming its line', async () => {
    const bad = replaceNth(dump, 'created by main.main in goroutine 1\n', 'created by main.main in goroutine one\n');
    expect(await error(bad)).toBe(`dump.txt: malformed debug=2 text: line ${lineOf(bad, 'in goroutine one')}: the parent goroutine id "one" is not a number`);
  });

  it('a goroutine id of 320 digits is an error naming its line', async () => {
    const bad = replaceNth(dump, 'goroutine 1639 [', `goroutine ${HUGE} [`);
    expect(await error(bad)).toMatch(new RegExp(`^dump\\.txt: malformed debug=2 text: line ${lineOf(bad, HUGE)}: goroutine id 9{20}… is out of range$`));
  });

  it('a parent id of 320 digits and a wait of 320 minutes-digits are errors too', async () => {
    expect(await error(replaceNth(dump, 'in goroutine 1\n', `in goroutine ${HUGE}\n`))).toMatch(/: the parent goroutine id "9{20}…" is out of range$/);
    expect(await error(replaceNth(dump, 'chan send, 3 minutes]', `chan send, ${HUGE} minutes]`))).toMatch(/line \d+: a wait of 9{20}… minutes is out of range$/);
  });

  it('the real dump reads with every number finite', async () => {
    const s = await decodeText(dump);
    expect(everyNumberFinite(s)).toBe(true);
    expect(s.goroutines!.parentId.some((p) => p > 0)).toBe(true);
  });
});

describe('debug=1 numbers are checked when the text is read', () => {
  const text = readFixtureText('seed/timeout/goroutine.timeout.debug1.txt');
  const heap = readFixtureText('other-types/heap.service.debug1.txt');

  it('a count of 320 digits is an error naming its line', async () => {
    const bad = replaceNth(text, '201 @ ', `${HUGE} @ `);
    expect(await error(bad)).toMatch(/^dump\.txt: malformed debug=1 text: line 2: count 9{20}… is out of range$/);
  });

  it('a header total of 320 digits is an error', async () => {
    expect(await error(replaceNth(text, 'total 209', `total ${HUGE}`))).toMatch(/^dump\.txt: malformed debug=1 text: line 1: total 9{20}… is out of range$/);
  });

  it('a count between 2^53 and 2^63 is kept, rounded, with a warning', async () => {
    const s = await decodeText(replaceNth(text, '201 @ ', '9007199254740993 @ '));
    expect(everyNumberFinite(s)).toBe(true);
    expect(s.values[0]).toContain(9007199254740992);
    expect(s.warnings.join('\n')).toMatch(/exceed 2\^53/);
  });

  it('a heap count over 2^53 gives finite values, with a warning', async () => {
    const bad = replaceNth(heap, '0: 0 [1: 48] @', '0: 0 [9007199254740993: 48] @');
    const s = await decodeText(bad);
    expect(everyNumberFinite(s)).toBe(true);
    expect(s.warnings.join('\n')).toMatch(/exceed 2\^53/);
  });

  it('a heap sampling rate of 320 digits is an error', async () => {
    expect(await error(replaceNth(heap, '@ heap/1048576', `@ heap/${HUGE}`))).toMatch(/^dump\.txt: malformed debug=1 text: line 1: sampling rate 9{20}… is out of range$/);
  });
});

describe('label escapes', () => {
  const text = readFixtureText('service/goroutine.service.debug1.txt');

  for (const escape of ['\\x', '\\xZZ', '\\u12', '\\U0011FFFF', '\\U']) {
    it(`a debug=1 label with ${escape} is a parse error naming the line`, async () => {
      const bad = replaceNth(text, '"tenant":"acme"', `"tenant":"ac${escape}me"`);
      expect(await error(bad)).toBe(`dump.txt: malformed debug=1 text: line ${lineOf(bad, escape)}: invalid escape in a label ("${escape.slice(0, 2)}")`);
    });
  }

  it('a debug=2 header label with a bad escape is a parse error naming the line', async () => {
    const dump = readFixtureText('service/goroutine.service.debug2.txt');
    const bad = replaceNth(dump, 'goroutine 1639 [chan send, 3 minutes]:', 'goroutine 1639 [chan send, 3 minutes] {tenant: "a\\x"}:');
    expect(await error(bad)).toBe(`dump.txt: malformed debug=2 text: line ${lineOf(bad, '{tenant')}: invalid escape in a label ("\\x")`);
  });

  it('valid escapes still read as Go wrote them', async () => {
    const session = new Session();
    const s = await decodeInput(new TextEncoder().encode(replaceNth(text, '"tenant":"acme"', '"tenant":"a\\x41\\u00e9\\U0001F600\\101\\n"')), session, { name: 'x' });
    const values = Array.from(s.groups).flatMap((g) => session.labelSets.get(session.groups.labels.data[g]).map((l) => l.value));
    expect(values).toContain('aA\u00e9\u{1F600}A\n');
    expect(s.warnings).toEqual([]);
  });
});

describe('snapshot numbers from file names', () => {
  it('a name whose number has 320 digits gets no sequence number rather than Infinity', () => {
    expect(nameKey(`pprof.x.goroutine.${HUGE}.pb.gz`).seq).toBeNull();
    expect(nameKey('pprof.x.goroutine.012.pb.gz').seq).toBe(12);
  });
});
