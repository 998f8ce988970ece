import { describe, expect, it } from 'vitest';
import { compileSearch, matchNames, searchTree } from '../../src/core/flame/search';
import { runMatchJobs } from '../../src/core/query/refine-match';
import { loadSession } from './load';
import { oracleNodes, oracleTree, readTraces } from './oracle';

function search(names: readonly string[], tree: Parameters<typeof searchTree>[0], text: string) {
  const c = compileSearch(text);
  if (!c?.ok) throw new Error(`bad search ${text}`);
  const keyMatch = 'regex' in c ? runMatchJobs([{ regex: c.regex, strings: names as string[] }])[0] : matchNames(names, c.matcher);
  return searchTree(tree, keyMatch);
}

describe('flame search', async () => {
  const { flame } = await loadSession('service/pprof.service.goroutine.040.pb.gz');
  const { model } = flame(0);
  const traces = readTraces('expected/service-040.traces.txt');
  const oracle = oracleTree(traces);

  it('counts goroutines through any match once, even where matches nest', () => {
    const re = /^main\./;
    const r = search(model.names, model.tree, '/^main\\./');
    const through = traces.filter((t) => t.rootFirst.some((n) => re.test(n))).reduce((s, t) => s + t.count, 0);
    expect(r.value).toBe(through);
    expect(r.value).toBeLessThan(model.tree.total);
    const frames = [...oracleNodes(oracle)].filter(({ node }) => re.test(node.name)).length;
    expect(r.frames).toBe(frames);
    // Nested: main.(*service).handle calls other main.* functions, so frames outnumber the outermost ones.
    expect(r.frames).toBeGreaterThan(new Set(traces.map((t) => t.rootFirst.find((n) => re.test(n)))).size);
  });

  it('matches substrings without regard to case', () => {
    const r = search(model.names, model.tree, 'EXPORTER).SEND');
    expect(r.names).toBe(1);
    expect(r.value).toBe(13610);
  });

  it('reports a broken regex instead of throwing', () => {
    const c = compileSearch('/main.(/');
    expect(c?.ok).toBe(false);
    expect(compileSearch('   ')).toBeNull();
  });

  it('hands a regex over to be run elsewhere instead of running it, with Go syntax translated', () => {
    expect(compileSearch('/^(([a-z.()*/]|[^Z])+)+Z$/')).toEqual({ ok: true, regex: { source: '^(([a-z.()*/]|[^Z])+)+Z$', flags: '' } });
    expect(compileSearch('/(?i)\\Qmain.(*\\E/s')).toEqual({ ok: true, regex: { source: 'main\\.\\(\\*', flags: 'is' } });
    const r = search(model.names, model.tree, '/(?i)^MAIN\\.\\(\\*EXPORTER\\)\\.send$/');
    expect(r.names).toBe(1);
    expect(r.value).toBe(13610);
  });
});
