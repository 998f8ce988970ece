/** An append-only Int32Array that grows by doubling; it holds zeros past `length`. */
export class IntList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 256) {
    this.data = new Int32Array(capacity);
  }

  push(v: number): number {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length] = v;
    return this.length++;
  }

  /** Makes room for `more` values past the current length. */
  reserve(more: number): void {
    const need = this.length + more;
    if (need <= this.data.length) return;
    const next = new Int32Array(Math.max(need, this.data.length * 2));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  get(i: number): number {
    return this.data[i];
  }

  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}
