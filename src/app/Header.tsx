import { useView } from '../store/view';
import { VIEWS } from '../views/registry';
import { HeaderActions } from './HeaderActions';
import { Logo } from '../ui/icons';
import { SampleTypeSelect } from './SampleTypeSelect';
import { TOOLBAR_ITEMS } from './toolbar';

export function Header({ hasSnapshots }: { hasSnapshots: boolean }) {
  const view = useView((s) => s.view);
  const setView = useView((s) => s.setView);
  return (
    <header className="header">
      <div className="brand">
        <Logo />
        <span className="brand-name">Parkview</span>
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
        <HeaderActions hasSnapshots={hasSnapshots} />
      </div>
    </header>
  );
}
