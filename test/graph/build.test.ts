import { describe, expect, it } from 'vitest';
import { topReport } from '../../src/core/query/top';
import { readFixtureText } from '../fixtures';
import { parseTop } from '../core/oracle';
import { edgeLines, FANOUT_100K, graphOf, SERVICE_040, SLOWCLIENT_LAST } from './helpers';

// Node order, edges and counts below are `go tool pprof -dot` output (Go 1.19) for the same files.

describe('call graph of service 040 (pprof defaults)', () => {
  it('keeps pprof’s 8 nodes in its drawing order, dropping 61 below cum 118', async () => {
    const { graph } = await graphOf(SERVICE_040);
    expect(graph.nodes.map((n) => n.name)).toEqual([
      'runtime.gopark',
      'runtime.chansend1',
      'main.(*exporter).send',
      'main.(*service).lookupInventory.func1',
      'main.(*service).burstyImports.func1',
      'time.Sleep',
      'main.importRow',
      'runtime.chansend',
    ]);
    expect(graph.total).toBe(23697);
    expect(graph.nodeCutoff).toBe(118);
    expect(graph.droppedNodes).toBe(61);
    expect(graph.droppedEdges).toBe(0);
  });

  it('gives every kept node the flat and cum of parkview top and of go tool pprof -top', async () => {
    const { graph, tree, keys, session } = await graphOf(SERVICE_040);
    const top = new Map(topReport(tree, keys, session.frames).rows.map((r) => [r.name, r]));
    const pprof = new Map(parseTop(readFixtureText('expected/service-040.top.txt')).rows.map((r) => [r.name, r]));
    for (const n of graph.nodes) {
      expect([n.flat, n.cum]).toEqual([top.get(n.name)!.flat, top.get(n.name)!.cum]);
      expect([String(n.flat), String(n.cum)]).toEqual([pprof.get(n.name)!.flat, pprof.get(n.name)!.cum]);
    }
    expect(graph.nodes.find((n) => n.name === 'main.(*exporter).send')!.cum).toBe(13610);
  });

  it('weighs each call by the goroutines through it, heaviest first, marking inlined calls', async () => {
    expect(edgeLines((await graphOf(SERVICE_040)).graph)).toEqual([
      'runtime.chansend -> runtime.gopark 23140',
      'runtime.chansend1 -> runtime.chansend 23140',
      'main.(*exporter).send -> runtime.chansend1 13610',
      'main.(*service).lookupInventory.func1 -> runtime.chansend1 9530',
      'time.Sleep -> runtime.gopark 502',
      'main.(*service).burstyImports.func1 -> main.importRow 499 inline',
      'main.importRow -> time.Sleep 499',
    ]);
  });

  it('with no pruning, keeps every function of pprof -top and no edge heavier than its callee', async () => {
    const { graph } = await graphOf(SERVICE_040, { nodeCount: 0, nodeFraction: 0, edgeFraction: 0 });
    expect(graph.nodes).toHaveLength(parseTop(readFixtureText('expected/service-040.top.txt')).rows.length);
    for (const e of graph.edges) expect(e.weight).toBeLessThanOrEqual(graph.nodes[e.dst].cum);
    const into = new Map<number, number>();
    for (const e of graph.edges) into.set(e.dst, (into.get(e.dst) ?? 0) + e.weight);
    // Every goroutine below a node came through one of its callers, unless the node is where its stack starts.
    const gopark = graph.nodes.findIndex((n) => n.name === 'runtime.gopark');
    expect(into.get(gopark)).toBe(graph.nodes[gopark].cum);
  });
});

