import { create } from 'zustand';
import { GO_SOURCE_TEMPLATES, type UrlRule } from '../../core/source/templates';

export interface SourceSettings {
  /** The user's own repository: raw file URLs with {path}, after a path-prefix rewrite. */
  rule: UrlRule;
  /** Go release for standard library files; empty: the one the profile's paths name, else DEFAULT_GO. */
  goVersion: string;
  goTemplate: string;
  /** Whether to fetch standard library files at all. */
  fetchGo: boolean;
}

export const DEFAULT_GO = 'go1.23.0';

const DEFAULTS: SourceSettings = {
  rule: { template: '', from: '', to: '' },
  goVersion: '',
  goTemplate: GO_SOURCE_TEMPLATES.github,
  fetchGo: true,
};

const STORAGE_KEY = 'parkview.source-settings';

function load(): SourceSettings {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<SourceSettings> | null;
    return saved ? { ...DEFAULTS, ...saved, rule: { ...DEFAULTS.rule, ...saved.rule } } : DEFAULTS;
  } catch {
    return DEFAULTS;
  }
}

interface SettingsState extends SourceSettings {
  update: (s: Partial<SourceSettings>) => void;
}

/** Where source text comes from besides dropped folders; kept in localStorage. */
export const useSourceSettings = create<SettingsState>((set, get) => ({
  ...load(),
  update: (s) => {
    set(s);
    const { rule, goVersion, goTemplate, fetchGo } = get();
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ rule, goVersion, goTemplate, fetchGo }));
  },
}));
