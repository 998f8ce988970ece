import type { Session } from '../model/session';
import type { StackRewrite } from './call-tree';
import { FILTER_OPTIONS, hasFilters, normalizeFilters, type FilterKey, type Filters } from '../options/filters';
import { runMatchJobs, type MatchJob, type MatchRunner } from './refine-match';
import { compileRegex, RefineError } from './refine-regex';
import { parseTagFilter, selectLabelSets, tagStrings, type TagFilter } from './refine-tags';

/** Name filters, each a bit in a frame's match mask. */
const NAME_FILTERS = ['f', 'i', 'h', 's', 'sf'] as const;
type NameFilter = (typeof NAME_FILTERS)[number];
const BIT: Record<NameFilter, number> = { f: 1, i: 2, h: 4, s: 8, sf: 16 };

export interface ParsedFilters {
  filters: Filters;
  names: Partial<Record<NameFilter, RegExp>>;
  tags: Partial<Record<'tf' | 'ti', TagFilter>>;
}

/** Compiles every filter; a bad one throws a RefineError naming it (`parsing focus regexp: …`). */
export function parseFilters(raw: Filters): ParsedFilters {
  const filters = normalizeFilters(raw);
  const names: ParsedFilters['names'] = {};
  const tags: ParsedFilters['tags'] = {};
  for (const k of NAME_FILTERS) {
    const v = filters[k];
    if (v !== undefined) names[k] = compileRegex(k, FILTER_OPTIONS[k].name, v);
  }
  if (filters.tf !== undefined) tags.tf = parseTagFilter('tf', filters.tf);
  if (filters.ti !== undefined) tags.ti = parseTagFilter('ti', filters.ti);
  return { filters, names, tags };
}

/**
 * Per-frame and per-label-set verdicts of one filter set over the session as it was when built.
 * Regexes ran once per distinct function name, file and label value, never per frame.
 */
export interface RefinePlan {
  filters: Filters;
  frameCount: number;
  labelSetCount: number;
  /** Active name filters as a BIT mask. */
  active: number;
  /** Per frame: BIT mask of the name filters its function's name or file matches. */
  frameBits: Uint8Array;
  tagFocus: Uint8Array | null;
  tagIgnore: Uint8Array | null;
}

/** The regex work a filter set needs, and how to turn its results into a plan. */
export function planJobs(session: Session, parsed: ParsedFilters): { jobs: MatchJob[]; finish: (results: Uint8Array[]) => RefinePlan } {
  const { strings, functions, frames, labelSets } = session;
  const frameCount = frames.size;
  const fnCount = functions.size;
  const sets = labelSets.sets.slice();
  // Distinct strings naming functions or files, so each regex runs once per string.
  const slot = new Int32Array(strings.size).fill(-1);
  const nameStrings: string[] = [];
  const fnName = functions.name.data;
  const fnFile = functions.file.data;
  for (let fn = 0; fn < fnCount; fn++) {
    for (const id of [fnName[fn], fnFile[fn]]) {
      if (slot[id] < 0) {
        slot[id] = nameStrings.length;
        nameStrings.push(strings.get(id));
      }
    }
  }
  const jobs: MatchJob[] = [];
  const nameJobs: [NameFilter, number][] = [];
  for (const k of NAME_FILTERS) {
    const re = parsed.names[k];
    if (!re) continue;
    nameJobs.push([k, jobs.length]);
    jobs.push({ filter: k, regex: { source: re.source, flags: re.flags }, strings: nameStrings });
  }
  const tagJobs = (['tf', 'ti'] as const).flatMap((k) => {
    const tag = parsed.tags[k];
    if (!tag) return [];
    const texts = tagStrings(tag, sets);
    const first = jobs.length;
    for (const re of tag.regexes) jobs.push({ filter: k, regex: { source: re.source, flags: re.flags }, strings: texts });
    return [{ k, tag, texts, first }];
  });
  const finish = (results: Uint8Array[]): RefinePlan => {
    const fnBits = new Uint8Array(fnCount);
    let active = 0;
    for (const [k, j] of nameJobs) {
      active |= BIT[k];
      const m = results[j];
      for (let fn = 0; fn < fnCount; fn++) {
        if (m[slot[fnName[fn]]] || m[slot[fnFile[fn]]]) fnBits[fn] |= BIT[k];
      }
    }
    const frameBits = new Uint8Array(frameCount);
    const frameFn = frames.func.data;
    for (let f = 0; f < frameCount; f++) frameBits[f] = fnBits[frameFn[f]];
    const plan: RefinePlan = { filters: parsed.filters, frameCount, labelSetCount: sets.length, active, frameBits, tagFocus: null, tagIgnore: null };
    for (const { k, tag, texts, first } of tagJobs) {
      const selected = selectLabelSets(tag, sets, texts, results.slice(first, first + tag.regexes.length));
      if (k === 'tf') plan.tagFocus = selected;
      else plan.tagIgnore = selected;
    }
    return plan;
  };
  return { jobs, finish };
}

