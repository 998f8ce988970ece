import { useView } from '../store/view';
import { VIEWS } from '../views/registry';
import { KeyboardIcon, Logo, MoonIcon, SunIcon } from './icons';
import { SampleTypeSelect } from './SampleTypeSelect';
import { toggleTheme, useEffectiveTheme } from './theme';
import { TOOLBAR_ITEMS } from './toolbar';
import { useUi } from './ui';

export function Header({ hasSnapshots }: { hasSnapshots: boolean }) {
  const view = useView((s) => s.view);
  const setView = useView((s) => s.setView);
  const theme = useEffectiveTheme();
  const open = useUi((s) => s.open);
  return (
    <header className="header">
      <div className="brand">
        <Logo />
        <span>Parkview</span>
      </div>
      {hasSnapshots && (
        <nav className="tabs" role="tablist" aria-label="Views">
          {VIEWS.map((v) => (
            <button key={v.id} role="tab" aria-selected={v.id === view} className={v.id === view ? 'tab active' : 'tab'} title={`${v.label} (${v.key})`} onClick={() => setView(v.id)}>
              {v.label}
            </button>
          ))}
        </nav>
      )}
      <div className="toolbar">
        {hasSnapshots && <SampleTypeSelect />}
        <div className="toolbar-extra">
          {hasSnapshots && TOOLBAR_ITEMS.map(({ id, component: Item }) => <Item key={id} />)}
        </div>
        <button className="icon toolbar-button" onClick={toggleTheme} title={`Switch to the ${theme === 'dark' ? 'light' : 'dark'} theme (Shift+D)`} aria-label="Toggle theme">
          {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
        </button>
        <button className="icon toolbar-button" onClick={() => open('shortcuts')} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
          <KeyboardIcon />
        </button>
      </div>
    </header>
  );
}
