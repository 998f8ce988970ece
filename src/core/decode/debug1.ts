import { SnapshotBuilder } from '../model/builder';
import type { Session } from '../model/session';
import { PARKED_NOT, PARKED_UNKNOWN, type HiddenAddresses, type SampleType } from '../model/snapshot';
import type { Label } from '../model/tables';
import { ProfileError } from '../io/errors';
import { UNCANCELLABLE } from '../io/pace';
import { int64Of, quoted, ROUNDED_WARNING } from './numbers';

const COUNT_HEADER = /^([\w.-]+) profile: total (\d+)\s*$/;
const HEAP_HEADER = /^heap profile: *(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] *@ *(heap[_a-z0-9]*)\/?(\d*)/;
const COUNT_RECORD = /^(\d+) @((?: 0x[0-9a-f]+)*)\s*$/;
const HEAP_RECORD = /^ *(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] *@((?: 0x[0-9a-f]+)*)\s*$/;

export function isDebug1(text: string): boolean {
  const head = text.slice(0, 256).trimStart();
  return /^[\w.-]+ profile: total \d+/.test(head) || HEAP_HEADER.test(head);
}

/** How one kind of debug=1 text reads: the header's facts and each record's values. */
interface Dialect {
  kind: string;
  sampleTypes: SampleType[];
  periodType?: SampleType;
  period?: number;
  /** The header's goroutine (or thread…) total, which the record counts must add up to. */
  total: number | null;
  record: RegExp;
  /** What a record's numbers are called in messages. */
  what: string;
  /** The sample's values from the record's numbers, as printed. */
  values(n: number[]): number[];
  /** The sample's numeric label, when the dialect gives one (a heap record's block size). */
  label?(n: number[]): Label;
}

/** Exact-or-rounded reading of the digits Go printed; past int64 it is an error naming the line. */
class Numbers {
  readonly exact = { inexact: false };

  read(digits: string, what: string, line: number): number {
    const v = int64Of(digits, this.exact);
    if (v === null) throw new ProfileError(`malformed debug=1 text: line ${line}: ${what} ${quoted(digits)} is out of range`);
    return v;
  }
}

function dialect(header: string, line: number, nums: Numbers): Dialect | null {
  const c = COUNT_HEADER.exec(header);
  if (c) {
    return { kind: c[1], sampleTypes: [{ type: c[1], unit: 'count' }], total: nums.read(c[2], 'total', line), record: COUNT_RECORD, what: 'count', values: (n) => n };
  }
  const h = HEAP_HEADER.exec(header);
  if (!h) return null;
  // pprof's legacy heap reader: `heap/R` samples every R/2 bytes on average; other variants say so directly.
  const sampling = h[6] ? nums.read(h[6], 'sampling rate', line) : 0;
  const rate = h[5] === 'heap' ? Math.trunc(sampling / 2) : h[5] === 'heapprofile' ? 1 : sampling;
  const scaled = (count: number, size: number) => {
    const v = scaleHeapSample(count, size, rate);
    if (v[0] > Number.MAX_SAFE_INTEGER || v[1] > Number.MAX_SAFE_INTEGER) nums.exact.inexact = true;
    return v;
  };
  // As pprof reads the header: allocations are there when their numbers differ from the in-use ones and are not 0.
  const hasAlloc = (h[3] !== h[1] && h[3] !== '0') || (h[4] !== h[2] && h[4] !== '0');
  return {
    kind: 'heap',
    sampleTypes: hasAlloc ? [...heapTypes('alloc_'), ...heapTypes('inuse_')] : heapTypes(''),
    periodType: { type: 'space', unit: 'bytes' },
    period: rate,
    total: null,
    record: HEAP_RECORD,
    what: 'value',
    values: (n) => (hasAlloc ? [...scaled(n[2], n[3]), ...scaled(n[0], n[1])] : scaled(n[0], n[1])),
    // pprof's `bytes` label: the record's block size, in-use size / count, else the allocated one.
    label: (n) => {
      const bytes = n[0] !== 0 ? Math.trunc(n[1] / n[0]) : hasAlloc && n[2] !== 0 ? Math.trunc(n[3] / n[2]) : 0;
      return { key: 'bytes', value: String(bytes), num: bytes, unit: '' };
    },
  };
}

/** A heap profile's objects (count) and space (bytes) sample types, their names prefixed. */
function heapTypes(prefix: string): SampleType[] {
  return [
    { type: `${prefix}objects`, unit: 'count' },
    { type: `${prefix}space`, unit: 'bytes' },
  ];
}