/**
 * pprof's FilterSamplesByName then ShowFrom on one stack (root-most frame first), at frame level:
 * focus keeps stacks with a frame matching it, ignore drops stacks with one; hide drops matching
 * frames, show keeps only matching ones; show_from drops the frames above the root-most match.
 * Returns the frames kept (a view of `out`), or null when the stack is dropped.
 */
export function applyNameFilters(plan: RefinePlan, frames: ArrayLike<number>, out: Int32Array): Int32Array | null {
  const bits = plan.frameBits;
  const active = plan.active;
  let focused = false;
  for (let j = 0; j < frames.length; j++) {
    const b = bits[frames[j]];
    if (b & BIT.i) return null;
    if (!(active & BIT.f) || b & BIT.f) focused = true;
  }
  if (!focused) return null;
  let n = 0;
  const show = active & BIT.s;
  for (let j = 0; j < frames.length; j++) {
    const b = bits[frames[j]];
    if (b & BIT.h || (show && !(b & BIT.s))) continue;
    out[n++] = frames[j];
  }
  if (n === 0) return null;
  let from = 0;
  if (active & BIT.sf) {
    while (from < n && !(bits[out[from]] & BIT.sf)) from++;
    if (from === n) return null;
  }
  return out.subarray(from, n);
}

function tagsPass(plan: RefinePlan, labelSet: number): boolean {
  if (plan.tagFocus && !plan.tagFocus[labelSet]) return false;
  if (plan.tagIgnore && plan.tagIgnore[labelSet]) return false;
  return true;
}

export function planRewrite(plan: RefinePlan): StackRewrite {
  let out = new Int32Array(256);
  return (frames, labelSet) => {
    if (!tagsPass(plan, labelSet)) return null;
    if (out.length < frames.length) out = new Int32Array(frames.length * 2);
    return applyNameFilters(plan, frames, out);
  };
}

/** What one filter set did to one snapshot: the filters that matched nothing there, and the totals. */
export interface RefineReport {
  /** Filters that matched nothing, as pprof warns "Focus expression matched no samples". */
  unmatched: FilterKey[];
  total: number;
  kept: number;
}

const WARN_NAMES: Record<FilterKey, string> = { f: 'Focus', i: 'Ignore', h: 'Hide', s: 'Show', sf: 'ShowFrom', tf: 'TagFocus', ti: 'TagIgnore' };

/** pprof's warning for a filter that matched nothing. */
export function unmatchedMessage(k: FilterKey): string {
  return `${WARN_NAMES[k]} expression matched no samples`;
}

const REPORT_CHUNK = 8192;

/**
 * Builds the report for one snapshot, yielding every few thousand groups so a Worker can give way
 * to a newer query. Matching is judged as pprof does: name filters over the snapshot's frames,
 * tag filters over the samples the name filters kept.
 */
export function* reportSteps(session: Session, snapshotId: number, sampleIndex: number, plan: RefinePlan): Generator<void, RefineReport> {
  const snapshot = session.get(snapshotId);
  const values = snapshot.values[sampleIndex] ?? snapshot.values[snapshot.defaultSampleType];
  const groupStack = session.groups.stack.data;
  const groupLabels = session.groups.labels.data;
  const sParent = session.stacks.parent.data;
  const sFrame = session.stacks.frame.data;
  const seenNode = new Uint8Array(session.stacks.size);
  const seenFrame = new Uint8Array(session.frames.size);
  let tfMatched = false;
  let tiMatched = false;
  let total = 0;
  let kept = 0;
  let path = new Int32Array(256);
  let out = new Int32Array(256);
  for (let i = 0; i < snapshot.groups.length; i++) {
    if (i % REPORT_CHUNK === REPORT_CHUNK - 1) yield;
    const g = snapshot.groups[i];
    const leaf = groupStack[g];
    const depth = session.stacks.depth.data[leaf];
    if (path.length < depth) {
      path = new Int32Array(depth * 2);
      out = new Int32Array(depth * 2);
    }
    for (let s = leaf, d = depth - 1; s > 0; s = sParent[s], d--) {
      path[d] = sFrame[s];
      if (!seenNode[s]) {
        seenNode[s] = 1;
        seenFrame[sFrame[s]] = 1;
      }
    }
    const v = values[i];
    total += v;
    if (!applyNameFilters(plan, path.subarray(0, depth), out)) continue;
    const ls = groupLabels[g];
    if (plan.tagFocus?.[ls]) tfMatched = true;
    if (plan.tagIgnore?.[ls]) tiMatched = true;
    if (tagsPass(plan, ls)) kept += v;
  }
  const matched = new Set<FilterKey>();
  const bits = plan.frameBits;
  const showActive = plan.active & BIT.s;
  for (let f = 0; f < seenFrame.length; f++) {
    if (!seenFrame[f]) continue;
    const b = bits[f];
    if (b & BIT.f && !(b & BIT.i)) matched.add('f');
    if (b & BIT.i) matched.add('i');
    if (b & BIT.h) matched.add('h');
    if (b & BIT.s) matched.add('s');
    if (b & BIT.sf && !(b & BIT.h) && (!showActive || b & BIT.s)) matched.add('sf');
  }
  if (tfMatched) matched.add('tf');
  if (tiMatched) matched.add('ti');
  const unmatched = (Object.keys(plan.filters) as FilterKey[]).filter((k) => !matched.has(k));
  return { unmatched, total, kept };
}

