import type { Session } from '../model/session';
import type { AddressFrames, Snapshot } from '../model/snapshot';

/**
 * The frames of a profile at a stack address, innermost first, or null when it has no location
 * there. A stack lists return addresses; profiles locate a call one byte before its return address.
 */
function framesAt(t: AddressFrames, address: number): Int32Array | null {
  for (const a of [address - 1, address]) {
    let lo = 0;
    let hi = t.address.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (t.address[mid] < a) lo = mid + 1;
      else if (t.address[mid] > a) hi = mid - 1;
      else return t.frame.subarray(t.start[mid], t.start[mid + 1]);
    }
  }
  return null;
}

/** Names of the frames `t` gives the hidden addresses, innermost first, if it has them all and names the first shown frame `shown`. */
function namesThrough(session: Session, t: AddressFrames, addresses: Float64Array, shown: string): string[] | null {
  const names: string[] = [];
  for (let i = 0; i < addresses.length; i++) {
    const frames = framesAt(t, addresses[i]);
    if (!frames) return null;
    const these = Array.from(frames, (f) => session.funcName(f));
    if (i < addresses.length - 1) names.push(...these);
    else if (!these.includes(shown)) return null;
  }
  return names;
}

/**
 * By session stack, the names (innermost first) of the runtime frames the debug=1 dumps among
 * `snapshots` hide (see Snapshot.hidden), read through a protobuf snapshot of the same binary in the
 * session: one with every hidden address that names the first shown frame as the dump does. Stacks
 * none resolves are left out; of two dumps, the later one wins.
 */
export function hiddenFrameNames(session: Session, snapshots: readonly Snapshot[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const tables = session.snapshots.flatMap((s) => (s.addressFrames ? [s.addressFrames] : []));
  if (tables.length === 0) return out;
  const groupStack = session.groups.stack.data;
  for (const dump of snapshots) {
    const hidden = dump.hidden;
    if (!hidden) continue;
    // One binary's profiles resolve a dump's groups alike: the table that resolved the last group is tried first.
    let first = 0;
    for (let g = 0; g < dump.groups.length; g++) {
      const addresses = hidden.address.subarray(hidden.start[g], hidden.start[g + 1]);
      if (addresses.length < 2) continue;
      const stack = groupStack[dump.groups[g]];
      const shown = session.funcName(session.stacks.frame.data[stack]);
      for (let k = 0; k < tables.length; k++) {
        const t = (first + k) % tables.length;
        const names = namesThrough(session, tables[t], addresses, shown);
        if (!names) continue;
        out.set(stack, names);
        first = t;
        break;
      }
    }
  }
  return out;
}
