/** Open-addressing hash map from a pair of non-negative int32 keys to a non-negative int32 value. */
export class PairTable {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private vals: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let cap = 1024;
    while (cap < capacity * 2) cap <<= 1;
    this.keysA = new Int32Array(cap).fill(-1);
    this.keysB = new Int32Array(cap);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
  }

  private slot(a: number, b: number): number {
    let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
    h ^= h >>> 15;
    let i = h & this.mask;
    const keysA = this.keysA;
    const keysB = this.keysB;
    while (keysA[i] !== -1 && (keysA[i] !== a || keysB[i] !== b)) i = (i + 1) & this.mask;
    return i;
  }

  get(a: number, b: number): number {
    const i = this.slot(a, b);
    return this.keysA[i] === -1 ? -1 : this.vals[i];
  }

  set(a: number, b: number, value: number): void {
    const i = this.slot(a, b);
    if (this.keysA[i] === -1) {
      this.keysA[i] = a;
      this.keysB[i] = b;
      this.size++;
      this.vals[i] = value;
      if (this.size * 2 > this.mask) this.grow();
    } else {
      this.vals[i] = value;
    }
  }

  private grow(): void {
    const { keysA, keysB, vals } = this;
    const cap = (this.mask + 1) * 2;
    this.keysA = new Int32Array(cap).fill(-1);
    this.keysB = new Int32Array(cap);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
    for (let i = 0; i < keysA.length; i++) {
      if (keysA[i] === -1) continue;
      const j = this.slot(keysA[i], keysB[i]);
      this.keysA[j] = keysA[i];
      this.keysB[j] = keysB[i];
      this.vals[j] = vals[i];
    }
  }
}