/**
 * Undoes heap sampling the way pprof does: each sampled block stands for 1 / (1 - e^(-size/rate))
 * blocks. Where that rounds to 1 / 0 (blocks far smaller than the rate), expm1 keeps it finite.
 */
function scaleHeapSample(count: number, size: number, rate: number): [number, number] {
  if (count === 0 || size === 0) return [0, 0];
  if (rate <= 1) return [count, size];
  const x = size / count / rate;
  const scale = 1 / (1 - Math.exp(-x) || -Math.expm1(-x));
  return [Math.trunc(count * scale), Math.trunc(size * scale)];
}

const GO_ESCAPES = new Map(Object.entries({ a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'" }));

function invalidEscape(s: string, at: number): never {
  throw new ProfileError(`invalid escape in a label ("${s.slice(at, at + 2)}")`);
}

/** Reads a Go-quoted string (`%q`) starting at the opening quote; returns the value and the index past the closing quote. */
function readQuoted(s: string, start: number): [string, number] {
  let out = '';
  let i = start + 1;
  while (i < s.length && s[i] !== '"') {
    if (s[i] !== '\\') {
      const next = s.indexOf('"', i);
      const esc = s.indexOf('\\', i);
      const end = next < 0 ? s.length : esc >= 0 && esc < next ? esc : next;
      out += s.slice(i, end);
      i = end;
      continue;
    }
    const c = s[i + 1] ?? '';
    const hex = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
    if (hex) {
      const digits = s.slice(i + 2, i + 2 + hex);
      const code = /^[0-9a-fA-F]+$/.test(digits) && digits.length === hex ? parseInt(digits, 16) : -1;
      if (code < 0 || code > 0x10ffff || (c !== 'x' && code >= 0xd800 && code < 0xe000)) invalidEscape(s, i);
      out += c === 'x' && code >= 0x80 ? '\ufffd' : String.fromCodePoint(code);
      i += 2 + hex;
    } else if (c >= '0' && c <= '7') {
      const digits = s.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(digits)) invalidEscape(s, i);
      const code = parseInt(digits, 8);
      out += code >= 0x80 ? '\ufffd' : String.fromCharCode(code);
      i += 4;
    } else {
      out += GO_ESCAPES.get(c) ?? c;
      i += 2;
    }
  }
  return [out, i + 1];
}

/**
 * Parses the labels Go prints in text profiles: `{"k":"v", "k2":"v2"}` (debug=1) or `{k: v, k2: "v 2"}`
 * (goroutine headers); keys and values may be quoted or bare. Labels with an empty value are left
 * out, as in the protobuf form.
 */
export function parseTextLabels(s: string): Label[] {
  const labels: Label[] = [];
  let i = s.indexOf('{') + 1;
  for (;;) {
    while (s[i] === ' ' || s[i] === ',') i++;
    if (i >= s.length || s[i] === '}') return labels;
    let key: string;
    if (s[i] === '"') [key, i] = readQuoted(s, i);
    else {
      const colon = s.indexOf(':', i);
      if (colon < 0) return labels;
      key = s.slice(i, colon).trim();
      i = colon;
    }
    while (s[i] === ':' || s[i] === ' ') i++;
    let value: string;
    if (s[i] === '"') [value, i] = readQuoted(s, i);
    else {
      const end = s.slice(i).search(/[,}]/);
      value = s.slice(i, end < 0 ? s.length : i + end).trim();
      i = end < 0 ? s.length : i + end;
    }
    // pprof reads a label without a value as no label, and Go's protobuf writer leaves the value out.
    if (value !== '') labels.push({ key, value });
  }
}

/** The label set of a `# labels:` line; a malformed label is an error naming the line. */
function labelSetOf(session: Session, line: string, lineNo: number): number {
  try {
    return session.labelSets.intern(parseTextLabels(line));
  } catch (e) {
    throw e instanceof ProfileError ? new ProfileError(`malformed debug=1 text: line ${lineNo}: ${e.message}`) : e;
  }
}

/**
 * Reads a `#\t0xPC\tfunc+0xOFF\tfile:line` line into a frame id. A line pasted through a chat or an
 * issue has its tabs turned into spaces: then blanks part the fields, and the file keeps any spaces.
 */
function frameOf(session: Session, line: string): number {
  const [, , fn, where] = fields(line, line.includes('\t') ? '\t' : ' ');
  if (fn === undefined) return addressFrame(session);
  let name = fn;
  const off = name.lastIndexOf('+0x');
  if (off > 0 && /^[0-9a-f]+$/.test(name.slice(off + 3))) name = name.slice(0, off);
  const at = where ?? '';
  const colon = at.lastIndexOf(':');
  const lineNo = colon >= 0 && /^\d+$/.test(at.slice(colon + 1)) ? Number(at.slice(colon + 1)) : 0;
  const file = lineNo ? at.slice(0, colon) : at;
  return session.frames.intern(session.functions.intern(name, file), lineNo);
}

/** The first three fields of a line parted by runs of `blank`, and the rest of it as the fourth. */
function fields(line: string, blank: string): string[] {
  const out: string[] = [];
  let p = 0;
  while (p < line.length && out.length < 3) {
    let e = line.indexOf(blank, p);
    if (e < 0) e = line.length;
    out.push(line.slice(p, e));
    p = e;
    while (line[p] === blank) p++;
  }
  if (p < line.length) out.push(line.slice(p).trimEnd());
  return out;
}

/** The frame of an address the text gives no symbol for: pprof names every such frame `<unknown>`, one node. */
function addressFrame(session: Session): number {
  return session.frames.intern(session.functions.intern('<unknown>', ''), 0);
}

/** Waits that call runtime.gopark directly: the first hidden address of their records is gopark's. */
const CALLS_GOPARK = /^(?:internal\/poll\.runtime_pollWait|time\.Sleep|(?:internal\/)?sync\.runtime_(?:Semacquire\w*|notifyListWait))$/;
const SHOWN_FRAME = /^#\s+0x([0-9a-f]+)\s+(\S+?)(?:\+0x[0-9a-f]+)?(?:\s|$)/;

/**
 * Reads how each goroutine record parks from the addresses of the runtime frames its `#` lines
 * leave out. runtime.gopark's address is learnt from records whose first shown frame calls it
 * directly, so it holds within one dump of one binary.
 */
class ParkingReader {
  private group: number[] = [];
  private hidden: number[] = [];
  private firstHidden: string[] = [];
  private gopark = new Map<string, number>();
  /** Per group index, its first record's hidden addresses and first shown one (see HiddenAddresses). */
  private addressesOf: number[][] = [];

  /** `firstShown` is the record's first `#` frame line, or undefined when it has none. */
  add(group: number, addresses: string[], firstShown: string | undefined): void {
    const f = firstShown === undefined ? null : SHOWN_FRAME.exec(firstShown);
    let hidden = -1;
    if (f) {
      // A caller's frame line prints its return address minus one.
      const pc = parseInt(f[1], 16);
      hidden = addresses.findIndex((a) => {
        const v = parseInt(a, 16);
        return v === pc || v === pc + 1;
      });
      if (hidden > 0 && CALLS_GOPARK.test(f[2])) this.gopark.set(addresses[0], (this.gopark.get(addresses[0]) ?? 0) + 1);
      if (hidden > 0) this.addressesOf[group] ??= addresses.slice(0, hidden + 1).map((a) => parseInt(a, 16));
    }
    this.group.push(group);
    this.hidden.push(hidden);
    this.firstHidden.push(addresses[0] ?? '');
  }

  /** Per group index, the addresses of its hidden frames and its first shown one. */
  hiddenAddresses(groups: number): HiddenAddresses {
    const start = new Int32Array(groups + 1);
    for (let g = 0; g < groups; g++) start[g + 1] = start[g] + (this.addressesOf[g]?.length ?? 0);
    const address = new Float64Array(start[groups]);
    this.addressesOf.forEach((a, g) => address.set(a, start[g]));
    return { start, address };
  }

  /** Per group index, how it parks (see Snapshot.parking); records of one group that disagree make it unknown. */
  finish(groups: number): Int8Array {
    let gopark = '';
    let most = 0;
    for (const [a, n] of this.gopark) if (n > most) [gopark, most] = [a, n];
    const out = new Int8Array(groups).fill(PARKED_UNKNOWN);
    const seen = new Uint8Array(groups);
    for (let r = 0; r < this.group.length; r++) {
      const h = this.hidden[r];
      const p = h === 0 ? PARKED_NOT : h > 0 && gopark && this.firstHidden[r] === gopark ? Math.min(h - 1, 127) : PARKED_UNKNOWN;
      const g = this.group[r];
      out[g] = seen[g] && out[g] !== p ? PARKED_UNKNOWN : p;
      seen[g] = 1;
    }
    return out;
  }
}

/**
 * Decodes Go's `?debug=1` text: a count profile (`goroutine profile: total N`, threadcreate,
 * goroutineleak…) or a legacy `heap profile:`. Stacks come from the `#` frame lines.
 */
export async function decodeDebug1(text: string, session: Session, name: string, pace = UNCANCELLABLE): Promise<SnapshotBuilder> {
  const lines = text.split('\n');
  // The text after the last newline is an unfinished line (empty when the text ends with one).
  const complete = lines.length - 1;
  for (let i = 0; i < lines.length; i++) if (lines[i].endsWith('\r')) lines[i] = lines[i].slice(0, -1);
  let i = 0;
  while (i < complete && lines[i].trim() === '') i++;
  const nums = new Numbers();
  const d = dialect(lines[i].trim(), i + 1, nums);
  if (!d) throw new ProfileError(`malformed debug=1 text: unrecognized header "${lines[i].slice(0, 80)}"`);
  const builder = new SnapshotBuilder(session, { name, format: 'debug1', kind: d.kind, sampleTypes: d.sampleTypes, periodType: d.periodType, period: d.period });
  const frames: number[] = [];
  const printed: number[] = [];
  // Records repeat the same frame and label lines over and over.
  const frameOfLine = new Map<string, number>();
  const labelsOfLine = new Map<string, number>();
  const parking = d.kind.startsWith('goroutine') ? new ParkingReader() : null;
  let groups = 0;
  let records = 0;
  let sum = 0;
  let cut = false;
  let steps = 0;
  for (i++; i < lines.length; i++) {
    if ((++steps & 1023) === 0 && pace.due()) await pace.pause();
    const line = lines[i];
    if (line.trim() === '') continue;
    // A `#` line outside a record starts the trailer (the heap profile's runtime.MemStats).
    if (line.startsWith('#')) break;
    const m = d.record.exec(line);
    if (!m) {
      if (i === complete) {
        cut = true;
        break;
      }
      throw new ProfileError(`malformed debug=1 text: line ${i + 1} is not a record ("${line.slice(0, 80)}")`);
    }
    let j = i + 1;
    let labelSet = 0;
    let firstShown: string | undefined;
    frames.length = 0;
    for (; j < complete && lines[j].startsWith('#'); j++) {
      const l = lines[j];
      const labels = l.startsWith('# labels:');
      if (!labels) firstShown ??= l;
      const cache = labels ? labelsOfLine : frameOfLine;
      let id = cache.get(l);
      if (id === undefined) cache.set(l, (id = labels ? labelSetOf(session, l, j + 1) : frameOf(session, l)));
      if (labels) labelSet = id;
      else frames.push(id);
    }
    printed.length = 0;
    for (let g = 1; g < m.length - 1; g++) printed.push(nums.read(m[g], d.what, i + 1));
    const values = d.values(printed);
    // A record is whole when a complete line follows it; at the very end, when the header's total
    // adds up (heap texts have none) and the text ends with a newline or, pasted, with its last
    // frame's line number.
    const last = lines[complete];
    const whole = j < complete || ((last === '' || (j === complete && /^#.*:\d+$/.test(last))) && (d.total === null || d.total === sum + values[0]));
    if (!whole) {
      cut = true;
      break;
    }
    const addresses = m[m.length - 1].trim().split(' ').filter((a) => a);
    if (frames.length === 0) for (const _ of addresses) frames.push(addressFrame(session));
    frames.reverse();
    if (d.label) labelSet = session.labelSets.intern([...session.labelSets.get(labelSet), d.label(printed)]);
    const group = builder.add(builder.stack(frames), labelSet, values);
    groups = Math.max(groups, group + 1);
    parking?.add(group, addresses, firstShown);
    records++;
    sum += values[0];
    i = j - 1;
  }
  if (cut && records === 0) {
    throw new ProfileError(`debug=1 text is cut off inside its first record, so no whole record is left${d.total === null ? '' : ` (the header says total ${d.total})`}`);
  }
  if (parking) {
    builder.parking = parking.finish(groups);
    builder.hidden = parking.hiddenAddresses(groups);
  }
  const of = d.total === null ? '' : `, ${sum} of the header's total of ${d.total}`;
  if (nums.exact.inexact) builder.warn(ROUNDED_WARNING);
  if (cut) builder.warn(`The text is cut off mid-record: kept the ${records} whole records${of}, and dropped the partial last one.`);
  else if (d.total !== null && sum !== d.total) builder.warn(`The records add up to ${sum} but the header says total ${d.total}; the text may be cut.`);
  return builder;
}