describe('pruning', () => {
  it('fanout-100k: 38 nodes and 346 edges, dropping 34 nodes below cum 500', async () => {
    const { graph } = await graphOf(FANOUT_100K);
    expect(graph.nodes).toHaveLength(38);
    expect(graph.edges).toHaveLength(346);
    expect([graph.droppedNodes, graph.nodeCutoff, graph.origCount]).toEqual([34, 500, 38]);
    const lines = edgeLines(graph);
    expect(lines.slice(0, 2)).toEqual(['runtime.goparkunlock -> runtime.gopark 33311', 'runtime/pprof.Do -> main.main.func2.1 25000']);
    expect(lines).toContain('main.validate -> main.route 14488');
    expect(lines).toContain('sync.runtime_notifyListWait -> runtime.goparkunlock 16751 inline');
    expect(graph.edges.every((e) => e.weight >= 100)).toBe(true);
  });

  it('node count: the 12 most telling nodes, dashed residual edges over the dropped ones, redundant ones removed', async () => {
    const { graph, drawn } = await graphOf(SLOWCLIENT_LAST, { nodeCount: 12 });
    expect(graph.origCount).toBe(31);
    expect(graph.nodes.map((n) => `${n.name} ${n.cum}`)).toEqual([
      'runtime.gopark 784',
      'net.(*conn).Read 312',
      'runtime.selectgo 312',
      'net/http.(*conn).serve 157',
      'main.fetchWithoutContext 156',
      'net/http.(*connReader).backgroundRead 156',
      'net/http.(*persistConn).readLoop 156',
      'net/http.(*persistConn).writeLoop 156',
      'bufio.(*Reader).Peek 156',
      'bufio.(*Reader).fill 156',
      'internal/poll.(*FD).Read 312',
      'internal/poll.(*pollDesc).wait 314',
    ]);
    expect(edgeLines(graph)).toEqual([
      'internal/poll.(*pollDesc).wait ... runtime.gopark 314',
      'internal/poll.(*FD).Read ... internal/poll.(*pollDesc).wait 312',
      'net.(*conn).Read ... internal/poll.(*FD).Read 312',
      'runtime.selectgo -> runtime.gopark 312',
      'bufio.(*Reader).Peek -> bufio.(*Reader).fill 156',
      'bufio.(*Reader).fill ... net.(*conn).Read 156',
      'main.fetchWithoutContext ... runtime.selectgo 156',
      'net/http.(*conn).serve ... runtime.gopark 156',
      'net/http.(*connReader).backgroundRead -> net.(*conn).Read 156',
      'net/http.(*persistConn).readLoop -> bufio.(*Reader).Peek 156',
      'net/http.(*persistConn).writeLoop -> runtime.selectgo 156',
    ]);
    expect(drawn.summary).toContain('Showing top 12 nodes out of 31');
  });

  it('node and edge fractions: 6 nodes, 5 edges at -nodecount=6 -nodefraction=0.05 -edgefraction=0.02', async () => {
    const { graph } = await graphOf(SLOWCLIENT_LAST, { nodeCount: 6, nodeFraction: 0.05, edgeFraction: 0.02 });
    expect(graph.nodes).toHaveLength(6);
    expect(graph.edges).toHaveLength(5);
    expect(graph.edges.filter((e) => e.residual)).toHaveLength(3);
  });

  it('recursion: one edge into the recursive function, no edge to itself', async () => {
    expect(edgeLines((await graphOf('edge/deep-recursion.pb.gz')).graph)).toEqual([
      'main.main -> main.walk 1',
      'main.other -> runtime.chansend 1',
      'main.walk -> runtime.gopark 1',
      'runtime.chansend -> runtime.gopark 1',
      'runtime.goexit -> main.other 1',
    ]);
  });

  it('other profile types: the CPU profile’s 93 nodes and 88 edges without a node limit, labelled in ms', async () => {
    const { graph, drawn } = await graphOf('other-types/pprof.service.samples.cpu.001.pb.gz', { nodeCount: 0 });
    expect([graph.nodes.length, graph.edges.length]).toEqual([93, 88]);
    expect(drawn.nodes[0]).toMatchObject({ name: 'internal/runtime/syscall.Syscall6', lines: ['syscall', 'Syscall6', '60ms (26.09%)'], fontSize: 24 });
    expect(drawn.nodes[2]).toMatchObject({ name: 'runtime.mcall', lines: ['runtime', 'mcall', '10ms (4.35%)', 'of 70ms (30.43%)'], fontSize: 15 });
  });
});

describe('granularities', () => {
  it('lines: one node per function and line, labelled with the file’s base name and line', async () => {
    const { drawn } = await graphOf(SERVICE_040, {}, undefined, 'lines');
    const send = drawn.nodes.find((n) => n.func === 'main.(*exporter).send')!;
    expect(send.name).toMatch(/^main\.\(\*exporter\)\.send \/home\/dev\/src\/github\.com\/acme\/leaky\/cmd\/service\/main\.go:\d+$/);
    expect(send.lines.slice(0, 4)).toEqual(['main', '(*exporter)', 'send', expect.stringMatching(/^main\.go:\d+$/)]);
  });

  it('files: one node per file, selecting the file', async () => {
    const { drawn } = await graphOf(SERVICE_040, {}, undefined, 'files');
    const main = drawn.nodes.find((n) => n.name.endsWith('cmd/service/main.go'))!;
    expect(main.func).toBe(main.name);
    expect(main.lines[0]).toBe('main.go');
  });
});
