import type { SnapshotBuilder } from '../model/builder';
import type { Session } from '../model/session';
import { ProfileError } from './errors';

export function isDebug2(text: string): boolean {
  return /^goroutine \d+ .*\[/m.test(text.slice(0, 65536));
}

export function decodeDebug2(_text: string, _session: Session, _name: string): SnapshotBuilder {
  throw new ProfileError('debug=2 text is not supported yet');
}
