import { ProfileError } from './errors';
import { formatBytes } from '../units/bytes';
import { DecodeCancelled, UNCANCELLABLE } from './pace';

/** Output past this size with a higher compression ratio than BOMB_RATIO is treated as a decompression bomb. */
const BOMB_MIN_BYTES = 16 * 1024 * 1024;
const BOMB_RATIO = 200;
/** Input goes in chunks growing from the first size to the last, so the bomb rule acts early and a large input takes few writes. */
const FIRST_CHUNK = 64 * 1024;
const LAST_CHUNK = 1024 * 1024;
/** Above this ratio the trailer's size is not trusted for allocating up front. */
const PREALLOCATE_RATIO = 64;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** A gzip decompressor as a pair of web streams, such as a DecompressionStream. */
export type GunzipStream = () => ReadableWritablePair<Uint8Array, Uint8Array>;

const platformGunzip: GunzipStream = () => new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>;

/** Inflates gzip data (with the platform's DecompressionStream unless given another), refusing to produce more than `maxBytes`. */
export async function gunzip(bytes: Uint8Array, maxBytes: number, stream: GunzipStream = platformGunzip, pace = UNCANCELLABLE): Promise<Uint8Array> {
  const ds = stream();
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  let consumed = 0;
  let chunkSize = FIRST_CHUNK;
  const pump = (async () => {
    for (let off = 0; off < bytes.length; off += chunkSize, chunkSize = Math.min(chunkSize * 2, LAST_CHUNK)) {
      const chunk = bytes.subarray(off, Math.min(off + chunkSize, bytes.length));
      await writer.write(chunk as Uint8Array<ArrayBuffer>);
      consumed += chunk.length;
    }
    await writer.close();
  })();
  pump.catch(() => {});
  const out = new Output(expectedSize(bytes, maxBytes));
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      pace.check();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        throw new ProfileError(`decompressing profile: larger than the ${formatBytes(maxBytes)} limit Parkview reads up to (stopped after ${formatBytes(total)})`);
      }
      const read = Math.min(consumed + chunkSize, bytes.length);
      if (total > BOMB_MIN_BYTES && total > read * BOMB_RATIO) {
        const bound = Math.max(BOMB_MIN_BYTES, read * BOMB_RATIO);
        throw new ProfileError(`decompressing profile: ${formatBytes(read)} inflates past ${formatBytes(bound)} (over ${BOMB_RATIO}:1), which is a decompression bomb, not a profile`);
      }
      out.append(value);
    }
    await pump;
  } catch (e) {
    reader.cancel().catch(() => {});
    writer.abort().catch(() => {});
    if (e instanceof ProfileError || e instanceof DecodeCancelled) throw e;
    throw new ProfileError(`decompressing profile: ${describeInflateError(String((e as Error).message ?? e))}`);
  }
  return out.bytes();
}

/** The size the gzip trailer announces (ISIZE, the size modulo 2^32 of the last member), when it is plausible. */
function expectedSize(bytes: Uint8Array, maxBytes: number): number {
  if (bytes.length < 18) return 0;
  const n = bytes.length;
  const size = (bytes[n - 4] | (bytes[n - 3] << 8) | (bytes[n - 2] << 16) | (bytes[n - 1] << 24)) >>> 0;
  return size <= maxBytes && size <= bytes.length * PREALLOCATE_RATIO ? size : 0;
}

/** Inflated bytes written into one buffer sized from the trailer, so a large input is not held twice. */
class Output {
  private buf: Uint8Array;
  private length = 0;

  constructor(expected: number) {
    this.buf = new Uint8Array(Math.max(expected, FIRST_CHUNK));
  }

  append(chunk: Uint8Array): void {
    const need = this.length + chunk.length;
    if (need > this.buf.length) {
      const grown = new Uint8Array(Math.max(need, this.buf.length * 2));
      grown.set(this.buf.subarray(0, this.length));
      this.buf = grown;
    }
    this.buf.set(chunk, this.length);
    this.length = need;
  }

  bytes(): Uint8Array {
    return this.length === this.buf.length ? this.buf : this.buf.subarray(0, this.length);
  }
}

function describeInflateError(msg: string): string {
  if (/end of (file|stream|input)|unexpected end|truncat/i.test(msg)) return 'unexpected EOF (the gzip data is truncated)';
  if (/check|crc/i.test(msg)) return `corrupt gzip data (${msg.replace(/^.*?:\s*/, '')})`;
  return `corrupt gzip data (${msg})`;
}
