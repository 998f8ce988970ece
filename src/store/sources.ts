import { create } from 'zustand';
import { SuffixIndex } from '../core/source/paths';

/** The source files the user dropped, as actions/sources.ts keeps them. */
export interface SourcesState {
  /** Paths of dropped source files, for suffix matching. */
  index: SuffixIndex;
  /** Top folders of the drops and how many source files each holds. */
  folders: { name: string; files: number }[];
  /** Bumped whenever the sources change, so views ask again. */
  version: number;
  /** Why the dropped files could not be kept for the next visit, if they could not. */
  persistError: string | null;
  restored: boolean;
}

export const useSources = create<SourcesState>(() => ({ index: new SuffixIndex(), folders: [], version: 0, persistError: null, restored: false }));
