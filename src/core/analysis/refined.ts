import type { Session } from '../model/session';
import { groupFrames, type StackRewrite } from '../query/call-tree';

const UNSEEN = -2;
const DROPPED = -1;

/**
 * Every session group's stack as the refine filters leave it, worked out once per group: the same
 * StackRewrite the flame graph and the other views apply. Tag filters drop groups by label set,
 * focus and ignore drop them by frame; hide, show and show_from trim frames, and a trimmed stack
 * is interned in the session's stack table so that it can be named, grouped and shown like any other.
 */
export class RefinedStacks {
  private of: Int32Array;
  private scratch = { frames: new Int32Array(256) };

  constructor(
    private session: Session,
    private rewrite: StackRewrite,
  ) {
    this.of = new Int32Array(session.groups.size).fill(UNSEEN);
  }

  /** The session stack of group `g` after the filters, or -1 when they drop the group. */
  stack(g: number): number {
    if (g >= this.of.length) {
      const grown = new Int32Array(Math.max(this.session.groups.size, g + 1)).fill(UNSEEN);
      grown.set(this.of);
      this.of = grown;
    }
    const known = this.of[g];
    if (known !== UNSEEN) return known;
    const s = this.compute(g);
    this.of[g] = s;
    return s;
  }

  /** Whether the filters keep group `g`. */
  keeps(g: number): boolean {
    return this.stack(g) >= 0;
  }

  private compute(g: number): number {
    const { stacks, groups } = this.session;
    const leaf = groups.stack.data[g];
    const kept = groupFrames(this.session, g, this.rewrite, this.scratch);
    if (!kept) return DROPPED;
    // The group's own frames are still in the scratch buffer.
    const frames = this.scratch.frames;
    const depth = stacks.depth.data[leaf];
    if (kept.length === depth) {
      let same = true;
      for (let i = 0; i < depth && same; i++) same = kept[i] === frames[i];
      if (same) return leaf;
    }
    if (kept.length === 0) return DROPPED;
    let node = 0;
    for (let i = 0; i < kept.length; i++) node = stacks.child(node, kept[i]);
    return node;
  }
}

/** The stack of group `g` after the filters when there are any (-1: dropped), else its own. */
export function refinedStack(session: Session, refined: RefinedStacks | null, g: number): number {
  return refined ? refined.stack(g) : session.groups.stack.data[g];
}
