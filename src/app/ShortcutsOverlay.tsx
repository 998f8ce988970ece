import { Fragment } from 'react';
import { Dialog } from '../ui/Dialog';
import { SHORTCUTS, viewShortcuts, type Shortcut } from './shortcuts';

/** Shell groups first; views' own groups follow in the order they were added. */
const GROUP_ORDER = ['General', 'Views', 'Loading', 'Snapshots'];

function byGroup(list: Shortcut[]): [string, Shortcut[]][] {
  const groups = new Map<string, Shortcut[]>();
  for (const s of list) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  const rank = (g: string) => (GROUP_ORDER.includes(g) ? GROUP_ORDER.indexOf(g) : GROUP_ORDER.length);
  return [...groups].sort((a, b) => rank(a[0]) - rank(b[0]));
}

const KEY_NAMES: Record<string, string> = { Escape: 'Esc', ' ': 'Space' };

/** The `?` overlay: every shortcut in SHORTCUTS and the view keys, by group. */
export function ShortcutsOverlay() {
  const groups = byGroup([...SHORTCUTS, ...viewShortcuts()]);
  return (
    <Dialog title="Keyboard shortcuts" wide>
      <div className="shortcut-groups">
        {groups.map(([group, list]) => (
          <section key={group} className="shortcut-group">
            <h3>{group}</h3>
            <dl>
              {list.map((s) => (
                <Fragment key={s.label}>
                  <dt>
                    {s.keys.map((k, i) => (
                      <Fragment key={k}>
                        {i > 0 && <span className="or">or</span>}
                        <kbd>{KEY_NAMES[k] ?? k}</kbd>
                      </Fragment>
                    ))}
                  </dt>
                  <dd>{s.label}</dd>
                </Fragment>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
