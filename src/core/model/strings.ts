/** Interns strings to dense ids in first-seen order. */
export class NameTable {
  private ids = new Map<string, number>();
  readonly values: string[] = [];

  intern(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  get(id: number): string {
    return this.values[id];
  }

  get size(): number {
    return this.values.length;
  }
}

/** The session's strings; id 0 is always the empty string. */
export class StringTable extends NameTable {
  constructor() {
    super();
    this.intern('');
  }
}