export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Plans per filter set, the source of the view queries' rewrite. In place (the command, tests) a
 * missing or outgrown plan is built on the spot. Checked-only (the Worker) regexes run solely through
 * `prepare` and `refresh`, with a time limit: a plan the session has outgrown still serves the
 * snapshots it was built with, and `refresh` renews it before new snapshots are shown.
 */
export class Refiner {
  private plans = new Map<string, RefinePlan>();
  /** Filter sets whose regexes ran out of time on names added after they were checked. */
  private failed = new Map<string, Error>();

  constructor(
    private session: Session,
    private mode: 'in-place' | 'checked-only' = 'in-place',
  ) {}

  /** True while the session has no frames or label sets the plan has not judged. */
  private fresh(plan: RefinePlan): boolean {
    return plan.frameCount === this.session.frames.size && plan.labelSetCount === this.session.labelSets.sets.length;
  }

  private remember(plan: RefinePlan): RefinePlan {
    const key = JSON.stringify(plan.filters);
    this.plans.delete(key);
    this.failed.delete(key);
    if (this.plans.size >= 8) this.plans.delete(this.plans.keys().next().value!);
    this.plans.set(key, plan);
    return plan;
  }

  /** The remembered plan while still fresh, else the regex work that builds it. */
  private lookup(filters: Filters): { plan: RefinePlan } | { work: ReturnType<typeof planJobs> } {
    const parsed = parseFilters(filters);
    const cached = this.plans.get(JSON.stringify(parsed.filters));
    return cached && this.fresh(cached) ? { plan: cached } : { work: planJobs(this.session, parsed) };
  }

  /** Builds the plan with `run` doing the regex work (a throwaway Worker in the browser). */
  async prepare(filters: Filters, run: MatchRunner): Promise<RefinePlan | null> {
    if (!hasFilters(filters)) return null;
    const found = this.lookup(filters);
    return 'plan' in found ? found.plan : this.remember(found.work.finish(await run(found.work.jobs)));
  }

  /**
   * Renews, with `run` doing the regex work, every plan the session has outgrown. A filter set whose
   * regexes run out of time on the new names is dropped and its error kept for `planFor`.
   */
  async refresh(run: MatchRunner): Promise<void> {
    for (const [key, plan] of [...this.plans]) {
      if (this.fresh(plan)) continue;
      try {
        await this.prepare(plan.filters, run);
      } catch (e) {
        if (!(e instanceof RefineError)) throw e;
        this.plans.delete(key);
        this.failed.set(key, e);
      }
    }
  }

  /** The plan for filters: see the class comment for what each mode does when it is missing or outgrown. */
  planFor(filters: Filters): RefinePlan | null {
    if (!hasFilters(filters)) return null;
    if (this.mode === 'in-place') {
      const found = this.lookup(filters);
      return 'plan' in found ? found.plan : this.remember(found.work.finish(runMatchJobs(found.work.jobs)));
    }
    // Only the key: the regexes were compiled when the plan was built, and this runs on every view query.
    const key = JSON.stringify(normalizeFilters(filters));
    const cached = this.plans.get(key);
    if (cached) return cached;
    throw this.failed.get(key) ?? new RefineError('these filters were not checked yet; apply them again');
  }

  rewrite(filters: Filters): StackRewrite | undefined {
    const plan = this.planFor(filters);
    return plan ? planRewrite(plan) : undefined;
  }
}
