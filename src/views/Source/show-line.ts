import { useView } from '../../store/view';
import { useSourceView } from '../../store/source';

/** Opens the Source view on a function, at one of its lines when the frame knows it. */
export function showSourceLine(fn: string, file = '', line = 0): void {
  useSourceView.getState().setMode('function');
  useSourceView.getState().setTarget(file && line > 0 ? { file, line } : null);
  useView.getState().selectFunction(fn);
  useView.getState().setView('source');
}
