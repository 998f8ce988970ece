import { describe, expect, it } from 'vitest';
import { addressFilters, decodeAddress, encodeAddress, type AddressState } from '../../src/core/address/address';

function roundTrip(state: AddressState): AddressState {
  const decoded = decodeAddress(`#${encodeAddress(state)}`);
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.state;
}

describe('view state in the page address', () => {
  it('round-trips every field, with pprof parameter names', () => {
    const state: AddressState = {
      view: 'flame',
      snapshot: 12,
      base: 1,
      sampleType: 'inuse_space',
      granularity: 'lines',
      f: 'main\\.\\(\\*exporter\\)',
      i: '^runtime\\.',
      h: 'gopark',
      s: 'main',
      sf: 'handle',
      tf: 'tenant=acme',
      ti: 'bytes=1kb:',
      theme: 'dark',
      flameZoom: '3/main.(*exporter).send',
      flameSearch: 'send & recv #1',
      payload: '1.H4sIAAAA-_',
    };
    expect(roundTrip(state)).toEqual(state);
    const hash = encodeAddress(state);
    expect(hash.startsWith('v1&view=flame&snap=12&base=1&si=inuse_space&g=lines&f=')).toBe(true);
    expect(hash.endsWith('&pv=1.H4sIAAAA-_')).toBe(true);
  });

  it('leaves defaults out', () => {
    expect(encodeAddress({ granularity: 'functions', f: '', theme: 'system', nodecount: 80 })).toBe('v1');
    expect(roundTrip({})).toEqual({});
  });

  it('keeps reading v1 addresses, and pprof-style ones without a version', () => {
    const v1 = decodeAddress('#v1&view=top&f=exporter&g=files&si=goroutine');
    expect(v1).toEqual({ ok: true, state: { view: 'top', f: 'exporter', granularity: 'files', sampleType: 'goroutine' } });
    const bare = decodeAddress('#f=exporter&tf=tenant%3Dacme');
    expect(bare.ok && addressFilters(bare.state)).toEqual({ f: 'exporter', tf: 'tenant=acme' });
  });

  it('says so for an address from a newer format, and ignores values it cannot use', () => {
    expect(decodeAddress('#v9&view=flame')).toEqual({ ok: false, error: expect.stringMatching(/newer Parkview.*v9/) });
    const odd = decodeAddress('#v1&snap=-3&base=x&g=bogus&theme=neon&view=<script>');
    expect(odd).toEqual({ ok: true, state: {} });
  });
});
