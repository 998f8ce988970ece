import { expose } from 'comlink';
import { QueryEngine } from '../core/engine/engine';
import { Session } from '../core/model/session';
import { Refiner } from '../core/query/refine';
import { workerApi } from './api';

const session = new Session();
// Filters reach the views only once `refine` has checked their regexes with a time limit.
expose(workerApi(new QueryEngine(session, new Refiner(session, 'checked-only'))));
