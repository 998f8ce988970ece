import type { ComponentType } from 'react';
import { RefineBar } from './RefineBar';

/**
 * Controls other features put in the header toolbar (the refine bar…), rendered in order inside
 * `<div className="toolbar-extra">`. Add one line: `{ id: 'refine', component: RefineBar }`.
 */
export const TOOLBAR_ITEMS: { id: string; component: ComponentType }[] = [
  { id: 'refine', component: RefineBar },
];
