/** An append-only Int32Array that grows by doubling. */
export class IntList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 256) {
    this.data = new Int32Array(capacity);
  }

  push(v: number): number {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = v;
    return this.length++;
  }

  get(i: number): number {
    return this.data[i];
  }

  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}
