import type { FilterKey } from '../options/filters';
import type { RegexSource } from './refine-regex';

/** One regex to test against many strings: the unit of work that may run in a throwaway Worker. */
export interface MatchJob {
  /** The filter the regex belongs to, named when it takes too long; absent for a search box's regex. */
  filter?: FilterKey;
  regex: RegexSource;
  strings: string[];
}

/** Runs match jobs; in the browser this is a short-lived Worker with a time limit. */
export type MatchRunner = (jobs: MatchJob[]) => Promise<Uint8Array[]>;

/** Tests every string of every job; one byte per string, 1 when the regex matches. `onJob` hears each job start. */
export function runMatchJobs(jobs: MatchJob[], onJob?: (index: number) => void): Uint8Array[] {
  return jobs.map(({ regex, strings }, index) => {
    onJob?.(index);
    const re = new RegExp(regex.source, regex.flags);
    const out = new Uint8Array(strings.length);
    for (let i = 0; i < strings.length; i++) out[i] = re.test(strings[i]) ? 1 : 0;
    return out;
  });
}
