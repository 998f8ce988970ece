import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/core/decode';
import { Session } from '../../src/core/model/session';

describe('profiles in other formats', () => {
  it('an OpenTelemetry (OTLP) profile is an unrecognized profile format, as go tool pprof says', async () => {
    // ProfilesData in the profiles v1development layout, written by scripts/pprof-oracle/craft;
    // go tool pprof (Go 1.23): "parsing profile: unrecognized profile format".
    const bytes = readFileSync(new URL('../fixtures/foreign/otlp-profiles.pb.gz', import.meta.url));
    await expect(decodeInput(bytes, new Session(), { name: 'otlp-profiles.pb.gz' })).rejects.toThrow(/^otlp-profiles\.pb\.gz: unrecognized profile format$/);
  });
});
