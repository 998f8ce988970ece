import { describe, expect, it } from 'vitest';
import { numberedTail, totalLabel } from '../../src/core/report/snapshot-labels';
import { Session } from '../../src/core/model/session';
import { snapshotInfo } from '../../src/core/model/snapshot';
import { load as loadSnapshot } from '../fixtures';

const load = async (session: Session, rel: string) => snapshotInfo(await loadSnapshot(session, rel));

describe('totalLabel', () => {
  it('writes goroutine counts with separators, and a 2^62 count in powers of ten', async () => {
    const session = new Session();
    expect(totalLabel(await load(session, 'service/pprof.service.goroutine.040.pb.gz'), undefined, true)).toBe('23,697 goroutines');
    expect(totalLabel(await load(session, 'edge/extreme-values.pb.gz'))).toBe('4.61e+18');
  });

  it('scales other units like pprof', async () => {
    const session = new Session();
    expect(totalLabel(await load(session, 'other-types/pprof.service.samples.cpu.001.pb.gz'))).toBe('230ms');
  });
});

describe('numberedTail', () => {
  it('keeps the snapshot number of a name whose end is shared', () => {
    const tail = (name: string) => name.slice(name.length - numberedTail(name));
    expect(tail('goroutine.service.005.debug2.txt')).toBe('005.debug2.txt');
    expect(tail('goroutine.service.015.debug2.txt')).toBe('015.debug2.txt');
    expect(tail('pprof.service.goroutine.040.pb.gz')).toBe('ne.040.pb.gz');
    expect(tail('goroutine.service.debug2.txt')).toBe('e.debug2.txt');
  });
});
