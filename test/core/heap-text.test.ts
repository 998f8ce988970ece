import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/core/decode';
import { tagsText } from '../../src/core/report/tags-text';
import { Session } from '../../src/core/model/session';
import { readFixtureText } from '../fixtures';

const HEAP = readFixtureText('other-types/heap.service.debug1.txt');

function decode(text: string, name = 'heap.debug1.txt') {
  const session = new Session();
  return decodeInput(new TextEncoder().encode(text), session, { name }).then((s) => ({ session, s }));
}

describe('legacy heap text (debug=1) as pprof reads it', () => {
  it('a whole text without the runtime.MemStats trailer keeps its last record', async () => {
    const full = await decode(HEAP);
    const records = HEAP.slice(0, HEAP.indexOf('# runtime.MemStats')).trimEnd() + '\n';
    const cut = await decode(records);
    expect(cut.s.warnings).toEqual([]);
    expect(cut.s.totals).toEqual(full.s.totals);
    // go tool pprof -sample_index=alloc_objects -top on that text: 165806 total.
    expect(cut.s.totals[0]).toBe(165806);
  });

  it('a record cut mid-line is still dropped with a warning', async () => {
    const records = HEAP.slice(0, HEAP.indexOf('# runtime.MemStats')).trimEnd();
    const cut = await decode(records.slice(0, records.lastIndexOf('\n') + 5));
    expect(cut.s.warnings.join()).toMatch(/cut off/);
  });

  it('gives each sample the `bytes` label of its block size, so -tags matches go tool pprof', async () => {
    const { session, s } = await decode(HEAP);
    const sizes = s.groups.length && session.labelSets.get(session.groups.labels.get(s.groups[0]));
    expect(sizes).toEqual([{ key: 'bytes', value: '48', num: 48, unit: '' }]);
    // go tool pprof -tags other-types/heap.service.debug1.txt (Go 1.23), first lines
    expect(tagsText(session, s, s.defaultSampleType).split('\n').slice(0, 4)).toEqual([' bytes: Total 1.9MB', '        902.6kB (46.84%): 648kB', '        512.2kB (26.58%): 448B', '        512.1kB (26.57%): 112B']);
  });

  it('has only in-use sample types when the header shows no allocations, as pprof reads it', async () => {
    const { s } = await decode('heap profile: 2: 64 [2: 64] @ heap/1048576\n2: 64 [2: 64] @ 0x4011 0x4022\n');
    expect(s.sampleTypes.map((t) => t.type)).toEqual(['objects', 'space']);
    expect(s.period).toBe(524288);
  });
});
