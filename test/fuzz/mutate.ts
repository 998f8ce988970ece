import fc from 'fast-check';

/** Numbers that have broken decoders: past 2^53, past int64, negative, not numbers at all. */
export const HOSTILE_NUMBERS = ['0', '-1', '4294967296', '2147483648', '9007199254740993', '9223372036854775808', '18446744073709551616', '9'.repeat(320), 'NaN', '1e309', '0x10', ''];

/** Text that has broken lookups and parsers: prototype names, escapes, brackets, separators, headers. */
export const HOSTILE_TOKENS = [
  'toString',
  'constructor',
  '__proto__',
  'hasOwnProperty',
  '\\x',
  '\\U0011FFFF',
  '\\ud800',
  '\\',
  '"',
  '{',
  '}',
  '[',
  ']',
  ':',
  ', ',
  '\n',
  '\r\n',
  '\t',
  '\n\n',
  '# labels: {"k":"\\x"}',
  'goroutine 1 [running]:\n',
  'goroutine 9 [chan send, 5 minutes]:\n',
  'created by main.main in goroutine 1\n',
  ' in goroutine ',
  '...additional frames elided...\n',
  '[originating from goroutine 1]:\n',
  '(...)',
  ' +0x1d',
  '@ 0x1 0x2',
  'goroutine profile: total 1\n',
  'heap profile: 1: 2 [3: 4] @ heap/0\n',
  '\u202e',
  '\u0000',
  '\ufffd',
];

/** Protobuf varints and tags that make readers take huge lengths, ids or counts. */
const HOSTILE_BYTES = [
  [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
  [0xff, 0xff, 0xff, 0xff, 0x0f],
  [0x80],
  [0x00],
  [0x0a, 0xff, 0xff, 0xff, 0x7f],
  [0x12, 0x00],
  [0x08, 0x00],
  [0x30, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f],
].map((b) => Uint8Array.from(b));

export type ByteMutation =
  | { kind: 'set'; at: number; byte: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'copy'; from: number; len: number; to: number }
  | { kind: 'truncate'; at: number };

const position = fc.nat({ max: 1 << 20 });

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: position, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: position, bytes: fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 12 }), fc.constantFrom(...HOSTILE_BYTES)) }),
  fc.record({ kind: fc.constant('delete' as const), at: position, len: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant('copy' as const), from: position, len: fc.integer({ min: 1, max: 256 }), to: position }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
);

/** Applies mutations in turn; positions wrap around the current length, so one list fits any input. */
export function mutateBytes(input: Uint8Array, mutations: ByteMutation[]): Uint8Array {
  let b = input;
  for (const m of mutations) {
    const n = b.length;
    const at = (p: number) => (n === 0 ? 0 : p % (n + 1));
    switch (m.kind) {
      case 'set':
        if (n) {
          b = b.slice();
          b[m.at % n] = m.byte;
        }
        break;
      case 'insert': {
        const i = at(m.at);
        b = concat(b.subarray(0, i), m.bytes, b.subarray(i));
        break;
      }
      case 'delete': {
        const i = at(m.at);
        b = concat(b.subarray(0, i), b.subarray(i + m.len));
        break;
      }
      case 'copy': {
        const i = at(m.from);
        b = ((piece) => concat(b.subarray(0, at(m.to)), piece, b.subarray(at(m.to))))(b.slice(i, i + m.len));
        break;
      }
      case 'truncate':
        b = b.subarray(0, at(m.at));
        break;
    }
  }
  return b;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export type TextMutation =
  | { kind: 'number'; nth: number; value: string }
  | { kind: 'token'; at: number; token: string }
  | { kind: 'line'; op: 'delete' | 'duplicate' | 'swap'; nth: number; other: number }
  | { kind: 'replaceLine'; nth: number; token: string }
  | { kind: 'bytes'; mutation: ByteMutation };

export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('number' as const), nth: fc.nat({ max: 4000 }), value: fc.constantFrom(...HOSTILE_NUMBERS) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('token' as const), at: position, token: fc.oneof(fc.constantFrom(...HOSTILE_TOKENS), fc.string({ maxLength: 8 })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('line' as const), op: fc.constantFrom('delete' as const, 'duplicate' as const, 'swap' as const), nth: fc.nat({ max: 4000 }), other: fc.nat({ max: 4000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replaceLine' as const), nth: fc.nat({ max: 4000 }), token: fc.constantFrom(...HOSTILE_TOKENS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bytes' as const), mutation: byteMutation }) },
);

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/** Applies line- and token-aware mutations to profile text. */
export function mutateText(input: string, mutations: TextMutation[]): string {
  let t = input;
  for (const m of mutations) {
    switch (m.kind) {
      case 'number': {
        const spans = [...t.matchAll(/\d+/g)];
        if (spans.length === 0) break;
        const s = spans[m.nth % spans.length];
        t = t.slice(0, s.index) + m.value + t.slice(s.index + s[0].length);
        break;
      }
      case 'token': {
        const i = m.at % (t.length + 1);
        t = t.slice(0, i) + m.token + t.slice(i);
        break;
      }
      case 'line': {
        const lines = t.split('\n');
        const i = m.nth % lines.length;
        const j = m.other % lines.length;
        if (m.op === 'delete') lines.splice(i, 1);
        else if (m.op === 'duplicate') lines.splice(i, 0, lines[i]);
        else [lines[i], lines[j]] = [lines[j], lines[i]];
        t = lines.join('\n');
        break;
      }
      case 'replaceLine': {
        const lines = t.split('\n');
        lines[m.nth % lines.length] = m.token;
        t = lines.join('\n');
        break;
      }
      case 'bytes':
        t = fromUtf8.decode(mutateBytes(utf8.encode(t), [m.mutation]));
        break;
    }
  }
  return t;
}
