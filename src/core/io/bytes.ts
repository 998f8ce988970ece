import { ProfileError } from './errors';

const utf8 = new TextEncoder();

/** Integers whose zigzag form stays exact in a double. */
export function isSmallInt(v: number): boolean {
  return Number.isInteger(v) && Math.abs(v) <= 2 ** 52;
}

/** Appends varints, zigzag ints, float64s and strings to a growing buffer. */
export class ByteWriter {
  private buf = new Uint8Array(1 << 16);
  private view = new DataView(this.buf.buffer);
  length = 0;

  private ensure(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.length++] = b;
  }

  /** Unsigned integer up to 2^53, 7 bits a byte. */
  uint(v: number): void {
    this.ensure(8);
    while (v >= 0x80) {
      this.buf[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.length++] = v;
  }

  /** Signed integer, zigzag-mapped so small negatives stay short. */
  int(v: number): void {
    this.uint(v < 0 ? -2 * v - 1 : 2 * v);
  }

  float(v: number): void {
    this.ensure(8);
    this.view.setFloat64(this.length, v, true);
    this.length += 8;
  }

  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
  }

  string(s: string): void {
    const b = utf8.encode(s);
    this.uint(b.length);
    this.raw(b);
  }

  /** A column of numbers: zigzag varints when all are safe integers, else raw float64s. */
  numbers(values: ArrayLike<number>): void {
    let ints = true;
    for (let i = 0; i < values.length && ints; i++) ints = isSmallInt(values[i]);
    this.byte(ints ? 0 : 1);
    for (let i = 0; i < values.length; i++) {
      if (ints) this.int(values[i]);
      else this.float(values[i]);
    }
  }

  bytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** Reads what ByteWriter wrote; every read is bounds-checked and fails with a ProfileError. */
export class ByteReader {
  pos = 0;
  private view: DataView;
  private text = new TextDecoder('utf-8');

  constructor(
    private buf: Uint8Array,
    readonly what: string,
  ) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  fail(reason: string): never {
    throw new ProfileError(`${this.what}: ${reason}`);
  }

  get remaining(): number {
    return this.buf.length - this.pos;
  }

  byte(): number {
    if (this.pos >= this.buf.length) this.fail('truncated data');
    return this.buf[this.pos++];
  }

  uint(): number {
    let v = 0;
    let mul = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.byte();
      v += (b & 0x7f) * mul;
      if (b < 0x80) {
        if (!Number.isSafeInteger(v)) this.fail('number out of range');
        return v;
      }
      mul *= 0x80;
    }
    return this.fail('malformed number');
  }

  int(): number {
    const z = this.uint();
    return z % 2 === 1 ? -(z + 1) / 2 : z / 2;
  }

  float(): number {
    if (this.remaining < 8) this.fail('truncated data');
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  /** A count of items that each take at least `minBytes`: never more than the data left can hold. */
  count(what: string, minBytes = 1): number {
    const n = this.uint();
    if (n * minBytes > this.remaining) this.fail(`${what} count ${n} exceeds the data`);
    return n;
  }

  /** An index below `limit`. */
  index(limit: number, what: string): number {
    const i = this.uint();
    if (i >= limit) this.fail(`${what} index ${i} out of range (${limit} entries)`);
    return i;
  }

  string(): string {
    const n = this.count('string byte');
    const s = this.text.decode(this.buf.subarray(this.pos, this.pos + n));
    this.pos += n;
    return s;
  }

  numbers(n: number, into: Float64Array | number[] = new Float64Array(n)): Float64Array | number[] {
    const flag = this.byte();
    if (flag > 1) this.fail('malformed number column');
    if (n * (flag ? 8 : 1) > this.remaining) this.fail('truncated number column');
    for (let i = 0; i < n; i++) into[i] = flag ? this.float() : this.int();
    return into;
  }
}
