import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { VIEW_IDS, type ViewId } from '../store/view';
import { loadFlameView } from './Flame/load';

export interface ViewDef {
  id: ViewId;
  label: string;
  /** Key that switches to the view. */
  key: string;
  component: LazyExoticComponent<ComponentType>;
}

const DEFS: Record<ViewId, Omit<ViewDef, 'id'>> = {
  flame: { label: 'Flame graph', key: 'f', component: lazy(loadFlameView) },
  top: { label: 'Top', key: 't', component: lazy(() => import('./Top/TopView')) },
  graph: { label: 'Graph', key: 'c', component: lazy(() => import('./Graph/GraphView')) },
  source: { label: 'Source', key: 's', component: lazy(() => import('./Source/SourceView')) },
  leaks: { label: 'Leaks', key: 'l', component: lazy(() => import('./Leaks/LeaksView')) },
  goroutines: { label: 'Goroutines', key: 'g', component: lazy(() => import('./Goroutines/GoroutinesView')) },
};

/** Every view, in tab order. */
export const VIEWS: ViewDef[] = VIEW_IDS.map((id) => ({ id, ...DEFS[id] }));
