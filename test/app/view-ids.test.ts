import { describe, expect, it } from 'vitest';
import { VIEW_IDS, viewNamed } from '../../src/store/view';

describe('view names in an address', () => {
  it('takes every current view id as it is', () => {
    for (const id of VIEW_IDS) expect(viewNamed(id)).toBe(id);
  });

  it('reads the former name of Leaks, timeline, as leaks', () => {
    expect(viewNamed('timeline')).toBe('leaks');
  });

  it('names no view for anything else', () => {
    expect(viewNamed('suspects')).toBeUndefined();
    expect(viewNamed('constructor')).toBeUndefined();
    expect(viewNamed('')).toBeUndefined();
  });
});
