import { describe, expect, it } from 'vitest';
import { BenignMatcher } from '../../src/core/analysis/benign';
import { isStdlib, portableStackKey, representativeIndex } from '../../src/core/analysis/functions';
import { packageOf } from '../../src/core/model/go-packages';
import { readFileSync } from 'node:fs';
import { analyzeLeaks, type LeakAnalysis } from '../../src/core/analysis/analyze';
import { categoryOfReason, inferState, stateFromReason, stateFromStack, syncCall } from '../../src/core/analysis/states';
import { decodeInput } from '../../src/core/decode';
import { Session } from '../../src/core/model/session';
import { suspectsCommand } from '../../cli/suspects';
import { PROJECT_FIXTURES } from '../fixtures';

describe('blocked state from leaf frames', () => {
  const cases: [string[], string][] = [
    [['runtime.gopark', 'runtime.chansend', 'runtime.chansend1', 'main.f'], 'chan-send'],
    [['runtime.gopark', 'runtime.chanrecv', 'runtime.chanrecv2', 'main.f'], 'chan-receive'],
    [['runtime.gopark', 'runtime.selectgo', 'main.f'], 'select'],
    [['runtime.gopark', 'runtime.block', 'main.main'], 'select-no-cases'],
    [['runtime.gopark', 'runtime.goparkunlock', 'runtime.semacquire1', 'sync.runtime_SemacquireMutex', 'sync.(*Mutex).lockSlow', 'sync.(*Mutex).Lock', 'main.f'], 'mutex'],
    [['runtime.gopark', 'runtime.goparkunlock', 'runtime.semacquire1', 'sync.runtime_Semacquire', 'sync.(*WaitGroup).Wait', 'main.f'], 'waitgroup'],
    [['runtime.gopark', 'runtime.goparkunlock', 'runtime.semacquire1', 'sync.runtime_SemacquireMutex'], 'mutex'],
    [['runtime.gopark', 'runtime.goparkunlock', 'runtime.semacquire1', 'sync.runtime_SemacquireRWMutexR', 'sync.(*RWMutex).RLock', 'main.f'], 'rwmutex'],
    [['runtime.gopark', 'runtime.goparkunlock', 'sync.runtime_notifyListWait', 'sync.(*Cond).Wait', 'main.f'], 'cond'],
    [['runtime.gopark', 'runtime.netpollblock', 'internal/poll.runtime_pollWait', 'internal/poll.(*pollDesc).wait', 'main.f'], 'io-wait'],
    [['runtime.gopark', 'time.Sleep', 'main.f'], 'sleep'],
    [['syscall.Syscall', 'syscall.read', 'main.f'], 'syscall'],
    [['runtime.goroutineProfileWithLabels', 'runtime/pprof.writeRuntimeProfile'], 'running'],
    [['runtime.gopark', 'runtime.gcBgMarkWorker'], 'other'],
  ];
  for (const [names, expected] of cases) {
    it(`${names.at(-1)} via ${names[1] ?? names[0]} is ${expected}`, () => expect(inferState(names)).toBe(expected));
  }
});

describe('blocked state from debug=2 wait reasons', () => {
  it('maps Go wait reasons, nil channels and the older semacquire', () => {
    expect(categoryOfReason('chan send', [])).toBe('chan-send');
    expect(categoryOfReason('chan receive (nil chan)', [])).toBe('nil-chan');
    expect(categoryOfReason('select (no cases)', [])).toBe('select-no-cases');
    expect(categoryOfReason('sync.Mutex.Lock', [])).toBe('mutex');
    expect(categoryOfReason('semacquire', ['sync.runtime_Semacquire', 'sync.(*WaitGroup).Wait', 'main.f'])).toBe('waitgroup');
    expect(categoryOfReason('IO wait', [])).toBe('io-wait');
    expect(categoryOfReason('GC worker (idle)', [])).toBe('other');
  });

  it('labels a bare semacquire with the sync call from the stack, never vaguer than the stack alone', () => {
    // Goroutine 31 of service/goroutine.service.debug2.txt (Go 1.23 prints semacquire for WaitGroup.Wait), and its protobuf form.
    const text = ['sync.runtime_Semacquire', 'sync.(*WaitGroup).Wait', 'main.(*service).burstyImports'];
    const proto = ['runtime.gopark', 'runtime.goparkunlock', 'runtime.semacquire1', ...text];
    expect(stateFromReason('semacquire', text)).toEqual({ label: 'sync.(*WaitGroup).Wait', category: 'waitgroup', source: 'dump' });
    expect(stateFromReason('semacquire', proto).label).toBe('sync.(*WaitGroup).Wait');
    expect(stateFromReason('semacquire (durable)', text).label).toBe('sync.(*WaitGroup).Wait (durable)');
    expect(stateFromReason('semacquire', ['sync.runtime_SemacquireMutex', 'sync.(*Mutex).lockSlow', 'sync.(*Mutex).Lock', 'main.f']).label).toBe('sync.(*Mutex).Lock');
    expect(stateFromReason('semacquire', ['main.f'])).toEqual({ label: 'semacquire', category: 'semacquire', source: 'dump' });
    expect(stateFromReason('chan send', text).label).toBe('chan send');
  });
});

