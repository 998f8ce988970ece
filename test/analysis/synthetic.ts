import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';
import { SnapshotBuilder } from '../../src/core/model/builder';
import type { Session } from '../../src/core/model/session';
import type { Snapshot } from '../../src/core/model/snapshot';

/** A stack as function names, leaf first, e.g. ['runtime.gopark', 'runtime.chansend1', 'main.leak']. */
export type StackSpec = string[];

export const CHAN_SEND: StackSpec = ['runtime.gopark', 'runtime.chansend', 'runtime.chansend1', 'main.leak', 'runtime.goexit'];
export const SLEEP: StackSpec = ['runtime.gopark', 'time.Sleep', 'main.nap', 'runtime.goexit'];
export const POOL: StackSpec = ['runtime.gopark', 'runtime.chanrecv', 'runtime.chanrecv2', 'main.worker', 'runtime.goexit'];

const T0 = Date.UTC(2026, 0, 1);

function stackOf(b: SnapshotBuilder, session: Session, spec: StackSpec): number {
  const rootFirst = [...spec].reverse().map((name, i) => session.frames.intern(session.functions.intern(name, `/src/${name.split('.')[0]}.go`), 10 + i));
  return b.stack(rootFirst);
}

/**
 * Adds one goroutine snapshot per column to the session: counts[s][i] goroutines on stack s in
 * snapshot i, `stepMs` apart (null: no capture times).
 */
export function addSeries(session: Session, stacks: [StackSpec, number[]][], opts: { stepMs?: number | null; kind?: string } = {}): Snapshot[] {
  const n = Math.max(...stacks.map(([, c]) => c.length));
  const stepMs = opts.stepMs === undefined ? 60_000 : opts.stepMs;
  const out: Snapshot[] = [];
  for (let i = 0; i < n; i++) {
    const kind = opts.kind ?? 'goroutine';
    const b = new SnapshotBuilder(session, {
      name: `${kind}.${String(i + 1).padStart(3, '0')}`,
      format: 'pprof',
      kind,
      sampleTypes: [{ type: kind, unit: 'count' }],
      timeMs: stepMs === null ? null : T0 + i * stepMs,
    });
    for (const [spec, counts] of stacks) if (counts[i]) b.add(stackOf(b, session, spec), 0, [counts[i]]);
    out.push(session.add(b.finish(i + 1)));
  }
  return out;
}

/** 0, step, 2*step, … (n values) plus a base. */
export function linear(n: number, step: number, base = 0): number[] {
  return Array.from({ length: n }, (_, i) => base + i * step);
}

/** A stack's frames as Go prints them in debug=1 `#` lines: leading runtime frames and runtime.goexit left out. */
function printedFrames(spec: StackSpec): string[] {
  let start = 0;
  while (start < spec.length - 1 && spec[start].startsWith('runtime.')) start++;
  return spec.slice(start).filter((n) => n !== 'runtime.goexit');
}

/**
 * A goroutineleak profile as `?debug=1` text (Go 1.26+): `goroutineleak profile: total N`, then one
 * record per stack, the same format as the goroutine profile's.
 */
export function leakProfileText(stacks: [StackSpec, number][]): string {
  const total = stacks.reduce((n, [, c]) => n + c, 0);
  const records = stacks.map(([spec, count]) => {
    const pcs = spec.map((_, i) => `0x${(0x401000 + 0x100 * i).toString(16)}`);
    const frames = printedFrames(spec).map((name, i) => `#\t0x${(0x401000 + 0x100 * i).toString(16)}\t${name}+0x1d\t/src/${name.split('.')[0]}.go:${10 + i}`);
    return [`${count} @ ${pcs.join(' ')}`, ...frames].join('\n');
  });
  return `goroutineleak profile: total ${total}\n${records.join('\n\n')}\n`;
}

/**
 * A goroutineleak profile as pprof protobuf (uncompressed), with sample type goroutineleak/count and
 * the given capture time; `labels` per stack, as pprof labels.
 */
export function leakProfileProto(stacks: [StackSpec, number, Record<string, string>?][], timeMs = T0): Uint8Array {
  const strings = [''];
  const str = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const functions = new Map<string, number>();
  const fnId = (name: string) => {
    let id = functions.get(name);
    if (id === undefined) functions.set(name, (id = functions.size + 1));
    return id;
  };
  const locations: { id: number; line: { functionId: number; line: number }[] }[] = [];
  const samples = stacks.map(([spec, count, labels]) => ({
    // Leaf first, as pprof stores them.
    locationId: spec.map((name, i) => {
      const id = locations.length + 1;
      locations.push({ id, line: [{ functionId: fnId(name), line: 10 + spec.length - 1 - i }] });
      return id;
    }),
    value: [count],
    label: Object.entries(labels ?? {}).map(([k, v]) => ({ key: str(k), str: str(v) })),
  }));
  const profile = {
    sampleType: [{ type: str('goroutineleak'), unit: str('count') }],
    sample: samples,
    location: locations,
    function: [...functions].map(([name, id]) => ({ id, name: str(name), systemName: str(name), filename: str(`/src/${name.split('.')[0]}.go`) })),
    timeNanos: timeMs * 1e6,
    periodType: { type: str('goroutineleak'), unit: str('count') },
    period: 1,
    stringTable: strings,
  };
  const type = protobuf.loadSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../proto/profile.proto')).lookupType('perftools.profiles.Profile');
  return type.encode(type.fromObject(profile)).finish();
}
