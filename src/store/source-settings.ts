import { create } from 'zustand';
import { GO_SOURCE_TEMPLATES, type UrlRule } from '../core/source/templates';

export interface SourceSettings {
  /** The user's own repository: raw file URLs with {path}, after a path-prefix rewrite. */
  rule: UrlRule;
  /** Go release for standard library files; empty: the one the profile's paths name, else DEFAULT_GO. */
  goVersion: string;
  goTemplate: string;
  /** Whether to offer standard library files from the network at all. */
  fetchGo: boolean;
  /** Origins the user lets the view fetch source files from without asking (none by default: the app works offline). */
  origins: string[];
}

export const DEFAULT_GO = 'go1.23.0';

const DEFAULTS: SourceSettings = {
  rule: { template: '', from: '', to: '' },
  goVersion: '',
  goTemplate: GO_SOURCE_TEMPLATES.github,
  fetchGo: true,
  origins: [],
};

const STORAGE_KEY = 'parkview.source-settings';

function load(): SourceSettings {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<SourceSettings> | null;
    if (!saved) return DEFAULTS;
    const origins = Array.isArray(saved.origins) ? saved.origins.filter((o) => typeof o === 'string') : [];
    return { ...DEFAULTS, ...saved, rule: { ...DEFAULTS.rule, ...saved.rule }, origins };
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
    const { rule, goVersion, goTemplate, fetchGo, origins } = get();
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ rule, goVersion, goTemplate, fetchGo, origins }));
  },
}));
