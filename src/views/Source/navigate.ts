import { useView } from '../../store/view';
import { VIEWS } from '../registry';

const FLAME_VIEW = 'flame';

/** Selects the function for every view and opens the flame graph on the stacks through it. */
export function showStacksThrough(fn: string): void {
  const view = useView.getState();
  view.selectFunction(fn);
  if (VIEWS.some((v) => v.id === FLAME_VIEW)) view.setView(FLAME_VIEW);
}
