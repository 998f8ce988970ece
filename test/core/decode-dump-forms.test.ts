import { describe, expect, it } from 'vitest';
import { categoryOfReason } from '../../src/core/analysis/states';
import { decodeInput, decodeInputs } from '../../src/core/decode';
import { Session } from '../../src/core/model/session';
import type { Snapshot } from '../../src/core/model/snapshot';
import { readProjectFixture } from '../fixtures';
import { sortTraces, tracesOf } from './oracle';

// Real Go 1.27.3 captures of test/fixtures/go127/src (see its README and capture.sh).
const go127 = (name: string) => new TextDecoder().decode(readProjectFixture(`go127/${name}`));

function decodeText(session: Session, text: string, name = 'dump.txt'): Promise<Snapshot> {
  return decodeInput(new TextEncoder().encode(text), session, { name });
}

/** Traces with each frame's file and line, so that a misread file line shows. */
function placedTraces(session: Session, s: Snapshot): string[] {
  return sortTraces(tracesOf(session, s)).map((t, i) => {
    const frames = session.stacks.framesOf(session.groups.stack.get(s.groups[i]));
    return `${t} @ ${frames.map((f) => `${session.fileName(f)}:${session.frames.line.get(f)}`).join(' ')}`;
  });
}

function idsOf(s: Snapshot): number[] {
  return Array.from(s.goroutines!.id);
}

describe('dumps pasted with spaces for tabs', () => {
  it.each(['goroutine.parkfix.debug2.txt', 'goroutine.parkfix.debug1.txt', 'panic.all.txt'])('%s reads the same with its tabs turned into spaces', async (file) => {
    const text = go127(file);
    const session = new Session();
    const tabs = await decodeText(session, text);
    for (const spaces of ['    ', ' ', '        ']) {
      const pasted = await decodeText(session, text.replace(/\t/g, spaces).replace(/\n/g, '  \n'));
      expect(pasted.warnings).toEqual([]);
      expect(pasted.totals).toEqual(tabs.totals);
      expect(placedTraces(session, pasted)).toEqual(placedTraces(session, tabs));
    }
    expect(tracesOf(session, tabs).some((t) => t.stack.includes('main.accept'))).toBe(true);
  });
});

describe('panics', () => {
  it('a panic ending in `exit status 2` without a final newline keeps its last goroutine', async () => {
    const text = go127('panic.all.txt');
    expect(text.endsWith('\nexit status 2\n')).toBe(true);
    const session = new Session();
    const whole = await decodeText(session, text);
    const pasted = await decodeText(session, text.trimEnd());
    expect(pasted.warnings).toEqual([]);
    expect(idsOf(pasted)).toEqual(idsOf(whole));
    expect(idsOf(pasted)).toHaveLength(11);
  });

  it('a one-goroutine panic (default GOTRACEBACK) parses, with or without its last newline', async () => {
    for (const text of [go127('panic.single.txt'), go127('panic.single.txt').trimEnd()]) {
      const session = new Session();
      const s = await decodeText(session, text);
      expect(s.warnings).toEqual([]);
      expect(idsOf(s)).toEqual([1]);
      expect(session.strings.get(s.goroutines!.state[0])).toBe('running');
      expect(tracesOf(session, s)).toEqual([{ count: 1, labels: '', stack: ['main.main'] }]);
    }
  });
});

describe('several dumps in one file', () => {
  it('two debug=2 dumps one after another become two snapshots, each with its own goroutines', async () => {
    const a = go127('goroutine.parkfix.debug2.txt');
    const b = go127('goroutineleak.parkfix.debug2.txt');
    const session = new Session();
    const { snapshots } = await decodeInputs(new TextEncoder().encode(a + b), session, { name: 'goroutines.txt' });
    expect(snapshots.map((s) => s.name)).toEqual(['goroutines.txt [1/2]', 'goroutines.txt [2/2]']);
    const alone = [await decodeText(new Session(), a), await decodeText(new Session(), b)];
    snapshots.forEach((s, i) => {
      expect(idsOf(s)).toEqual(idsOf(alone[i]));
      expect(new Set(idsOf(s)).size).toBe(idsOf(s).length);
      expect(s.warnings).toEqual([`The file holds 2 dumps one after another; this snapshot is dump ${i + 1} of 2.`]);
    });
  });

  it('the second dump starts at the goroutine that wrote it, even when its id is new', async () => {
    const a = go127('goroutine.parkfix.debug2.txt');
    // A second request to /debug/pprof/goroutine is served by a new goroutine.
    const b = a.replace(/^goroutine 1 \[running\]/, 'goroutine 97 [running]');
    const { snapshots } = await decodeInputs(new TextEncoder().encode(`${a}\n${b}`), new Session(), { name: 'x.txt' });
    expect(snapshots.map((s) => idsOf(s)[0])).toEqual([1, 97]);
    expect(snapshots.map((s) => s.goroutines!.id.length)).toEqual([11, 11]);
  });

  it('two panics pasted one after another become two snapshots', async () => {
    const p = go127('panic.all.txt');
    const { snapshots } = await decodeInputs(new TextEncoder().encode(p + p), new Session(), { name: 'crash.log' });
    expect(snapshots.map((s) => s.goroutines!.id.length)).toEqual([11, 11]);
  });

  it('two debug=1 texts one after another become two snapshots', async () => {
    const a = go127('goroutine.parkfix.debug1.txt');
    const b = go127('goroutineleak.parkfix.debug1.txt');
    const { snapshots } = await decodeInputs(new TextEncoder().encode(a + b), new Session(), { name: 'd1.txt' });
    expect(snapshots.map((s) => [s.kind, s.totals[0]])).toEqual([
      ['goroutine', 11],
      ['goroutineleak', 6],
    ]);
  });

  it('a bad second dump adds neither and names the dump', async () => {
    const session = new Session();
    const a = go127('goroutine.parkfix.debug1.txt');
    await expect(decodeInputs(new TextEncoder().encode(`${a}goroutine profile: total 3\nnonsense\n`), session, { name: 'd1.txt' })).rejects.toThrow(
      'd1.txt: dump 2 of 2: malformed debug=1 text: line 2 is not a record ("nonsense")',
    );
    expect(session.snapshots).toEqual([]);
  });
});

