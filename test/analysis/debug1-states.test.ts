import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeLeaks, stackNamesOf } from '../../src/core/analysis/analyze';
import { hiddenFrameNames } from '../../src/core/analysis/hidden-frames';
import { stateFromStack, type StateCategory } from '../../src/core/analysis/states';
import { decodeInput } from '../../src/core/decode';
import { decodeSnapshots } from '../../src/core/decode/bundle';
import { encodeSnapshots } from '../../src/core/permalink/session-codec';
import { Session } from '../../src/core/model/session';
import { runCli } from '../cli/run';
import { FIXTURES, PROJECT_FIXTURES } from '../fixtures';

const SERIES = [1, 2, 3].map((n) => resolve(PROJECT_FIXTURES, `debug1-series/goroutine.sendleak.00${n}.debug1.txt`));

/** Each group's state in a session holding only `path`, by portable stack key. */
async function statesOf(path: string): Promise<Map<string, StateCategory>> {
  const session = new Session();
  await decodeInput(readFileSync(path), session, { name: basename(path) });
  const names = stackNamesOf(session);
  return new Map(analyzeLeaks(session).groups.map((g) => [names.portable(g.stack), g.state.category]));
}

/** The debug=2 wait reasons a debug=1 state may stand for. */
const STANDS_FOR: Partial<Record<StateCategory, StateCategory[]>> = {
  chan: ['chan-send', 'chan-receive', 'nil-chan'],
  select: ['select', 'select-no-cases'],
  // A WaitGroup or mutex wait goes through the same semaphore; debug=2 names it, the frames may not.
  semacquire: ['semacquire', 'waitgroup', 'mutex'],
  // A goroutine entering or leaving a system call is `running` to the scheduler for a moment.
  syscall: ['syscall', 'running'],
};

// debug=1 and debug=2 dumps of one process taken one right after the other.
const CAPTURES: [string, string][] = [
  [SERIES[2], resolve(PROJECT_FIXTURES, 'debug1-series/goroutine.sendleak.003.debug2.txt')],
  [resolve(PROJECT_FIXTURES, 'go127/goroutine.parkfix.debug1.txt'), resolve(PROJECT_FIXTURES, 'go127/goroutine.parkfix.debug2.txt')],
  [resolve(FIXTURES, 'service/goroutine.service.debug1.txt'), resolve(FIXTURES, 'service/goroutine.service.debug2.txt')],
  ...['heartbeat', 'rangeforever', 'ticker', 'timeout', 'workerpool', 'slowclient', 'sleepers', 'fixed'].map(
    (s): [string, string] => [resolve(FIXTURES, `seed/${s}/goroutine.${s}.debug1.txt`), resolve(FIXTURES, `seed/${s}/goroutine.${s}.debug2.txt`)],
  ),
];

describe('debug=1 states from the hidden runtime frames', () => {
  for (const [debug1, debug2] of CAPTURES) {
    it(`${basename(debug1)} agrees with the debug=2 dump of the same moment`, async () => {
      const inferred = await statesOf(debug1);
      const truth = await statesOf(debug2);
      let compared = 0;
      for (const [key, state] of inferred) {
        const real = truth.get(key);
        if (real === undefined) continue;
        compared++;
        expect({ key, state: (STANDS_FOR[state] ?? [state]).includes(real) ? real : state }).toEqual({ key, state: real });
      }
      expect(compared).toBeGreaterThanOrEqual(3);
    });
  }

  it('reads Go 1.24+ internal/sync mutex waits in a protobuf profile as the debug=2 dump does', async () => {
    const inferred = await statesOf(resolve(PROJECT_FIXTURES, 'go127/pprof.parkfix.goroutine.001.pb.gz'));
    const truth = await statesOf(resolve(PROJECT_FIXTURES, 'go127/goroutine.parkfix.debug2.txt'));
    const mutex = [...truth].filter(([, s]) => s === 'mutex').map(([key]) => key);
    expect(mutex).toHaveLength(1);
    expect(inferred.get(mutex[0])).toBe('mutex');
  });

  it('tells channel and select waits, and Go 1.24+ mutex waits, in the Go 1.27 capture', async () => {
    const states = new Set((await statesOf(resolve(PROJECT_FIXTURES, 'go127/goroutine.parkfix.debug1.txt'))).values());
    expect([...states].sort()).toEqual(['chan', 'io-wait', 'mutex', 'running', 'select', 'sleep', 'waitgroup']);
  });
});

