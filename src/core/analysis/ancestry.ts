import type { Session } from '../model/session';
import type { GoroutineFacts } from '../model/snapshot';

/** One step up a goroutine's creation chain: the `go` statement's site, and the goroutine that ran it. */
export interface ChainLink {
  /** `pkg.F at file.go:89`. */
  site: string;
  /** Id of the goroutine that ran it, or -1 when the dump does not say. */
  goroutine: number;
}

/** Steps shown at most: chains longer than this are recursion, not a story. */
const MAX_LINKS = 12;

/** Finds goroutines of one dump by id. */
export class CreationChains {
  private index: Map<number, number> | null = null;
  private readonly labels = new Map<number, string>();

  constructor(
    private readonly session: Session,
    private readonly facts: GoroutineFacts,
  ) {}

  private site(frame: number): string {
    let label = this.labels.get(frame);
    if (label === undefined) {
      label = creatorLabel(this.session, frame);
      this.labels.set(frame, label);
    }
    return label;
  }

  private indexOf(id: number): number {
    if (!this.index) {
      this.index = new Map();
      this.facts.id.forEach((g, i) => this.index!.set(g, i));
    }
    return this.index.get(id) ?? -1;
  }

  /**
   * Who created goroutine `i`, who created that one, and so on, nearest first: from its
   * `[originating from goroutine N]` blocks where the dump has them, else from the creators that
   * are still alive in the dump.
   */
  of(i: number): ChainLink[] {
    const f = this.facts;
    const chain: ChainLink[] = [];
    if (f.createdBy[i] < 0) return chain;
    chain.push({ site: this.site(f.createdBy[i]), goroutine: f.parentId[i] });
    const a = f.ancestors;
    if (a) {
      for (let k = a.start[i]; k < a.start[i + 1] && chain.length < MAX_LINKS; k++) {
        if (a.createdBy[k] < 0) return chain;
        chain.push({ site: this.site(a.createdBy[k]), goroutine: k + 1 < a.start[i + 1] ? a.id[k + 1] : -1 });
      }
    }
    const seen = new Set<number>([f.id[i]]);
    for (let parent = this.indexOf(chain[chain.length - 1].goroutine); parent >= 0 && chain.length < MAX_LINKS && !seen.has(f.id[parent]); ) {
      seen.add(f.id[parent]);
      if (f.createdBy[parent] < 0) break;
      chain.push({ site: this.site(f.createdBy[parent]), goroutine: f.parentId[parent] });
      parent = this.indexOf(f.parentId[parent]);
    }
    return chain;
  }
}

/** A chain on one line: `created by A in goroutine 7 ← B in goroutine 1`. */
export function chainText(chain: ChainLink[]): string {
  return chain.map((l) => (l.goroutine >= 0 ? `${l.site} in goroutine ${l.goroutine}` : l.site)).join(' ← ');
}

/** `created by` site of a frame: `pkg.F at file.go:89`. */
export function creatorLabel(session: Session, frame: number): string {
  if (frame < 0) return '';
  const file = session.fileName(frame);
  const line = session.frames.line.get(frame);
  const base = file.slice(file.lastIndexOf('/') + 1);
  return base ? `${session.funcName(frame)} at ${base}:${line}` : session.funcName(frame);
}
