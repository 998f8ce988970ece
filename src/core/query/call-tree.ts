import type { Session } from '../model/session';
import type { Snapshot } from '../model/snapshot';
import { PairTable } from '../model/pair-table';

/**
 * One snapshot's samples for one sample type, merged into a compact prefix tree.
 * Node 0 is the root; parents always have smaller ids than their children.
 */
export interface CallTree {
  parent: Int32Array;
  /** Session frame id of each node (-1 for the root). */
  frame: Int32Array;
  /** Value of samples whose leaf is this node. */
  self: Float64Array;
  /**
   * What percentages are of: the snapshot's total before any filter, as pprof's reports keep it
   * (`focus=exporter` shows "13610, 57.43% of 23697 total"); see Snapshot.totals.
   */
  total: number;
  /** The value of the samples the filters kept: the root's cumulative value. */
  kept: number;
}

/**
 * Rewrites a group's stack (root-most frame first) before aggregation; returns the frames to keep,
 * or null to drop the group. Filters (focus, ignore, hide…) are rewrites.
 */
export type StackRewrite = (framesRootFirst: Int32Array, labelSet: number) => Int32Array | null;

/**
 * Group g's stack, root-most frame first, after `rewrite` when there is one (null: it drops the
 * group). The frames are a view of `scratch.frames` (grown as needed) or of the rewrite's own
 * buffer: read them before the next call.
 */
export function groupFrames(session: Session, g: number, rewrite: StackRewrite | undefined, scratch: { frames: Int32Array }): Int32Array | null {
  const leaf = session.groups.stack.data[g];
  const depth = session.stacks.depth.data[leaf];
  if (scratch.frames.length < depth) scratch.frames = new Int32Array(depth * 2);
  const frames = scratch.frames.subarray(0, session.stacks.writeRootFirst(leaf, scratch.frames));
  return rewrite ? rewrite(frames, session.groups.labels.data[g]) : frames;
}

export function buildCallTree(session: Session, snapshot: Snapshot, sampleIndex: number, rewrite?: StackRewrite): CallTree {
  return rewrite ? buildRewritten(session, snapshot, sampleIndex, rewrite) : buildDirect(session, snapshot, sampleIndex);
}

/** The unfiltered case: reuse the session's stack tree, keeping only the nodes this snapshot touches. */
function buildDirect(session: Session, snapshot: Snapshot, sampleIndex: number): CallTree {
  const stacks = session.stacks;
  const sParent = stacks.parent.data;
  const sFrame = stacks.frame.data;
  const n = stacks.size;
  const values = snapshot.values[sampleIndex];
  const groupStack = session.groups.stack.data;
  const local = new Int32Array(n).fill(-1);
  const selfBySession = new Float64Array(n);
  const touched: number[] = [0];
  local[0] = 0;
  let kept = 0;
  for (let i = 0; i < snapshot.groups.length; i++) {
    const v = values[i];
    if (v === 0) continue;
    const leaf = groupStack[snapshot.groups[i]];
    selfBySession[leaf] += v;
    kept += v;
    for (let s = leaf; local[s] === -1; s = sParent[s]) {
      local[s] = 0;
      touched.push(s);
    }
  }
  const order = Int32Array.from(touched).sort();
  const size = order.length;
  const parent = new Int32Array(size);
  const frame = new Int32Array(size);
  const self = new Float64Array(size);
  parent[0] = -1;
  frame[0] = -1;
  for (let i = 0; i < size; i++) local[order[i]] = i;
  for (let i = 1; i < size; i++) {
    const s = order[i];
    parent[i] = local[sParent[s]];
    frame[i] = sFrame[s];
    self[i] = selfBySession[s];
  }
  return { parent, frame, self, total: snapshot.totals[sampleIndex], kept };
}

function buildRewritten(session: Session, snapshot: Snapshot, sampleIndex: number, rewrite: StackRewrite): CallTree {
  const values = snapshot.values[sampleIndex];
  const scratch = { frames: new Int32Array(256) };
  const children = new PairTable(4096);
  const parent: number[] = [-1];
  const frame: number[] = [-1];
  const self: number[] = [0];
  let kept = 0;
  for (let i = 0; i < snapshot.groups.length; i++) {
    const v = values[i];
    if (v === 0) continue;
    const frames = groupFrames(session, snapshot.groups[i], rewrite, scratch);
    if (!frames) continue;
    let node = 0;
    for (let j = 0; j < frames.length; j++) {
      let next = children.get(node, frames[j]);
      if (next < 0) {
        next = parent.length;
        parent.push(node);
        frame.push(frames[j]);
        self.push(0);
        children.set(node, frames[j], next);
      }
      node = next;
    }
    self[node] += v;
    kept += v;
  }
  return { parent: Int32Array.from(parent), frame: Int32Array.from(frame), self: Float64Array.from(self), total: snapshot.totals[sampleIndex], kept };
}
