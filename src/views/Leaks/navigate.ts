import { showInFlame, useFlame } from '../../store/flame';
import { useLeaks } from '../../store/leaks';
import { useView } from '../../store/view';

/**
 * Selects a function for every view and makes it the flame graph's focus (its callers and callees),
 * without leaving the current view.
 */
export function focusFunction(fn: string): void {
  useView.getState().selectFunction(fn);
  useFlame.getState().setFocus(fn);
}

/** Opens the flame graph focused on a function. */
export function openInFlameGraph(fn: string): void {
  showInFlame({ function: fn });
}

/** Opens the goroutines view filtered to a function. */
export function showGoroutines(fn: string): void {
  useLeaks.getState().filterGoroutines({ text: fn, state: '' });
  useView.getState().setView('goroutines');
}
