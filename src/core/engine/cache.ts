import type { Session } from '../model/session';

/**
 * The engine's one cache policy. Every entry is keyed by the query that built it and dropped, all at
 * once, when the session changes under it: a snapshot added or removed, new frames or label sets
 * interned. Each kind keeps at most this many entries, the least recently used going first.
 */
export const CACHE_LIMITS = {
  /** Call trees per snapshot, sample type and filters. */
  tree: 16,
  /** Node keys per granularity. */
  keys: 4,
  /** Function of every node key, per granularity. */
  funcs: 4,
  /** Calls between report nodes, for Peek, per top report. */
  calls: 4,
  /** Flame graphs of 200,000 goroutines hold tens of MB each: a few. */
  flame: 3,
  /** Leak analyses per series, grouping, benign list, filters and interval (the Leaks view's and the Goroutines view's). */
  leaks: 2,
  /** Goroutine buckets of a text dump, per dump and filters. */
  dump: 4,
  /** The session's distinct function names. */
  functionNames: 1,
} as const;

export type CacheKind = keyof typeof CACHE_LIMITS;

/** What the session holds, as far as any cached answer depends on it. */
function sessionState(session: Session): string {
  return `${session.snapshots.map((s) => s.id).join(',')}|${session.frames.size}|${session.labelSets.sets.length}`;
}

export class EngineCache {
  private entries = new Map<CacheKind, Map<string, unknown>>();
  private state = '';

  constructor(private session: Session) {}

  /** The cached answer for `key` (any JSON value), built by `build` when missing or outdated. */
  get<T>(kind: CacheKind, key: unknown, build: () => T): T {
    const current = sessionState(this.session);
    if (current !== this.state) {
      this.entries.clear();
      this.state = current;
    }
    let map = this.entries.get(kind);
    if (!map) this.entries.set(kind, (map = new Map()));
    const k = JSON.stringify(key);
    if (map.has(k)) {
      const hit = map.get(k) as T;
      map.delete(k);
      map.set(k, hit);
      return hit;
    }
    const value = build();
    map.set(k, value);
    while (map.size > CACHE_LIMITS[kind]) map.delete(map.keys().next().value!);
    return value;
  }

  /** Entries held of one kind (for tests and measurements). */
  size(kind: CacheKind): number {
    return this.entries.get(kind)?.size ?? 0;
  }

  clear(): void {
    this.entries.clear();
  }
}
