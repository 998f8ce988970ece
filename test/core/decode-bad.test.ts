import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { zlibGunzip } from '../../cli/zlib-gunzip';
import { decodeInput, DEFAULT_LIMITS, type GunzipStream } from '../../src/core/decode';
import { Session } from '../../src/core/model/session';
import { listFixtures, readFixture } from '../fixtures';

/** Each broken input and the one-line message it is rejected with. */
const EXPECTED: Record<string, string> = {
  'bomb.pb.gz': 'bomb.pb.gz: decompressing profile: 64 KiB inflates past 16 MiB (over 200:1), which is a decompression bomb, not a profile',
  'corrupt-gzip.pb.gz': 'corrupt-gzip.pb.gz: decompressing profile: corrupt gzip data (invalid distance too far back)',
  'debug1-cut.txt': 'debug1-cut.txt: debug=1 text is cut off inside its first record, so no whole record is left (the header says total 12)',
  'empty.pb.gz': 'empty.pb.gz: empty input file',
  'json.pb.gz': 'json.pb.gz: unrecognized profile format (this is JSON, perhaps an error response, not a profile)',
  'missing-location.pb.gz': 'missing-location.pb.gz: malformed profile: sample has nil location (location id 424242 not found)',
  'not-a-profile.txt': 'not-a-profile.txt: unrecognized profile format',
  'random-bytes.bin': 'random-bytes.bin: unrecognized profile format',
  'random-bytes.pb.gz': 'random-bytes.pb.gz: unrecognized profile format',
  'string-index-out-of-range.pb.gz': 'string-index-out-of-range.pb.gz: malformed profile: string index 9999 out of range (the table has 11 strings)',
  'string-table-zero-not-empty.pb.gz': "string-table-zero-not-empty.pb.gz: malformed profile: string_table[0] must be ''",
  'truncated-proto.pb.gz': 'truncated-proto.pb.gz: malformed profile: truncated or corrupt protobuf (index out of range: 347 + 1 > 347)',
  'truncated.pb.gz': 'truncated.pb.gz: decompressing profile: unexpected EOF (the gzip data is truncated)',
  'value-count-mismatch.pb.gz': 'value-count-mismatch.pb.gz: mismatch: sample has 2 values vs. 1 types',
};

/** pprof's wording (or the fact) each message must carry. */
const REASON: Record<string, string> = {
  'bomb.pb.gz': 'decompression bomb',
  'corrupt-gzip.pb.gz': 'corrupt gzip data',
  'debug1-cut.txt': 'cut off',
  'empty.pb.gz': 'empty input file',
  'json.pb.gz': 'unrecognized profile format',
  'missing-location.pb.gz': 'sample has nil location',
  'not-a-profile.txt': 'unrecognized profile format',
  'random-bytes.bin': 'unrecognized profile format',
  'random-bytes.pb.gz': 'unrecognized profile format',
  'string-index-out-of-range.pb.gz': 'out of range',
  'string-table-zero-not-empty.pb.gz': "string_table[0] must be ''",
  'truncated-proto.pb.gz': 'truncated or corrupt protobuf',
  'truncated.pb.gz': 'unexpected EOF',
  'value-count-mismatch.pb.gz': 'mismatch: sample has 2 values vs. 1 types',
};

async function rejection(relPath: string, gunzip?: GunzipStream): Promise<Error> {
  const error = await decodeInput(readFixture(relPath), new Session(), { name: relPath.split('/').pop()! }, { ...DEFAULT_LIMITS, gunzip }).then(
    () => null,
    (e: Error) => e,
  );
  if (!error) throw new Error(`${relPath} was accepted`);
  return error;
}

const files = listFixtures('bad', /./).map((p) => p.slice('bad/'.length));

