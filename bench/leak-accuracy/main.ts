// Leak-accuracy benchmark: real Go programs leak in each known way (or run a benign look-alike)
// beside a healthy service's load; their goroutine profiles are ranked as the Leaks view ranks
// them. Prints, per track and reading, how often the true leak is the first suspect and in the
// top 3, and the false suspects per benign series. The captures are kept in .series/ and re-scored
// on the next run (series missing from it are captured); --regenerate captures them all again
// (about 7 minutes), --verbose lists every series.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { generate } from './generate';
import { score, type Outcome } from './score';
import { runsOf, TRACKS } from './tracks';

const ROOT = resolve(import.meta.dirname, '.series');
const args = new Set(process.argv.slice(2));
const runs = runsOf(ROOT);
if (args.has('--regenerate') || !runs.every((r) => existsSync(`${r.dir}/manifest.json`))) await generate(ROOT, runs, args.has('--regenerate'));

type Tally = { leaks: number; top1: number; top3: number; benign: number; falseOnes: number };

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : '-');
const row = (track: string, reading: string, t: Tally) => [
  track,
  reading,
  String(t.leaks || '-'),
  t.leaks ? `${t.top1} (${pct(t.top1, t.leaks)})` : '-',
  t.leaks ? `${t.top3} (${pct(t.top3, t.leaks)})` : '-',
  String(t.benign || '-'),
  t.benign ? String(t.falseOnes) : '-',
  t.benign ? ((20 * t.falseOnes) / t.benign).toFixed(2) : '-',
];
const rows: string[][] = [['track', 'reading', 'leak series', 'top-1', 'top-3', 'benign series', 'false suspects', 'per 20 benign']];
const totals = new Map<string, Tally>();
for (const track of TRACKS) {
  for (const reading of track.readings) {
    const outcomes: [string, Outcome][] = [];
    for (const run of runs.filter((r) => r.track === track)) outcomes.push([run.dir.slice(ROOT.length + 1), await score(run, reading)]);
    const leaks = outcomes.filter(([, o]) => o.leak).map(([, o]) => o);
    const benign = outcomes.filter(([, o]) => !o.leak).map(([, o]) => o);
    const t: Tally = {
      leaks: leaks.length,
      top1: leaks.filter((o) => o.rank === 0).length,
      top3: leaks.filter((o) => o.rank >= 0 && o.rank < 3).length,
      benign: benign.length,
      falseOnes: benign.reduce((s, o) => s + o.falseSuspects, 0),
    };
    const key = `${track.group}${reading.name === 'pb only' ? ' (no debug=2)' : ''}`;
    const sum = totals.get(key) ?? { leaks: 0, top1: 0, top3: 0, benign: 0, falseOnes: 0 };
    for (const k of Object.keys(t) as (keyof typeof t)[]) sum[k] += t[k];
    totals.set(key, sum);
    rows.push(row(track.name, reading.name, t));
    if (args.has('--verbose')) {
      for (const [name, o] of outcomes) {
        const mark = o.leak ? (o.rank === 0 ? 'top-1' : o.rank > 0 ? `rank ${o.rank + 1}` : 'MISSED') : o.falseSuspects ? `${o.falseSuspects} false` : 'clean';
        console.log(`  ${reading.name.padEnd(22)} ${name.padEnd(36)} ${mark.padEnd(8)} ${o.reason}`);
      }
    }
  }
}
rows.push([]);
for (const [key, t] of totals) rows.push(row('all', key, t));
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
for (const r of rows) console.log(r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd());
