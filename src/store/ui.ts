import { create } from 'zustand';

export type Dialog = 'paste' | 'url' | 'shortcuts' | 'share' | null;

interface UiState {
  dialog: Dialog;
  open: (d: Dialog) => void;
  close: () => void;
}

/** The shell's own state: which dialog is open. */
export const useUi = create<UiState>((set) => ({
  dialog: null,
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: null }),
}));

export const FILE_INPUT_ID = 'pv-open-files';
export const FOLDER_INPUT_ID = 'pv-open-folder';

/** Opens the system file picker (the hidden inputs live in App). */
export function pickFiles(): void {
  document.getElementById(FILE_INPUT_ID)?.click();
}

export function pickFolder(): void {
  document.getElementById(FOLDER_INPUT_ID)?.click();
}