describe('broken inputs', () => {
  it('has a message for every file in bad/', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it('rejects legacy text it cannot read with a message, not a crash', async () => {
    const error = await decodeInput(new TextEncoder().encode('heap profile: 1: 2 [3: 4] @ heap/1048576\nnonsense\n\n'), new Session(), { name: 'h.txt' }).catch((e: Error) => e);
    expect((error as Error).message).toBe('h.txt: malformed debug=1 text: line 2 is not a record ("nonsense")');
  });
});

/** The app inflates with the platform's DecompressionStream, the command with node:zlib: both must refuse alike. */
describe.each([
  ['DecompressionStream', undefined],
  ['node:zlib', zlibGunzip],
])('broken inputs, inflated with %s', (_, gunzip) => {
  it.each(files)('%s is rejected with one clear line naming the file', async (file) => {
    const e = await rejection(`bad/${file}`, gunzip);
    expect(e.name).toBe('ProfileError');
    expect(e.message).toBe(EXPECTED[file]);
    expect(e.message.startsWith(`${file}: `)).toBe(true);
    expect(e.message).toContain(REASON[file]);
    expect(e.message).not.toContain('\n');
  });

  it('stops the bomb early, without inflating it', async () => {
    let peak = 0;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 1);
    const before = process.memoryUsage().arrayBuffers;
    const started = performance.now();
    await rejection('bad/bomb.pb.gz', gunzip);
    clearInterval(sample);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(peak - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('applies a lower size limit when given one', async () => {
    const bytes = readFixture('fanout-200k/pprof.fanout.goroutine.001.pb.gz');
    const error = await decodeInput(bytes, new Session(), { name: 'big.pb.gz' }, { maxDecompressedBytes: 1024 * 1024, gunzip }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^big\.pb\.gz: decompressing profile: larger than the 1 MiB limit Parkview reads up to \(stopped after [\d.]+ MiB\)$/);
  });
});

describe('ids that name two things', () => {
  const Profile = protobuf.loadSync(resolve(import.meta.dirname, '../../proto/profile.proto')).lookupType('perftools.profiles.Profile');
  /** service 040 re-encoded after `edit` changed its decoded message. */
  function edited(edit: (p: { function: unknown[]; location: unknown[] }) => void): Uint8Array {
    const p = Profile.toObject(Profile.decode(gunzipSync(readFixture('service/pprof.service.goroutine.040.pb.gz'))), { longs: Number }) as { function: unknown[]; location: unknown[] };
    edit(p);
    return Profile.encode(Profile.fromObject(p)).finish();
  }

  it('are refused as pprof refuses them: two functions with one id', async () => {
    const bytes = edited((p) => p.function.push({ ...(p.function[1] as object) }));
    const error = await decodeInput(bytes, new Session(), { name: 'dup.pb' }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^dup\.pb: malformed profile: multiple functions with same id: \d+$/);
  });

  it('are refused as pprof refuses them: two locations with one id', async () => {
    const bytes = edited((p) => p.location.push({ ...(p.location[1] as object) }));
    const error = await decodeInput(bytes, new Session(), { name: 'dup.pb' }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^dup\.pb: malformed profile: multiple locations with same id: \d+$/);
  });
});

describe('damaged bytes', () => {
  const good = new Uint8Array(gunzipSync(readFixture('service/pprof.service.goroutine.040.pb.gz')));

  /** Decodes `bytes`: it either loads or fails with one ProfileError line naming the file, never anything else. */
  async function outcome(bytes: Uint8Array): Promise<'loaded' | 'refused'> {
    try {
      await decodeInput(bytes, new Session(), { name: 'damaged.pb' });
      return 'loaded';
    } catch (e) {
      expect((e as Error).name).toBe('ProfileError');
      expect((e as Error).message).toMatch(/^damaged\.pb: [^\n]+$/);
      return 'refused';
    }
  }

  it('a byte set to 0xff anywhere in service 040 loads or is refused with a message', async () => {
    const seen = new Set<string>();
    for (let at = 0; at < good.length; at += 7) {
      const bytes = good.slice();
      bytes[at] = 0xff;
      seen.add(await outcome(bytes));
    }
    expect([...seen].sort()).toEqual(['loaded', 'refused']);
  });

  it('service 040 cut anywhere loads or is refused with a message', async () => {
    const seen = new Set<string>();
    for (let n = 1; n < good.length; n += 13) seen.add(await outcome(good.subarray(0, n)));
    expect(seen).toContain('refused');
  });
});
