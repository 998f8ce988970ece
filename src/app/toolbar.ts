import type { ComponentType } from 'react';
import { RefineBar } from './RefineBar';
import { ShareButton } from './ShareButton';

/**
 * Controls other features put in the header toolbar (Share, refine bar…), rendered in order inside
 * `<div className="toolbar-extra">`. Add one line: `{ id: 'share', component: ShareButton }`.
 */
export const TOOLBAR_ITEMS: { id: string; component: ComponentType }[] = [
  { id: 'refine', component: RefineBar },
  { id: 'share', component: ShareButton },
];
