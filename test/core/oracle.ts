// Readers for the oracle files (`go tool pprof` output in expected/) and independent, slow
// reference parsers that the tests compare the decoders against.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import protobuf from 'protobufjs';
import type { Session } from '../../src/core/model/session';
import type { Snapshot } from '../../src/core/model/snapshot';

export interface TopRow {
  flat: string;
  cum: string;
  name: string;
}

/** Rows and total of a `-top` report; names lose pprof's ` (inline)` / ` (partial-inline)` marks. */
export function parseTop(text: string): { total: string; rows: TopRow[] } {
  const total = /of (\S+) total$/m.exec(text)?.[1] ?? '';
  const rows: TopRow[] = [];
  const body = text.slice(text.indexOf('cum%\n') + 5);
  for (const line of body.split('\n')) {
    const m = /^\s*(\S+)\s+\S+\s+\S+\s+(\S+)\s+\S+\s+(.*)$/.exec(line);
    if (m) rows.push({ flat: m[1], cum: m[2], name: m[3].replace(/ \((partial-)?inline\)$/, '') });
  }
  return { total, rows };
}

const FACTORS: Record<string, number> = { '': 1, B: 1, kB: 2 ** 10, MB: 2 ** 20, GB: 2 ** 30, TB: 2 ** 40, ns: 1, us: 1e3, ms: 1e6, s: 1e9, hrs: 3600e9 };

/** A value pprof printed (`12`, `1.50MB`, `10ms`) in base units, with how far off its two decimals may be. */
export function parseScaled(s: string): { value: number; tolerance: number } {
  const m = /^(-?[\d.]+)([a-zA-Z]*)$/.exec(s);
  if (!m || !(m[2] in FACTORS)) throw new Error(`unexpected value ${s}`);
  const factor = FACTORS[m[2]];
  return { value: Number(m[1]) * factor, tolerance: m[2] ? 0.005 * factor : 0 };
}

export interface Trace {
  count: number;
  /** `k=v` pairs, sorted, joined by commas. */
  labels: string;
  /** Function names, leaf first. */
  stack: string[];
}

/** The samples of a `-traces` report. */
export function parseTraces(text: string): Trace[] {
  const out: Trace[] = [];
  for (const block of text.split(/^-+\+-+$/m).slice(1)) {
    const labels: string[] = [];
    const stack: string[] = [];
    let count = -1;
    for (const line of block.split('\n')) {
      const frame = /^ {13}(\S.*)$/.exec(line);
      const head = /^\s*(\d+) {3}(\S.*)$/.exec(line);
      const label = /^\s*(\S+):  (.*)$/.exec(line);
      if (frame) stack.push(frame[1]);
      else if (head) {
        count = Number(head[1]);
        stack.push(head[2]);
      } else if (label) labels.push(`${label[1]}=${label[2]}`);
    }
    if (count >= 0) out.push({ count, labels: labels.sort().join(','), stack: stack.map((n) => n.replace(/ \((partial-)?inline\)$/, '')) });
  }
  return out;
}

/** A snapshot's groups in the same shape as `parseTraces`. */
export function tracesOf(session: Session, s: Snapshot, sampleIndex = s.defaultSampleType): Trace[] {
  return Array.from(s.groups, (g, i) => ({
    count: s.values[sampleIndex][i],
    labels: session.labelSets
      .get(session.groups.labels.get(g))
      .map((l) => `${l.key}=${l.value}`)
      .sort()
      .join(','),
    stack: session.stackNames(session.groups.stack.get(g)),
  }));
}

export function sortTraces(t: Trace[]): string[] {
  return t.map((x) => `${x.count} ${x.labels} ${x.stack.join(' < ')}`).sort();
}

/** `-tags` output: per key, its total and the count of each value. */
export function parseTags(text: string): Map<string, { total: number; values: Map<string, number> }> {
  const out = new Map<string, { total: number; values: Map<string, number> }>();
  let current: { total: number; values: Map<string, number> } | undefined;
  for (const line of text.split('\n')) {
    const key = /^ (\S+): Total ([\d.]+)$/.exec(line);
    const value = /^\s+([\d.]+) \(\s*[\d.]+%\): (.*)$/.exec(line);
    if (key) out.set(key[1], (current = { total: Number(key[2]), values: new Map() }));
    else if (value && current) current.values.set(value[2], Number(value[1]));
  }
  return out;
}

const profileType = protobuf.loadSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../proto/profile.proto')).lookupType('perftools.profiles.Profile');

/** Sample count and per-type totals of a pprof file, read with protobufjs's reflection decoder. */
export function pprofFacts(bytes: Uint8Array): { samples: number; totals: number[] } {
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  const p = profileType.toObject(profileType.decode(raw), { longs: Number }) as { sample?: { value: number[] }[]; sampleType: unknown[] };
  const totals = p.sampleType.map(() => 0);
  for (const s of p.sample ?? []) s.value.forEach((v, i) => (totals[i] += v));
  return { samples: p.sample?.length ?? 0, totals };
}

export interface DumpGoroutine {
  id: number;
  state: string;
  minutes: number;
  locked: boolean;
  /** Function names, leaf first. */
  stack: string[];
  creator: string | null;
  creatorLine: number;
  parent: number;
}

/** A plain line-by-line reading of a whole (not cut) debug=2 dump. */
export function parseDump(text: string): DumpGoroutine[] {
  const out: DumpGoroutine[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const h = /^goroutine (\d+) \[([^\]]*)\]:$/.exec(lines[i]);
    if (!h) continue;
    const parts = h[2].split(', ');
    const minutes = parts.find((p) => / minutes$/.test(p));
    const g: DumpGoroutine = {
      id: Number(h[1]),
      state: parts[0],
      minutes: minutes ? parseInt(minutes, 10) : -1,
      locked: parts.includes('locked to thread'),
      stack: [],
      creator: null,
      creatorLine: 0,
      parent: -1,
    };
    for (i++; i < lines.length && lines[i] !== ''; i += 2) {
      const created = /^created by (\S+)(?: in goroutine (\d+))?$/.exec(lines[i]);
      if (created) {
        g.creator = created[1];
        g.creatorLine = Number(/:(\d+)/.exec(lines[i + 1])?.[1]);
        g.parent = created[2] ? Number(created[2]) : -1;
      } else g.stack.push(lines[i].slice(0, lines[i].lastIndexOf('(')));
    }
    out.push(g);
  }
  return out;
}
