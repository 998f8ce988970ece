import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { loadFlameView } from './Flame/load';

export interface ViewDef {
  id: string;
  label: string;
  /** Key that switches to the view. */
  key: string;
  component: LazyExoticComponent<ComponentType>;
}

/** Every view, in tab order. */
export const VIEWS: ViewDef[] = [
  { id: 'flame', label: 'Flame graph', key: 'f', component: lazy(loadFlameView) },
  { id: 'top', label: 'Top', key: 't', component: lazy(() => import('./Top/TopView')) },
  { id: 'graph', label: 'Graph', key: 'c', component: lazy(() => import('./Graph/GraphView')) },
  { id: 'source', label: 'Source', key: 's', component: lazy(() => import('./Source/SourceView')) },
  { id: 'timeline', label: 'Leaks', key: 'l', component: lazy(() => import('./Leaks/LeaksView')) },
  { id: 'goroutines', label: 'Goroutines', key: 'g', component: lazy(() => import('./Goroutines/GoroutinesView')) },
];
