import { Session } from '../core/model/session';
import { QueryCache } from '../core/query/view-query';

/** The Worker's one session and its query cache. */
export const session = new Session();
export const queries = new QueryCache(session);
