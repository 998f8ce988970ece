import { describe, expect, it } from 'vitest';
import { baseValues } from '../../src/core/flame/diff';
import { loadSession } from './load';

describe('flame grouped by label (tagroot)', async () => {
  const { flame } = await loadSession('service/pprof.service.goroutine.001.pb.gz', 'service/pprof.service.goroutine.040.pb.gz');
  const grouped = flame(1, 'tenant');
  const { model } = grouped;
  const roots = new Map([...model.childrenOf(0)].map((c) => [model.names[model.tree.key[c]], model.tree.cum[c]]));

  it('puts one pseudo-frame per tenant at the root, as wide as `pprof -tags` counts', () => {
    // expected/service-040.tags.txt: initech 5792, globex 5787, umbrella 5787, acme 5775 of 23141 tagged.
    expect(roots.get('tenant=initech')).toBe(5792);
    expect(roots.get('tenant=globex')).toBe(5787);
    expect(roots.get('tenant=umbrella')).toBe(5787);
    expect(roots.get('tenant=acme')).toBe(5775);
    expect(roots.get('tenant unset')).toBe(23697 - 23141);
    expect(roots.size).toBe(5);
  });

  it('marks the pseudo-frames as labels and keeps the real stacks below them', () => {
    const acme = model.find(['tenant=acme']).node;
    expect(model.tree.key[acme]).toBeGreaterThanOrEqual(grouped.labelFrom);
    const below = [...model.childrenOf(acme)].reduce((s, c) => s + model.tree.cum[c], 0) + model.tree.self[acme];
    expect(below).toBe(5775);
    expect(model.tree.self[acme]).toBe(0);
  });

  it('shares pseudo-frames across snapshots, so a grouped diff matches them', () => {
    const base = flame(0, 'tenant').model;
    const before = baseValues(model.tree, base);
    const acme = model.find(['tenant=acme']).node;
    expect(before[acme]).toBe(base.tree.cum[base.find(['tenant=acme']).node]);
    expect(before[acme]).toBeGreaterThan(0);
    expect(before[acme]).toBeLessThan(5775);
  });
});
