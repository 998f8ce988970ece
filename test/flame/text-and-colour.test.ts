import { describe, expect, it } from 'vitest';
import { fitName } from '../../src/core/flame/names';
import { CLASS_PACKAGE, CLASS_RUNTIME, CLASS_STDLIB, packageClass } from '../../src/core/flame/palette';
import { packageOf } from '../../src/core/model/go-packages';

describe('frame labels', () => {
  const name = 'github.com/acme/leaky/internal/store.(*DB).Query';

  it('keep whole names that fit', () => {
    expect(fitName(name, 100)).toBe(name);
  });

  it('cut the package path from the left, one directory at a time', () => {
    expect(fitName(name, 40)).toBe('…/acme/leaky/internal/store.(*DB).Query');
    expect(fitName(name, 36)).toBe('…/leaky/internal/store.(*DB).Query');
    expect(fitName(name, 25)).toBe('…/store.(*DB).Query');
    expect(fitName(name, 18)).toBe('…store.(*DB).Query');
    expect(fitName(name, 10)).toBe('…DB).Query');
    expect(fitName(name, 3)).toBe('');
  });

  it('never exceed the room they are given', () => {
    const generic = `main.Map[${'x'.repeat(4000)}]`;
    for (const max of [4, 9, 30, 200]) expect(fitName(generic, max).length).toBeLessThanOrEqual(max);
  });
});

describe('package colours', () => {
  it('find the import path of Go symbols', () => {
    expect(packageOf('net/http.(*conn).serve')).toBe('net/http');
    expect(packageOf('github.com/acme/leaky/store.(*DB).Query')).toBe('github.com/acme/leaky/store');
    expect(packageOf('main.(*exporter).send')).toBe('main');
    expect(packageOf('pkg.Map[go.shape.struct { a/b.T }]')).toBe('pkg');
    expect(packageOf('main.<script>alert("fn")</script>')).toBe('main');
    expect(packageOf('gopkg.in/yaml%2ev3.(*Decoder).Decode')).toBe('gopkg.in/yaml%2ev3');
  });

  it('mute the runtime and the standard library, and hash the rest stably', () => {
    expect(packageClass('runtime.gopark')).toBe(CLASS_RUNTIME);
    expect(packageClass('internal/runtime/syscall.Syscall6')).toBe(CLASS_RUNTIME);
    expect(packageClass('sync.(*WaitGroup).Wait')).toBe(CLASS_STDLIB);
    expect(packageClass('internal/poll.(*FD).Read')).toBe(CLASS_STDLIB);
    const main = packageClass('main.main');
    expect(main).toBeGreaterThanOrEqual(CLASS_PACKAGE);
    expect(packageClass('main.(*exporter).send')).toBe(main);
    expect(packageClass('main.<script>alert("fn")</script>')).toBe(main);
    expect(packageClass('leaky/store.(*DB).get')).toBeGreaterThanOrEqual(CLASS_PACKAGE);
    expect(packageClass('github.com/acme/leaky/store.Open')).toBe(packageClass('github.com/acme/leaky/store.(*DB).Close'));
  });
});
