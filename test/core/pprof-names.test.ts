import { describe, expect, it } from 'vitest';
import { pprofFunctionName } from '../../src/core/decode/pprof-names';

describe('function names as pprof shows them', () => {
  it('shortens Go generic instantiations as go tool pprof does', () => {
    expect(pprofFunctionName('main.Map[go.shape.struct { A int },go.shape.interface { M() }].func1', 'main.Map[go.shape.struct { A int },go.shape.interface { M() }].func1')).toBe(
      'main.Map[go.shape.struct { A int },go.shape.interface { M }].func1',
    );
    expect(pprofFunctionName('slices.SortFunc[go.shape.[]int]', 'slices.SortFunc[go.shape.[]int]')).toBe('slices.SortFunc[go.shape.[]int]');
  });

  it('leaves ordinary Go names, methods on generic types and Java constructors alone', () => {
    for (const n of ['main.(*exporter).send', 'main.(*List[go.shape.int]).Push(x)', 'com.Foo.<init>(int)', 'runtime.gopark']) expect(pprofFunctionName(n, n)).toBe(n);
  });

  it('drops C++ parameter and template lists, stopping at an unmatched closer', () => {
    expect(pprofFunctionName('ns::Foo<int>::bar(int, char)', 'ns::Foo<int>::bar(int, char)')).toBe('ns::Foo::bar');
    expect(pprofFunctionName('a>b<c>(x)', 'a>b<c>(x)')).toBe('a>b<c>');
  });

  it('keeps a name that differs from the system name, and takes the system name for an empty one', () => {
    expect(pprofFunctionName('Foo::bar(int)', '_ZN3Foo3barEi')).toBe('Foo::bar(int)');
    expect(pprofFunctionName('', 'ns::f(int)')).toBe('ns::f');
    expect(pprofFunctionName('plain', '')).toBe('plain');
  });
});
