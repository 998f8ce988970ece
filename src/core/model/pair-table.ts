/** Open-addressing hash map from a pair of non-negative int32 keys to a non-negative int32 value. */
export class PairTable {
  /**
   * Three ints per slot, so one probe touches one cache line: key a plus one (0: empty, so a new
   * table needs no filling), key b, value.
   */
  private slots: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let cap = 1024;
    while (overfull(capacity, cap - 1)) cap <<= 1;
    this.slots = new Int32Array(cap * 3);
    this.mask = cap - 1;
  }

  /** Offset of the slot holding (a, b), or of the empty slot where it would go. */
  private find(a: number, b: number): number {
    const slots = this.slots;
    const mask = this.mask;
    const a1 = (a + 1) | 0;
    let h = Math.imul(a, 0x9e3779b1) ^ b;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    for (let i = (h ^ (h >>> 13)) & mask; ; i = (i + 1) & mask) {
      const k = i * 3;
      const ka = slots[k];
      if (ka === 0 || (ka === a1 && slots[k + 1] === b)) return k;
    }
  }

  get(a: number, b: number): number {
    const k = this.find(a, b);
    return this.slots[k] === 0 ? -1 : this.slots[k + 2];
  }

  set(a: number, b: number, value: number): void {
    if (this.intern(a, b, value) !== value) this.slots[this.find(a, b) + 2] = value;
  }

  /** The value of (a, b); when there is none yet, stores `value` and returns it. */
  intern(a: number, b: number, value: number): number {
    const k = this.find(a, b);
    const slots = this.slots;
    if (slots[k] !== 0) return slots[k + 2];
    slots[k] = a + 1;
    slots[k + 1] = b;
    slots[k + 2] = value;
    if (overfull(++this.size, this.mask)) this.grow();
    return value;
  }

  /** Makes room for `more` entries without growing one doubling at a time. */
  reserve(more: number): void {
    let mask = this.mask;
    while (overfull(this.size + more, mask)) mask = mask * 2 + 1;
    if (mask !== this.mask) this.grow(mask);
  }

  private grow(mask = this.mask * 2 + 1): void {
    const old = this.slots;
    this.mask = mask;
    this.slots = new Int32Array((this.mask + 1) * 3);
    for (let k = 0; k < old.length; k += 3) {
      if (old[k] === 0) continue;
      const n = this.find(old[k] - 1, old[k + 1]);
      this.slots[n] = old[k];
      this.slots[n + 1] = old[k + 1];
      this.slots[n + 2] = old[k + 2];
    }
  }
}

/** Past three quarters full: probes stay short, and the table stays small enough to keep in cache. */
function overfull(size: number, mask: number): boolean {
  return size * 4 > mask * 3;
}