describe('labels', () => {
  it('an empty-valued label is no label, in debug=1 text, debug=2 headers and the protobuf alike', async () => {
    const session = new Session();
    const pb = await decodeInput(readProjectFixture('go127/pprof.parkfix.goroutine.001.pb.gz'), session, { name: 'pprof.parkfix.goroutine.001.pb.gz' });
    const d1 = await decodeText(session, go127('goroutine.parkfix.debug1.txt'));
    const d2 = await decodeText(session, go127('goroutine.parkfix.debug2.txt'));
    const labelsOf = (s: Snapshot) => [...new Set(tracesOf(session, s).map((t) => t.labels))].sort();
    // The program labels its senders tenant=acme and trace="".
    expect(labelsOf(pb)).toEqual(['', 'pool=ingest', 'tenant=acme']);
    expect(labelsOf(d1)).toEqual(labelsOf(pb));
    expect(labelsOf(d2)).toEqual(labelsOf(pb));
  });
});

describe('Go 1.25-1.27 header forms', () => {
  it('labels printed in the goroutine header (tracebacklabels, on by default in Go 1.27)', async () => {
    const session = new Session();
    const s = await decodeText(session, go127('goroutine.parkfix.debug2.txt'));
    const sends = tracesOf(session, s).find((t) => t.stack[0] === 'main.handle.func1');
    expect(sends).toEqual({ count: 3, labels: 'tenant=acme', stack: ['main.handle.func1'] });
  });

  it('(leaked) marks of a goroutineleak debug=2 dump keep the state they qualify', async () => {
    const session = new Session();
    const s = await decodeText(session, go127('goroutineleak.parkfix.debug2.txt'));
    const g = s.goroutines!;
    const states = Array.from(g.state, (st, i) => [session.strings.get(st), categoryOfReason(session.strings.get(st), session.stackNames(session.groups.stack.get(s.groups[g.group[i]])))]);
    expect(states.filter(([st]) => st.endsWith('(leaked)')).sort()).toEqual([
      ['chan receive (leaked)', 'chan-receive'],
      ['chan receive (leaked)', 'chan-receive'],
      ['chan send (leaked)', 'chan-send'],
      ['chan send (leaked)', 'chan-send'],
      ['chan send (leaked)', 'chan-send'],
      ['select (leaked)', 'select'],
    ]);
  });

  it('(durable) and `synctest bubble N` of a synctest dump', async () => {
    const session = new Session();
    const text = go127('goroutine.parkfix.bubble.debug2.txt');
    expect(text).toMatch(/\[sleep \(durable\), synctest bubble \d+\]/);
    const s = await decodeText(session, text);
    const g = s.goroutines!;
    const byState = new Map(Array.from(g.state, (st, i) => [session.strings.get(st), categoryOfReason(session.strings.get(st), session.stackNames(session.groups.stack.get(s.groups[g.group[i]])))]));
    expect(byState.get('sleep (durable)')).toBe('sleep');
    expect(byState.get('sync.WaitGroup.Wait (durable)')).toBe('waitgroup');
    expect(byState.get('chan receive (durable)')).toBe('chan-receive');
    expect(byState.get('running')).toBe('running');
    expect(s.warnings).toEqual([]);
  });

  it('`created by F in goroutine N` names the creator and its goroutine', async () => {
    const session = new Session();
    const s = await decodeText(session, go127('goroutine.parkfix.debug2.txt'));
    const g = s.goroutines!;
    const i = Array.from(g.group).findIndex((grp) => session.stackNames(session.groups.stack.get(s.groups[grp]))[0] === 'main.handle.func1');
    expect(session.funcName(g.createdBy[i])).toBe('main.handle');
    expect(session.frames.line.get(g.createdBy[i])).toBe(29);
    expect(g.parentId[i]).toBeGreaterThan(1);
  });
});
