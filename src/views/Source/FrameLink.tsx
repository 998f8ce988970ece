import type { FrameInfo } from '../../core/analysis/functions';
import { visibleName } from '../../core/report/visible';
import { showSourceLine } from './show-line';

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A stack frame that opens the Source view at its line: its name, then its file's base name and line. */
export function FrameLink({ frame: f, fullPath = false }: { frame: FrameInfo; fullPath?: boolean }) {
  const where = f.file ? `${visibleName(fullPath ? f.file : baseName(f.file))}${f.line ? `:${f.line}` : ''}` : '';
  return (
    <button className="frame-link" title={f.file ? `Show ${visibleName(f.file)}:${f.line} in the Source view` : `Show ${visibleName(f.name)} in the Source view`} onClick={() => showSourceLine(f.name, f.file, f.line)}>
      <span className="frame-name">
        {visibleName(f.name)}
        {f.inlined && <span className="badge">inlined</span>}
      </span>
      <span className="frame-loc">{where}</span>
    </button>
  );
}
