import { gunzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { DecodeCancelled, decodeInput, DEFAULT_LIMITS } from '../../src/core/decode';
import { Session } from '../../src/core/model/session';
import { readFixture } from '../fixtures';

const LARGE = 'fanout-100k/pprof.fanout.goroutine.001.pb.gz';
const DUMP = 'fanout-100k/goroutine.fanout.debug2.txt.gz';

/**
 * Decodes `bytes`, aborting once the decode has given way `after` times; returns whether it was
 * cancelled and how often it gave way. The clock runs 100 ms a reading, so every slice is over when
 * the decode asks: how often it gives way no longer depends on how fast this machine decodes.
 */
async function cancelAfter(bytes: Uint8Array, after: number): Promise<{ cancelled: boolean; pauses: number; session: Session }> {
  const session = new Session();
  const abort = new AbortController();
  let pauses = 0;
  let now = 0;
  const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 100));
  const timer = setInterval(() => {
    if (++pauses === after) abort.abort();
  }, 0);
  try {
    await decodeInput(bytes, session, { name: 'big' }, { ...DEFAULT_LIMITS, signal: abort.signal });
    return { cancelled: false, pauses, session };
  } catch (e) {
    if (e instanceof DecodeCancelled) return { cancelled: true, pauses, session };
    throw e;
  } finally {
    clearInterval(timer);
    clock.mockRestore();
  }
}

describe('a decode given a signal gives way and stops when it is aborted', () => {
  it.each([LARGE, DUMP])('%s: aborted midway, it throws DecodeCancelled and adds no snapshot', async (rel) => {
    const { cancelled, session } = await cancelAfter(readFixture(rel), 3);
    expect(cancelled).toBe(true);
    expect(session.snapshots).toHaveLength(0);
  });

  it('a pprof protobuf cancelled after gunzip stops inside its samples, not after them', async () => {
    const raw = gunzipSync(readFixture(LARGE));
    const { cancelled } = await cancelAfter(raw, 2);
    expect(cancelled).toBe(true);
  });

  it('without a signal nothing pauses and the decode completes', async () => {
    const session = new Session();
    const s = await decodeInput(readFixture(LARGE), session, { name: 'big' });
    expect(s.totals).toEqual([100004]);
  });
});
