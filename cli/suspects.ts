import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { stackNamesOf, type GroupReport, type LeakAnalysis } from '../src/core/analysis/analyze';
import { clockNote, seriesLabel, seriesNote } from '../src/core/analysis/series-text';
import { bubblesText } from '../src/core/analysis/facts';
import { parseDuration, waitLabel } from '../src/core/units/duration';
import { rateLabel } from '../src/core/units/rate';
import { GROUPINGS, OPTIONS } from '../src/core/options/table';
import { SUSPECT_SCORE, UNDECIDED_PLATEAU } from '../src/core/analysis/verdict';
import { ProfileError } from '../src/core/decode';
import { QueryEngine } from '../src/core/engine/engine';
import { Session } from '../src/core/model/session';
import { optionValue, parseArgs, UsageError } from './args';
import { loadFile } from './load';
import { checkFilters, filtersOf, REFINE_OPTIONS, REFINE_USAGE } from './refine';

export const SUSPECTS_USAGE = `parkview suspects [--json] [--all] [--fail-on-leak] [--group=${GROUPINGS.join('|')}] [--interval=15s] ${REFINE_USAGE} FILE|DIR|URL...`;

/** Thrown by `--fail-on-leak` when there are suspects; carries the report to print before exiting 1. */
export class LeaksFound extends Error {
  constructor(readonly output: string) {
    super('goroutine leak suspects found');
  }
}

const isDirectory = (p: string) => stat(p).then((s) => s.isDirectory(), () => false);

/** The files to load: named files as given, directories expanded to their files (not their folders) in name order. */
async function expand(paths: string[]): Promise<{ path: string; fromDir: boolean }[]> {
  const out: { path: string; fromDir: boolean }[] = [];
  for (const p of paths) {
    if (!(await isDirectory(p))) {
      out.push({ path: p, fromDir: false });
      continue;
    }
    for (const f of (await readdir(p)).sort()) {
      const path = join(p, f);
      if (!(await isDirectory(path))) out.push({ path, fromDir: true });
    }
  }
  return out;
}

/** Loads every input; a file found in a directory that is not a profile is skipped with a note. */
async function loadAll(session: Session, paths: string[]): Promise<string[]> {
  const skipped: string[] = [];
  for (const { path, fromDir } of await expand(paths)) {
    try {
      await loadFile(session, path);
    } catch (e) {
      if (!fromDir || !(e instanceof ProfileError)) throw e;
      skipped.push(e.message);
    }
  }
  return skipped;
}

