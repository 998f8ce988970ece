import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIXTURES } from '../fixtures';
import { runCli } from './run';

const SERVICE_040 = `${FIXTURES}/service/pprof.service.goroutine.040.pb.gz`;
const SERVICE = `${FIXTURES}/service`;

afterEach(() => vi.restoreAllMocks());

/** `go tool pprof -top -nodecount=100000 -nodefraction=0 -edgefraction=0` with the same filters (Go 1.19). */
const PPROF_FOCUS_EXPORTER = `File: service
Type: goroutine
Time: Nov 22, 2026 at 5:24am (UTC)
Active filters:
   focus=exporter
Showing nodes accounting for 13610, 57.43% of 23697 total
      flat  flat%   sum%        cum   cum%
     13610 57.43% 57.43%      13610 57.43%  runtime.gopark
         0     0% 57.43%      13610 57.43%  main.(*exporter).send
         0     0% 57.43%      13610 57.43%  runtime.chansend
         0     0% 57.43%      13610 57.43%  runtime.chansend1
`;

const PPROF_SHOW_MAIN_WITHOUT_GLOBEX_CUM = `File: service
Type: goroutine
Time: Nov 22, 2026 at 5:24am (UTC)
Active filters:
   show=^main\\.
   tagignore=tenant=globex
Showing nodes accounting for 17904, 75.55% of 23697 total
      flat  flat%   sum%        cum   cum%
     10207 43.07% 43.07%      10207 43.07%  main.(*exporter).send
      7146 30.16% 73.23%       7147 30.16%  main.(*service).lookupInventory.func1
         0     0% 73.23%        499  2.11%  main.(*service).burstyImports.func1
       499  2.11% 75.33%        499  2.11%  main.importRow (inline)
        16 0.068% 75.40%         16 0.068%  main.readLoop
        16 0.068% 75.47%         16 0.068%  main.serveConn
         0     0% 75.47%          8 0.034%  main.(*service).startWorkers.func1
         8 0.034% 75.50%          8 0.034%  main.(*service).worker
         6 0.025% 75.53%          6 0.025%  main.(*service).lockContention.func1
         1 0.0042% 75.53%          1 0.0042%  main.(*service).burstyImports
         1 0.0042% 75.54%          1 0.0042%  main.(*service).cacheJanitor
         1 0.0042% 75.54%          1 0.0042%  main.(*service).idleConnections.func1
         1 0.0042% 75.55%          1 0.0042%  main.(*service).metricsLoop
         1 0.0042% 75.55%          1 0.0042%  main.loadGenerator
         0     0% 75.55%          1 0.0042%  main.main
         1 0.0042% 75.55%          1 0.0042%  main.queryInventory
`;

describe('pprof’s filter options on the command line', () => {
  it('top --focus prints what go tool pprof -top -focus prints', async () => {
    const { status, stdout, stderr } = await runCli(['top', '--focus=exporter', SERVICE_040]);
    expect([status, stderr]).toEqual([0, '']);
    expect(stdout).toBe(PPROF_FOCUS_EXPORTER);
  });

  it('top --cum with --show and --tagignore, as pprof', async () => {
    const { stdout } = await runCli(['top', '--cum', '--show', '^main\\.', '--tagignore=tenant=globex', SERVICE_040]);
    expect(stdout).toBe(PPROF_SHOW_MAIN_WITHOUT_GLOBEX_CUM);
  });

  it('warns like pprof about a filter that matches nothing, and cuts long filters in the legend at 80 characters', async () => {
    const { status, stdout, stderr } = await runCli(['top', '--focus=zzz', `--ignore=${'a'.repeat(90)}`, SERVICE_040]);
    expect(status).toBe(0);
    expect(stderr).toBe('parkview: warning: Focus expression matched no samples\nparkview: warning: Ignore expression matched no samples\n');
    expect(stdout).toContain(`Active filters:\n   focus=zzz\n   ignore=${'a'.repeat(73)}…\nShowing nodes accounting for 0, 0% of 23697 total\n`);
  });

  it('top --lines reports per source line, as go tool pprof -top -lines', async () => {
    const { stdout } = await runCli(['top', '--lines', `${FIXTURES}/other-types/pprof.service.samples.cpu.001.pb.gz`]);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(111);
    expect(lines.slice(6, 9)).toEqual([
      '      60ms 26.09% 26.09%       60ms 26.09%  internal/runtime/syscall.Syscall6 /usr/lib/go-1.23/src/internal/runtime/syscall/asm_linux_amd64.s:36',
      '      10ms  4.35% 30.43%       10ms  4.35%  aeshashbody /usr/lib/go-1.23/src/runtime/asm_amd64.s:1236',
      '      10ms  4.35% 34.78%       10ms  4.35%  math/rand.globalRand /usr/lib/go-1.23/src/math/rand/rand.go:318',
    ]);
    expect((await runCli(['top', '--lines', '--files', SERVICE_040])).stderr).toBe('parkview: choose one of --functions, --filefunctions, --files, --lines\n');
  });

  it('a bad regex is a usage error in one line', async () => {
    const { status, stdout, stderr } = await runCli(['top', '--hide=(', SERVICE_040]);
    expect([status, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(/^parkview: parsing hide regexp: .+\n$/);
  });

  it('list keeps only the focused samples, as go tool pprof -list -focus', async () => {
    const { stdout } = await runCli(['list', '--focus=exporter', '--source_path', `${FIXTURES}/src`, 'main\\.', SERVICE_040]);
    expect(stdout.split('\n').filter((l) => /ROUTINE|flat, cum|^Total/.test(l))).toEqual([
      'Total: 23697',
      'ROUTINE ======================== main.(*exporter).send in github.com/acme/leaky/cmd/service/main.go',
      '         0      13610 (flat, cum) 57.43% of Total',
    ]);
  });

  it('graph draws the filtered graph with pprof’s legend', async () => {
    const { stdout } = await runCli(['graph', '--focus=exporter', '--hide=gopark', SERVICE_040]);
    expect(stdout).toContain('label="File: service\\lType: goroutine\\lTime: Nov 22, 2026 at 5:24am (UTC)\\lActive filters:\\l   focus=exporter\\l   hide=gopark\\lShowing nodes accounting for 13610, 57.43% of 23697 total\\l"');
    expect(stdout.match(/^"N\d+" \[label=/gm)).toHaveLength(3);
    expect(stdout).not.toContain('tooltip="runtime.gopark');
  });

  it('suspects counts only the goroutines the filters keep', async () => {
    const all = JSON.parse((await runCli(['suspects', '--json', '--all', SERVICE])).stdout) as { function: string; last: number }[];
    const { stdout } = await runCli(['suspects', '--json', '--all', '--focus=exporter', SERVICE]);
    const focused = JSON.parse(stdout) as { function: string; last: number }[];
    expect(all.length).toBeGreaterThan(focused.length);
    expect(focused.map((g) => [g.function, g.last])).toEqual([['main.(*exporter).send', 13610]]);
  });
});
