import type { SnapshotBuilder } from '../model/builder';
import type { Session } from '../model/session';
import { ProfileError } from './errors';

export function isDebug1(text: string): boolean {
  return /^\s*[\w.-]+ profile: total \d+/.test(text.slice(0, 256));
}

export function decodeDebug1(_text: string, _session: Session, _name: string): SnapshotBuilder {
  throw new ProfileError('debug=1 text is not supported yet');
}
