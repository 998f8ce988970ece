import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/core/decode';
import { decodePprof } from '../../src/core/decode/pprof';
import { Session } from '../../src/core/model/session';
import type { Snapshot } from '../../src/core/model/snapshot';
import { readFixture } from '../fixtures';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Whether the object behind `ref` is freed once nothing else holds it. */
async function freed(ref: WeakRef<object>): Promise<boolean> {
  for (let i = 0; i < 5 && ref.deref(); i++) {
    await new Promise((ok) => setTimeout(ok, 0));
    gc();
  }
  return ref.deref() === undefined;
}

// The decoders keep their last working objects alive (src/core/model/keep-alive.ts); these check
// that what they keep holds no profile data.
describe('decoders keep no profile data between loads', () => {
  it("a pprof decode lets go of the profile's bytes", async () => {
    let bytes: Uint8Array | null = gunzipSync(readFixture('service/pprof.service.goroutine.040.pb.gz'));
    const ref = new WeakRef(bytes.buffer);
    const snapshot = (await decodePprof(bytes, new Session(), 'service-040')).finish(40);
    bytes = null;
    expect(snapshot.totals).toEqual([23697]);
    expect(await freed(ref)).toBe(true);
  });

  it("a removed debug=2 snapshot's goroutine facts are freed", async () => {
    const session = new Session();
    let snapshot: Snapshot | null = await decodeInput(readFixture('service/goroutine.service.debug2.txt'), session, { name: 'dump.txt' });
    const ref = new WeakRef(snapshot.goroutines!);
    expect(snapshot.goroutines!.id.length).toBeGreaterThan(1000);
    session.remove(snapshot.id);
    snapshot = null;
    expect(await freed(ref)).toBe(true);
  });
});
