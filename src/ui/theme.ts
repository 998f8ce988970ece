import { useEffect, useSyncExternalStore } from 'react';
import { useView, type ThemeSetting } from '../store/view';

export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'parkview.theme';
const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

function subscribeSystem(onChange: () => void): () => void {
  const q = darkQuery();
  q.addEventListener('change', onChange);
  return () => q.removeEventListener('change', onChange);
}

function systemTheme(): Theme {
  return darkQuery().matches ? 'dark' : 'light';
}

/** The theme on screen: the user's choice, or the system's when they made none. */
export function useEffectiveTheme(): Theme {
  const setting = useView((s) => s.theme);
  const system = useSyncExternalStore(subscribeSystem, systemTheme);
  return setting === 'system' ? system : setting;
}

/** Restores the saved choice (see toggleTheme) and keeps `data-theme` on <html> in step (styles.css reads it). */
export function useThemeOnDocument(): void {
  const theme = useEffectiveTheme();
  useEffect(() => {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'light' || saved === 'dark') useView.getState().setTheme(saved);
  }, []);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}

/** Switches to the other theme; choosing the system's own theme goes back to following it. */
export function toggleTheme(): void {
  const current: ThemeSetting = useView.getState().theme;
  const effective = current === 'system' ? systemTheme() : current;
  const next: Theme = effective === 'dark' ? 'light' : 'dark';
  const setting: ThemeSetting = next === systemTheme() ? 'system' : next;
  useView.getState().setTheme(setting);
  if (setting === 'system') localStorage.removeItem(STORAGE_KEY);
  else localStorage.setItem(STORAGE_KEY, setting);
}
