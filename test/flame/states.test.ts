import { describe, expect, it } from 'vitest';
import { flameStates } from '../../src/core/flame/build';
import { NO_STATE, stateCategory } from '../../src/core/flame/states';
import { loadSession } from './load';

describe('flame wait states', async () => {
  const { flame, session } = await loadSession('seed/timeout/pprof.timeout.goroutine.010.pb.gz', 'service/goroutine.service.debug2.txt');

  it('infers states from the leaf frames of protobuf stacks', () => {
    const built = flame(0);
    const states = flameStates(session, built);
    expect(states.recorded).toBe(false);
    const { model } = built;
    const stateOf = (path: string[]) => {
      const n = model.find(path);
      expect(n.matched).toBe(path.length);
      return states.names[states.state[n.node]];
    };
    expect(stateOf(['main.handleRequest.func1', 'runtime.chansend1'])).toBe('chan send');
    expect(stateOf(['main.handleRequest.func1', 'main.foo'])).toBe('sleep');
    expect(stateOf(['main.reportCount'])).toBe('chan receive');
    expect(stateOf(['main.main.func1'])).toBe('IO wait');
    expect(stateOf(['runtime.main'])).toBe('select');
    // 201 of the 203 goroutines under handleRequest.func1 wait in chan send.
    const func1 = model.find(['main.handleRequest.func1']).node;
    expect(states.names[states.state[func1]]).toBe('chan send');
    expect(states.share[func1]).toBeCloseTo(201 / 203, 5);
  });

  it('uses the recorded states of a debug=2 dump', () => {
    const built = flame(1);
    const states = flameStates(session, built);
    expect(states.recorded).toBe(true);
    const send = built.model.find(['main.(*exporter).send']).node;
    expect(states.names[states.state[send]]).toBe('chan send');
    expect(states.share[send]).toBe(1);
    expect(states.state[0]).not.toBe(NO_STATE);
    expect(states.names).toContain('sync.Mutex.Lock');
  });

  it('sorts wait reasons into colour categories', () => {
    expect(stateCategory('chan receive (nil chan)')).toBe('chan receive');
    expect(stateCategory('select (no cases)')).toBe('select');
    expect(stateCategory('sync.WaitGroup.Wait')).toBe('sync');
    expect(stateCategory('semacquire')).toBe('sync');
    expect(stateCategory('IO wait')).toBe('io');
    expect(stateCategory('GC worker (idle)')).toBe('other');
    expect(stateCategory('sync.(*RWMutex).RLock')).toBe('sync');
  });
});