describe('leak suspects of a debug=1-only series', () => {
  afterEach(() => vi.restoreAllMocks());

  it('weigh the leaked channel senders and select waiters as blocked, not running', async () => {
    const session = new Session();
    for (const path of SERIES) await decodeInput(readFileSync(path), session, { name: basename(path) });
    const suspects = analyzeLeaks(session).groups.filter((g) => g.verdict.suspect);
    expect(suspects.map((g) => [g.function, g.state.label, g.trend.first, g.trend.last])).toEqual([
      ['main.send.func1', 'chan send or receive', 5, 30],
      ['main.wait', 'select', 5, 30],
    ]);
    const cli = await runCli(['suspects', ...SERIES]);
    expect(cli.stdout).toMatch(/chan send or receive +main\.send\.func1\n/);
    expect(cli.stdout).toMatch(/ select +main\.wait\n/);
    expect(cli.stdout).not.toContain('running');
  });
});

describe('debug=1 hidden runtime frames read through a protobuf snapshot of the same binary', () => {
  const SERVICE = resolve(FIXTURES, 'service');
  const SERVICE_PB = Array.from({ length: 40 }, (_, i) => resolve(SERVICE, `pprof.service.goroutine.${String(i + 1).padStart(3, '0')}.pb.gz`));
  const load = async (session: Session, path: string) => decodeInput(readFileSync(path), session, { name: basename(path) });

  /** The state of the groups of `dump` at main.go:147 (the service's leaked sends), as the hidden frames and the shown ones give it. */
  function sendStates(session: Session, dump: Awaited<ReturnType<typeof load>>): string[] {
    const hidden = hiddenFrameNames(session, [dump]);
    const at147 = Array.from(dump.groups, (g) => session.groups.stack.get(g)).filter((st) => session.fileName(session.stacks.frame.get(st)).endsWith('main.go') && session.frames.line.get(session.stacks.frame.get(st)) === 147);
    expect(at147).toHaveLength(4);
    return at147.map((st) => stateFromStack([...(hidden.get(st) ?? []), ...session.stackNames(st)]).label);
  }

  it("the service's sends at main.go:147 read 'chan send' with its protobuf snapshots, 'chan send or receive' alone", async () => {
    const alone = new Session();
    const dumpAlone = await load(alone, resolve(SERVICE, 'goroutine.service.debug1.txt'));
    expect(hiddenFrameNames(alone, [dumpAlone]).size).toBe(0);
    expect(analyzeLeaks(alone).groups.find((g) => g.function === 'main.(*exporter).send')?.state.label).toBe('chan send or receive');

    const session = new Session();
    for (const pb of SERVICE_PB) await load(session, pb);
    const dump = await load(session, resolve(SERVICE, 'goroutine.service.debug1.txt'));
    expect(new Set(sendStates(session, dump))).toEqual(new Set(['chan send']));
    const hidden = hiddenFrameNames(session, [dump]);
    const names = [...hidden.values()].map((n) => n.join(' < '));
    expect(names).toContain('runtime.gopark < runtime.chansend < runtime.chansend1');
    expect(names).toContain('runtime.gopark < runtime.chanrecv < runtime.chanrecv2');
  });

  it('a protobuf snapshot of another binary resolves nothing', async () => {
    const session = new Session();
    await load(session, resolve(PROJECT_FIXTURES, 'go127/pprof.parkfix.goroutine.001.pb.gz'));
    const dump = await load(session, resolve(SERVICE, 'goroutine.service.debug1.txt'));
    expect(hiddenFrameNames(session, [dump]).size).toBe(0);
  });

  it('a debug=1 series with one protobuf snapshot of the same binary tells the sends; suspects, a link of them and parkview suspects say so', async () => {
    const pb = resolve(PROJECT_FIXTURES, 'debug1-series/pprof.sendleak.goroutine.003.pb.gz');
    const session = new Session();
    for (const path of [...SERIES, pb]) await load(session, path);
    const a = analyzeLeaks(session);
    expect(a.series.format).toBe('debug1');
    expect(a.groups.filter((g) => g.verdict.suspect).map((g) => [g.function, g.state.label, g.trend.first, g.trend.last])).toEqual([
      ['main.send.func1', 'chan send', 5, 30],
      ['main.wait', 'select', 5, 30],
    ]);
    const copy = new Session();
    decodeSnapshots(encodeSnapshots(session, session.snapshots.map((x) => x.id)), copy, 'link');
    expect(analyzeLeaks(copy).groups.find((g) => g.function === 'main.send.func1')?.state.label).toBe('chan send');
    const cli = await runCli(['suspects', ...SERIES, pb]);
    expect(cli.stdout).toMatch(/ chan send +main\.send\.func1\n/);
  });
});
