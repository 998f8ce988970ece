import { PairTable } from '../../src/core/model/pair-table';
import { describe, expect, it } from 'vitest';
import { StackTable } from '../../src/core/model/tables';

describe('stack prefix tree', () => {
  it('keeps one node per prefix while stacks grow one frame past a leaf, across table growth', () => {
    const t = new StackTable();
    const leaves: number[] = [];
    const frames: number[] = [];
    for (let k = 0; k < 10_000; k++) {
      frames.push(k % 7);
      leaves.push(t.intern(frames, frames.length, k % 2 === 0));
    }
    expect(t.size).toBe(10_001);
    for (let k = 0; k < leaves.length; k += 997) {
      expect(t.intern(frames.slice(0, k + 1))).toBe(leaves[k]);
      expect(t.depth.get(leaves[k])).toBe(k + 1);
    }
    expect(t.framesOf(leaves[9]).reverse()).toEqual([0, 1, 2, 3, 4, 5, 6, 0, 1, 2]);
  });

  it('finds every child of a node with many children, through single, wide and cached lookups', () => {
    const t = new StackTable();
    const byFrame = new Map<number, number>();
    for (let f = 0; f < 5_000; f++) byFrame.set(f, t.intern([1, 2, f], 3, false));
    expect(t.size).toBe(1 + 2 + 5_000);
    for (const [f, leaf] of byFrame) {
      expect(t.child(t.child(t.child(0, 1), 2), f)).toBe(leaf);
      expect(t.intern([1, 2, f])).toBe(leaf);
    }
    expect(t.size).toBe(1 + 2 + 5_000);
  });

  it('matches a plain trie on random stacks added in any order, through intern and child', () => {
    let seed = 12345;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const t = new StackTable();
    const reference = new Map<string, number>();
    const stacks: number[][] = [];
    for (let k = 0; k < 4_000; k++) {
      // Prefixes of earlier stacks, extensions of them and fresh ones, over a small alphabet so
      // that nodes get several children, and leaves get children long after they were added.
      const base = stacks.length && rand(3) > 0 ? stacks[rand(stacks.length)] : [];
      const frames = base.slice(0, rand(base.length + 1));
      for (let extra = rand(4); extra > 0; extra--) frames.push(rand(6));
      if (frames.length === 0) frames.push(rand(6));
      stacks.push(frames);
      let leaf: number;
      if (rand(4) === 0) {
        leaf = 0;
        for (const f of frames) leaf = t.child(leaf, f);
      } else leaf = t.intern(frames, frames.length, rand(2) === 0);
      const key = frames.join(',');
      if (!reference.has(key)) reference.set(key, leaf);
      expect(leaf).toBe(reference.get(key));
      expect(t.framesOf(leaf).reverse()).toEqual(frames);
    }
    const prefixes = new Set(stacks.flatMap((f) => f.map((_, i) => f.slice(0, i + 1).join(','))));
    expect(t.size).toBe(1 + prefixes.size);
    for (const frames of stacks) expect(t.intern(frames)).toBe(reference.get(frames.join(',')));
  });
});

describe('pair table', () => {
  it('keeps every pair of non-negative int32 keys apart, the largest included, across growth', () => {
    const t = new PairTable(4);
    const keys: [number, number][] = [
      [0, 0],
      [0x7fffffff, 0],
      [0, 0x7fffffff],
      [0x7fffffff, 0x7fffffff],
    ];
    for (let i = 1; i <= 5000; i++) keys.push([i * 7919, i % 13]);
    keys.forEach(([a, b], i) => expect(t.intern(a, b, i)).toBe(i));
    expect(t.size).toBe(keys.length);
    keys.forEach(([a, b], i) => expect(t.get(a, b)).toBe(i));
    expect(t.get(1, 1)).toBe(-1);
    t.set(0x7fffffff, 0, 42);
    expect(t.get(0x7fffffff, 0)).toBe(42);
    expect(t.size).toBe(keys.length);
  });
});
