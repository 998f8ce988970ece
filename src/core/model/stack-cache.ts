/**
 * Whole stacks met before, by their frame sequence, so that a repeated stack (the same goroutines
 * in the next snapshot of a series) costs one lookup instead of one per frame.
 */
export class StackCache {
  /** Per entry: leaf node, frame count, then the frames root-most first. */
  private pool = new Int32Array(1 << 14);
  private used = 0;
  /** Pool offset + 1 per slot (0: empty), and the entry's hash alongside. */
  private slots = new Int32Array(1 << 11);
  private hashes = new Int32Array(1 << 11);
  private size = 0;
  private vacant = -1;

  /** The leaf node of frames[0..n), or -1, in which case `add` may follow with its leaf. */
  find(frames: ArrayLike<number>, n: number, h: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    const pool = this.pool;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const at = slots[i] - 1;
      if (at < 0) {
        this.vacant = i;
        return -1;
      }
      if (this.hashes[i] !== h || pool[at + 1] !== n) continue;
      let k = 0;
      while (k < n && pool[at + 2 + k] === frames[k]) k++;
      if (k === n) return pool[at];
    }
  }

  /** Records the leaf of the stack that the preceding missing `find` looked for. */
  add(frames: ArrayLike<number>, n: number, h: number, leaf: number): void {
    const at = this.used;
    this.reservePool(n + 2);
    const pool = this.pool;
    pool[at] = leaf;
    pool[at + 1] = n;
    for (let k = 0; k < n; k++) pool[at + 2 + k] = frames[k];
    this.used = at + n + 2;
    this.slots[this.vacant] = at + 1;
    this.hashes[this.vacant] = h;
    if (++this.size * 2 > this.slots.length) this.grow();
  }

  /** Makes room for `stacks` more entries holding `frames` frames in all. */
  reserve(stacks: number, frames: number): void {
    let cap = this.slots.length;
    while ((this.size + stacks) * 2 > cap) cap *= 2;
    if (cap !== this.slots.length) this.grow(cap);
    this.reservePool(2 * stacks + frames);
  }

  private reservePool(ints: number): void {
    const need = this.used + ints;
    if (need <= this.pool.length) return;
    const grown = new Int32Array(Math.max(this.pool.length * 2, need));
    grown.set(this.pool.subarray(0, this.used));
    this.pool = grown;
  }

  private grow(cap = this.slots.length * 2): void {
    const { slots: oldSlots, hashes: oldHashes } = this;
    const mask = cap - 1;
    this.slots = new Int32Array(cap);
    this.hashes = new Int32Array(cap);
    for (let s = 0; s < oldSlots.length; s++) {
      if (oldSlots[s] === 0) continue;
      let i = oldHashes[s] & mask;
      while (this.slots[i] !== 0) i = (i + 1) & mask;
      this.slots[i] = oldSlots[s];
      this.hashes[i] = oldHashes[s];
    }
  }
}

export function hashFrames(frames: ArrayLike<number>, n: number): number {
  let h = n;
  for (let k = 0; k < n; k++) {
    h = Math.imul(h ^ frames[k], 0x9e3779b1);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}
