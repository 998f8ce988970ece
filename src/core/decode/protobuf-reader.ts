import protobuf from 'protobufjs/minimal.js';

// Plain numbers instead of Long objects for 64-bit fields.
protobuf.util.Long = null as unknown as typeof protobuf.util.Long;
protobuf.configure();

export const Reader = protobuf.Reader;
export type Reader = protobuf.Reader;

const TWO_32 = 4294967296;

/**
 * Reads an int64 varint exactly when it fits in a double's 53-bit mantissa;
 * `inexact` is set when the value had to be rounded.
 */
export function readInt64(r: Reader, out: { inexact: boolean }): number {
  const buf = r.buf;
  let pos = r.pos;
  let b = buf[pos++];
  if (b < 0x80 && pos <= r.len) {
    r.pos = pos;
    return b;
  }
  let lo = 0;
  let hi = 0;
  let i = 0;
  pos--;
  for (; i < 4; i++) {
    if (pos >= r.len) throw new RangeError('index out of range');
    b = buf[pos++];
    lo = (lo | ((b & 0x7f) << (i * 7))) >>> 0;
    if (b < 0x80) {
      r.pos = pos;
      return lo;
    }
  }
  if (pos >= r.len) throw new RangeError('index out of range');
  b = buf[pos++];
  lo = (lo | ((b & 0x7f) << 28)) >>> 0;
  hi = (b & 0x7f) >> 4;
  if (b >= 0x80) {
    for (i = 0; i < 5; i++) {
      if (pos >= r.len) throw new RangeError('index out of range');
      b = buf[pos++];
      hi = (hi | ((b & 0x7f) << (i * 7 + 3))) >>> 0;
      if (b < 0x80) break;
    }
    if (b >= 0x80) throw new Error('invalid varint encoding');
  }
  r.pos = pos;
  if (hi & 0x80000000) {
    // Two's complement negative.
    const nlo = (~lo + 1) >>> 0;
    const nhi = (~hi + (nlo === 0 ? 1 : 0)) >>> 0;
    if (nhi >= 0x200000) out.inexact = out.inexact || !isExact(nhi, nlo);
    return -(nhi * TWO_32 + nlo);
  }
  if (hi >= 0x200000) out.inexact = out.inexact || !isExact(hi, lo);
  return hi * TWO_32 + lo;
}

function isExact(hi: number, lo: number): boolean {
  return BigInt(hi) * 4294967296n + BigInt(lo) === BigInt(hi * TWO_32 + lo);
}