describe('functions', () => {
  it('splits packages from names, receivers and closures included', () => {
    expect(packageOf('net/http.(*Server).Serve')).toBe('net/http');
    expect(packageOf('github.com/acme/leaky/internal/x.(*T).f.func1')).toBe('github.com/acme/leaky/internal/x');
    expect(packageOf('main.main')).toBe('main');
  });

  it('tells the standard library from the program, including modules without a dot', () => {
    expect(isStdlib('internal/poll.runtime_pollWait')).toBe(true);
    expect(isStdlib('sync.(*Mutex).Lock')).toBe(true);
    expect(isStdlib('main.worker')).toBe(false);
    expect(isStdlib('leaky/store.(*DB).get')).toBe(false);
    expect(isStdlib('golang.org/x/sync/errgroup.(*Group).Go')).toBe(false);
  });

  it('represents a stack by its first own frame, else by the function it started in', () => {
    const own = ['runtime.gopark', 'runtime.chansend1', 'main.(*exporter).send', 'main.(*exporter).record.func1', 'runtime.goexit'];
    expect(representativeIndex(own)).toBe(2);
    const library = ['runtime.gopark', 'runtime.netpollblock', 'internal/poll.runtime_pollWait', 'net.(*conn).Read', 'net/http.(*persistConn).readLoop', 'runtime.goexit'];
    expect(library[representativeIndex(library)]).toBe('net/http.(*persistConn).readLoop');
  });

  it('gives the same portable key to a protobuf stack and its debug=2 form', () => {
    const pb = ['runtime.gopark', 'runtime.chansend', 'runtime.chansend1', 'main.(*exporter).send', 'runtime.goexit'];
    const dump = ['main.(*exporter).send'];
    expect(portableStackKey(pb)).toBe(portableStackKey(dump));
    expect(portableStackKey(['sync.runtime_SemacquireMutex', 'main.f'])).toBe(portableStackKey(['runtime.gopark', 'runtime.semacquire1', 'sync.runtime_SemacquireMutex', 'main.f']));
  });
});

describe('benign matcher', () => {
  it('matches exact names anywhere in the stack and prefixes ending in *', () => {
    const m = new BenignMatcher(['os/signal.loop', 'github.com/golang/glog.*', '  ']);
    expect(m.match(['runtime.gopark', 'os/signal.signal_recv', 'os/signal.loop'])).toBe('os/signal.loop');
    expect(m.match(['github.com/golang/glog.(*loggingT).flushDaemon'])).toBe('github.com/golang/glog.*');
    expect(m.match(['main.worker'])).toBeNull();
  });
});

describe('blocked-on labels from real Go 1.27 captures (test/fixtures/go127)', () => {
  const go127 = (name: string) => `${PROJECT_FIXTURES}/go127/${name}`;
  const labels = (a: LeakAnalysis) => Object.fromEntries(a.groups.map((g) => [g.function, g.state.label]));

  for (const file of ['goroutine.parkfix.debug2.txt', 'pprof.parkfix.goroutine.001.pb.gz']) {
    it(`${file}: the mutex and WaitGroup waits say the sync call the program made`, async () => {
      const session = new Session();
      await decodeInput(new Uint8Array(readFileSync(go127(file))), session, { name: file });
      const l = labels(analyzeLeaks(session));
      // Go 1.24+ locks through internal/sync.(*Mutex).lockSlow and .Lock beneath sync.(*Mutex).Lock.
      expect(l['main.lockHeld']).toBe('sync.(*Mutex).Lock');
      expect(l['main.waitAll']).toBe('sync.(*WaitGroup).Wait');
    });
  }

  it('parkview suspects prints the same labels', async () => {
    const items = JSON.parse(await suspectsCommand(['--json', '--all', go127('goroutine.parkfix.debug2.txt')])) as { function: string; state: string }[];
    expect(items.find((i) => i.function === 'main.lockHeld')?.state).toBe('sync.(*Mutex).Lock');
    expect(items.find((i) => i.function === 'main.waitAll')?.state).toBe('sync.(*WaitGroup).Wait');
  });

  it('names the sync call from a protobuf stack of any Go version, and stops at the program’s frames', () => {
    expect(syncCall(['runtime.gopark', 'runtime.goparkunlock', 'runtime.semacquire1', 'sync.runtime_SemacquireRWMutexR', 'sync.(*RWMutex).RLock', 'main.f'])).toBe('sync.(*RWMutex).RLock');
    expect(syncCall(['runtime.gopark', 'runtime.goparkunlock', 'sync.runtime_notifyListWait', 'sync.(*Cond).Wait', 'main.f'])).toBe('sync.(*Cond).Wait');
    expect(syncCall(['runtime.gopark', 'runtime.chansend', 'runtime.chansend1', 'main.f', 'sync.(*Mutex).Lock'])).toBeNull();
    expect(stateFromStack(['runtime.gopark', 'runtime.goparkunlock', 'sync.runtime_notifyListWait', 'sync.(*Cond).Wait', 'main.f'])).toEqual({ label: 'sync.(*Cond).Wait', category: 'cond', source: 'stack' });
    expect(stateFromReason('sync.WaitGroup.Wait (leaked)', ['sync.runtime_SemacquireWaitGroup', 'sync.(*WaitGroup).Wait', 'main.f']).label).toBe('sync.(*WaitGroup).Wait (leaked)');
  });
});
