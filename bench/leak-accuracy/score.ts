/** Reads one run back as the Leaks view would and finds where its true leak ranks. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeLeaks, stackNamesOf, type LeakAnalysis } from '../../src/core/analysis/analyze';
import { decodeInput } from '../../src/core/decode';
import { Session } from '../../src/core/model/session';
import type { Reading, Run } from './tracks';

interface Manifest {
  scenario: string;
  leak: string[];
  captures: { seq: number; timeMs: number }[];
}

export interface Outcome {
  leak: boolean;
  /** Rank of the first true-leak group among the suspects (0: first), -1 when it is no suspect. */
  rank: number;
  /** Suspects that are not the leak. */
  falseSuspects: number;
  /** The true leak's verdict (or the best-scoring false suspect's, in a benign series). */
  reason: string;
}

const LEAK_PROFILES = /\.goroutineleak\.\d+\.pb\.gz$/;
const FILE_OF: Record<Reading['series'], RegExp> = {
  pb: /\.goroutine\.\d+\.pb\.gz$/,
  debug1: /\.debug1\.txt$/,
  debug2: /\.debug2\.txt$/,
};

function seqOf(file: string): number {
  return Number(/\.(\d{3})\./.exec(file)?.[1]);
}

export async function analyzeRun(run: Run, reading: Reading): Promise<{ manifest: Manifest; analysis: LeakAnalysis; session: Session }> {
  const manifest = JSON.parse(readFileSync(join(run.dir, 'manifest.json'), 'utf8')) as Manifest;
  const timeOf = new Map(manifest.captures.map((c) => [c.seq, c.timeMs]));
  const files = readdirSync(run.dir).sort();
  const take = (re: RegExp) => files.filter((f) => re.test(f) && seqOf(f) <= (reading.first ?? Infinity));
  const chosen = [...take(FILE_OF[reading.series]), ...(reading.withDumps ? take(FILE_OF.debug2) : []), ...(reading.withLeakProfiles ? take(LEAK_PROFILES) : [])];
  const session = new Session();
  for (const f of chosen) {
    // A timed reading knows each capture's time, as a live capture records it.
    const capturedMs = reading.timed ? timeOf.get(seqOf(f)) : undefined;
    await decodeInput(new Uint8Array(readFileSync(join(run.dir, f))), session, { name: f, capturedMs });
  }
  return { manifest, analysis: analyzeLeaks(session), session };
}

export async function score(run: Run, reading: Reading): Promise<Outcome> {
  const { manifest, analysis, session } = await analyzeRun(run, reading);
  const names = stackNamesOf(session);
  const truth = new Set(manifest.leak);
  const isLeak = (key: number) => names.of(analysis.keyed.origin[key]).some((n) => truth.has(n));
  const suspects = analysis.groups.filter((g) => g.verdict.suspect);
  const rank = suspects.findIndex((g) => isLeak(g.key));
  const leakGroup = analysis.groups.find((g) => isLeak(g.key));
  const falseOnes = suspects.filter((g) => !isLeak(g.key));
  const shown = truth.size ? leakGroup : falseOnes[0];
  return {
    leak: truth.size > 0,
    rank,
    falseSuspects: falseOnes.length,
    reason: shown ? `${shown.function}: ${shown.verdict.score} ${shown.verdict.reason}` : '',
  };
}
