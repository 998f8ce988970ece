import { useEffect } from 'react';
import { useSnapshots } from '../store/snapshots';
import { useView } from '../store/view';
import { VIEWS } from '../views/registry';
import { toggleTheme } from '../ui/theme';
import { pickFiles, pickFolder, useUi } from '../store/ui';

export interface Shortcut {
  /** KeyboardEvent.key values ('o', 'O' is Shift+O, '?', 'Escape'); several are alternatives. */
  keys: string[];
  label: string;
  /** Heading the `?` overlay lists it under: 'General', 'Loading', 'Snapshots' or a view's label. */
  group: string;
  /** Runs it from anywhere on the page; leave out for keys a view handles itself (then only listed). */
  run?: () => void;
}

/**
 * Every keyboard shortcut, as the `?` overlay lists them. A view adds its own lines here with its
 * label as group (view switching keys come from views/registry.ts).
 */
export const SHORTCUTS: Shortcut[] = [
  { keys: ['?'], label: 'Show keyboard shortcuts', group: 'General', run: () => useUi.getState().open('shortcuts') },
  { keys: ['D'], label: 'Switch light / dark theme', group: 'General', run: toggleTheme },
  { keys: ['Escape'], label: 'Close dialog', group: 'General' },
  { keys: ['o'], label: 'Open profile files', group: 'Loading', run: pickFiles },
  { keys: ['O'], label: 'Open a folder of profiles', group: 'Loading', run: pickFolder },
  { keys: ['v'], label: 'Paste a debug=1 / debug=2 dump or panic', group: 'Loading', run: () => useUi.getState().open('paste') },
  { keys: ['Ctrl+V', '⌘V'], label: 'Load the clipboard’s dump or URL directly', group: 'Loading' },
  { keys: ['u'], label: 'Fetch a profile from a URL', group: 'Loading', run: () => useUi.getState().open('url') },
  { keys: ['['], label: 'Previous snapshot', group: 'Snapshots', run: () => useSnapshots.getState().step(-1) },
  { keys: [']'], label: 'Next snapshot', group: 'Snapshots', run: () => useSnapshots.getState().step(1) },
  { keys: ['/'], label: 'Filter rows', group: 'Top' },
  { keys: ['↑', '↓'], label: 'Select the previous / next row', group: 'Top' },
  { keys: ['Home', 'End'], label: 'Select the first / last row', group: 'Top' },
  { keys: ['↑', '↓'], label: 'Select the previous / next group in the table', group: 'Leaks' },
  { keys: ['Enter'], label: 'Open the selected group in the flame graph', group: 'Leaks' },
  { keys: ['+', '−'], label: 'Zoom in / out', group: 'Graph' },
  { keys: ['0'], label: 'Fit the graph to the screen', group: 'Graph' },
  { keys: ['Ctrl+F', '⌘F'], label: 'Search frames (text or /regex/)', group: 'Flame graph' },
  { keys: ['Enter'], label: 'Callers and callees of the frame under the pointer, or of the selected function', group: 'Flame graph' },
  { keys: ['Escape'], label: 'Zoom out, then leave callers / callees, then clear the search', group: 'Flame graph' },
  { keys: ['Ctrl+Wheel', '⌘Wheel'], label: 'Zoom at the pointer (drag to pan, click a frame to zoom into it)', group: 'Flame graph' },
  { keys: ['←', '→'], label: 'Pan left / right (↑ ↓ scroll the rows)', group: 'Flame graph' },
  { keys: ['+', '−'], label: 'Zoom in / out around the centre', group: 'Flame graph' },
  { keys: ['0'], label: 'Show the whole graph', group: 'Flame graph' },
];

/** View switching keys, from the view registry. */
export function viewShortcuts(): Shortcut[] {
  return VIEWS.map((v) => ({ keys: [v.key], label: `Show ${v.label}`, group: 'Views', run: () => useView.getState().setView(v.id) }));
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Runs the shortcut for a key press, unless the user is typing or a dialog has the keyboard. */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (useUi.getState().dialog !== null) return;
      const hit = [...SHORTCUTS, ...viewShortcuts()].find((s) => s.run && s.keys.includes(e.key));
      if (!hit?.run) return;
      e.preventDefault();
      hit.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
