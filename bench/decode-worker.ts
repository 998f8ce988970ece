// Worker for decode-browser.bench.mjs: decodes the posted profile `runs` times, each into a new
// Session, with the app's decoder and the browser's own DecompressionStream.
import { decodeInput } from '../src/core/decode';
import { Session } from '../src/core/model/session';

self.onmessage = async (e: MessageEvent<{ bytes: Uint8Array; name: string; runs: number }>) => {
  const { bytes, name, runs } = e.data;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await decodeInput(bytes, new Session(), { name });
    times.push(performance.now() - t0);
    (globalThis as { gc?: () => void }).gc?.();
  }
  self.postMessage(times);
};
