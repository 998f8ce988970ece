import { applyFilters } from '../../actions/refine';
import { exactName } from '../../core/query/refine-regex';
import { useFlame } from '../../store/flame';
import { useView } from '../../store/view';
import type { FlameData } from '../../worker/flame';
import { showSourceLine } from '../Source/show-line';
import type { MenuItem } from './ContextMenu';
import type { MenuRequest } from './FlamePane';

function addPattern(existing: string | undefined, pattern: string): string {
  if (!existing) return pattern;
  return existing.split('|').includes(pattern) ? existing : `${existing}|${pattern}`;
}

/**
 * The right-click menu of a frame: zoom, focus (callers and callees), hide or ignore through the
 * shared filters, search, source, copy.
 */
export function frameMenu(m: MenuRequest, data: FlameData, actions: { zoom: (path: string[]) => void }): MenuItem[] {
  const key = m.win.key[m.box.frame];
  const name = data.names[key];
  const fn = data.funcs[key];
  const flame = useFlame.getState();
  const items: MenuItem[] = [{ label: 'Zoom to this frame', hint: 'click', run: () => actions.zoom(m.path) }];
  if (key < data.labelFrom) {
    const filters = () => useView.getState().filters;
    items.push(
      { label: flame.focus === fn ? 'Leave callers / callees view' : 'Focus: callers and callees', hint: 'Enter', run: () => flame.setFocus(flame.focus === fn ? null : fn) },
      { label: 'Hide this function', hint: 'keeps its callees', run: () => void applyFilters({ ...filters(), h: addPattern(filters().h, exactName(fn)) }) },
      { label: 'Ignore stacks through it', hint: 'drops them', run: () => void applyFilters({ ...filters(), i: addPattern(filters().i, exactName(fn)) }) },
      { label: 'Search for this function', run: () => flame.setSearch(`/${exactName(fn)}/`) },
    );
    items.push({ label: 'Show source', run: () => showSourceLine(fn, data.files[key], m.win.line[m.box.frame]) });
  }
  items.push({ label: 'Copy name', run: () => void navigator.clipboard?.writeText(name) });
  return items;
}