function toJson(session: Session, a: LeakAnalysis, g: GroupReport) {
  return {
    function: g.function,
    stack: stackNamesOf(session).of(g.stack),
    state: g.state.label,
    first: g.trend.first,
    last: g.trend.last,
    perMinute: a.series.timed ? g.perMinute : null,
    perSnapshot: a.series.timed ? null : g.perMinute,
    score: g.verdict.score,
    suspect: g.verdict.suspect,
    reason: g.verdict.reason,
    evidence: g.verdict.evidence,
    group: g.label,
    monotonic: g.trend.monotonic,
    r2: g.trend.r2,
    share: g.share,
    waitMinutes: g.waitMax < 0 ? null : { min: g.waitMin, max: g.waitMax },
    creator: g.creator || null,
    creationChain: g.chain,
    provenLeak: g.proven,
  };
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

function table(a: LeakAnalysis, rows: GroupReport[]): string[] {
  const head = ['SCORE', 'FIRST', 'LAST', 'GROWTH', 'STEADY', 'STATE', 'WAIT', 'GROUP'];
  const cells = rows.map((g) => [
    String(g.verdict.score),
    String(g.trend.first),
    String(g.trend.last),
    rateLabel(g.perMinute, a.series.timed),
    (g.trend.monotonic * g.trend.r2).toFixed(2),
    g.state.label,
    waitLabel(g.waitMin, g.waitMax),
    `${g.label}${g.proven ? '  [proven leak]' : ''}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => (i === c.length - 1 ? v : pad(v, widths[i], i < 5))).join('  ').trimEnd();
  return [line(head), ...cells.map(line)];
}

function report(a: LeakAnalysis, shown: GroupReport[], skipped: string[], intervalIgnored: boolean): string {
  const suspects = a.groups.filter((g) => g.verdict.suspect);
  const lines = [`Series: ${seriesLabel(a.series)}${a.factsFrom ? `; states, waits and creators from ${a.factsFrom}` : ''}`];
  for (const s of skipped) lines.push(`Skipped ${s}`);
  a.series.placed.forEach((p, i) => lines.push(`Placed on the series: ${p.snapshot.name}, ${a.placedTotals[i].toLocaleString('en-US')} goroutines (${p.how})`));
  for (const e of a.series.excluded) lines.push(`Not in the series: ${e.name} (${e.reason})`);
  const note = seriesNote(a.series);
  if (note) lines.push(note);
  const clock = clockNote(a.series, 'give the time between snapshots with --interval (e.g. --interval 15s)');
  if (clock) lines.push(clock);
  if (intervalIgnored) lines.push('--interval ignored: the snapshots have capture times.');
  lines.push(
    suspects.length === 0
      ? `No leak suspects among ${a.groups.length} groups.`
      : `${suspects.length} leak suspect${suspects.length === 1 ? '' : 's'} (score >= ${SUSPECT_SCORE}) among ${a.groups.length} groups:`,
  );
  if (shown.length) lines.push('', ...table(a, shown));
  for (const g of shown.filter((x) => x.verdict.suspect && x.verdict.evidence.length)) lines.push('', `${g.label}: ${g.verdict.reason}`, ...g.verdict.evidence.map((e) => `  - ${e}`));
  for (const g of shown.filter((x) => x.verdict.suspect && x.creator)) lines.push('', `${g.label}: created by ${g.chain.length ? g.chain.join('\n  ← ') : g.creator}`);
  for (const g of shown.filter((x) => x.bubbles.length)) lines.push('', `${g.label}: goroutines ${bubblesText(g.bubbles)}`);
  const open = a.groups.filter((g) => !g.verdict.suspect && UNDECIDED_PLATEAU.includes(g.verdict.evidence[0]));
  if (open.length) {
    const names = `${open.slice(0, 3).map((g) => g.label).join(', ')}${open.length > 3 ? ', …' : ''}`;
    lines.push('', `${open.length} group${open.length === 1 ? '' : 's'} rose, then stayed flat in a blocking state (${names}): ${open[0].verdict.evidence[0]}.`);
  }
  return `${lines.join('\n')}\n`;
}

export async function suspectsCommand(argv: string[]): Promise<string> {
  const { opts, positional } = parseArgs(argv, ['json', 'all', 'fail-on-leak'], [OPTIONS.group, OPTIONS.interval, ...REFINE_OPTIONS]);
  if (positional.length === 0) throw new UsageError(`usage: ${SUSPECTS_USAGE}`);
  const grouping = optionValue(opts, OPTIONS.group);
  const intervalMs = parseDuration(optionValue(opts, OPTIONS.interval));
  const engine = new QueryEngine(new Session());
  const { session } = engine;
  const skipped = await loadAll(session, positional);
  if (session.snapshots.length === 0) throw new ProfileError('no profile could be loaded');
  const filters = filtersOf(opts);
  checkFilters(engine, filters);
  const a = engine.leaks({ grouping, intervalMs, filters });
  const shown = opts.all ? a.groups : a.groups.filter((g) => g.verdict.suspect);
  const output = opts.json ? `${JSON.stringify(shown.map((g) => toJson(session, a, g)), null, 2)}\n` : report(a, shown, skipped, intervalMs !== null && a.series.clock === 'capture');
  if (opts['fail-on-leak'] && a.groups.some((g) => g.verdict.suspect)) throw new LeaksFound(output);
  return output;
}
