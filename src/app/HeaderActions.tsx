import { useEffect, useRef, useState, type ReactNode } from 'react';
import { KeyboardIcon, LinkIcon, MoonIcon, MoreIcon, SunIcon } from '../ui/icons';
import { toggleTheme, useEffectiveTheme } from '../ui/theme';
import { useUi } from '../store/ui';

interface Action {
  id: string;
  label: string;
  /** Accessible name of the icon button, when it differs from the menu's label. */
  name?: string;
  title: string;
  icon: ReactNode;
  /** Shown as a labelled button (else as an icon) when the header has room. */
  labelled?: boolean;
  run: () => void;
}

function useActions(hasSnapshots: boolean): Action[] {
  const theme = useEffectiveTheme();
  const open = useUi((s) => s.open);
  const other = theme === 'dark' ? 'light' : 'dark';
  const actions: Action[] = [
    { id: 'theme', label: `Switch to the ${other} theme`, title: `Switch to the ${other} theme (Shift+D)`, name: 'Toggle theme', icon: theme === 'dark' ? <SunIcon /> : <MoonIcon />, run: toggleTheme },
    { id: 'shortcuts', label: 'Keyboard shortcuts', title: 'Keyboard shortcuts (?)', icon: <KeyboardIcon />, run: () => open('shortcuts') },
  ];
  if (hasSnapshots) {
    actions.unshift({ id: 'share', label: 'Share', title: 'Share a link that carries these snapshots and this view', icon: <LinkIcon />, labelled: true, run: () => open('share') });
  }
  return actions;
}

/** Items of the overflow menu that stands in for the header buttons on narrow windows. */
function MoreMenu({ actions }: { actions: Action[] }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: Event) => root.current?.contains(e.target as Node) || setOpen(false);
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', away);
    document.addEventListener('keydown', esc);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('keydown', esc);
    };
  }, [open]);
  return (
    <div className="header-more" ref={root}>
      <button className="icon toolbar-button" aria-label="More" aria-haspopup="menu" aria-expanded={open} title="Share, theme and shortcuts" onClick={() => setOpen((v) => !v)}>
        <MoreIcon />
      </button>
      {open && (
        <div className="header-menu" role="menu">
          {actions.map((a) => (
            <button
              key={a.id}
              role="menuitem"
              title={a.title}
              onClick={() => {
                setOpen(false);
                a.run();
              }}
            >
              {a.icon}
              {a.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** Share, theme and shortcuts: buttons when the header has room, an overflow menu when it has not. */
export function HeaderActions({ hasSnapshots }: { hasSnapshots: boolean }) {
  const actions = useActions(hasSnapshots);
  return (
    <>
      <div className="header-actions">
        {actions.map((a) =>
          a.labelled ? (
            <button key={a.id} className="button small" onClick={a.run} title={a.title}>
              {a.icon}
              {a.label}
            </button>
          ) : (
            <button key={a.id} className="icon toolbar-button" onClick={a.run} title={a.title} aria-label={a.name ?? a.label}>
              {a.icon}
            </button>
          ),
        )}
      </div>
      <MoreMenu actions={actions} />
    </>
  );
}
