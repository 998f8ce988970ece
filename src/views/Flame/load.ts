import type { ComponentType } from 'react';

type ViewModule = { default: ComponentType };

let loaded: ViewModule | null = null;
const loading: Promise<ViewModule> = import('./FlameView').then((m) => (loaded = m));

/**
 * The flame view is the one people open first: its code loads at start, and once it has, this hands
 * it to React.lazy synchronously (a thenable that resolves at once), so showing it never suspends.
 */
export function loadFlameView(): Promise<ViewModule> {
  return loaded ? ({ then: (done: (m: ViewModule) => void) => done(loaded!) } as unknown as Promise<ViewModule>) : loading;
}
