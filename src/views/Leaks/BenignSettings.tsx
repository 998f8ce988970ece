import { useEffect, useRef, useState } from 'react';
import { DEFAULT_BENIGN } from '../../core/analysis/benign';
import { useLeaks } from '../../store/leaks';

/**
 * The benign list as an editable panel: one function per line, `*` at the end for a prefix. Saved
 * to localStorage; goroutines whose stack holds one of them are never suspects.
 */
export function BenignSettings({ onClose }: { onClose: () => void }) {
  const benign = useLeaks((s) => s.benign);
  const setBenign = useLeaks((s) => s.setBenign);
  const resetBenign = useLeaks((s) => s.resetBenign);
  const [text, setText] = useState(benign.join('\n'));
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.querySelector('textarea')?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    const onDown = (e: MouseEvent) => panel.current && !panel.current.contains(e.target as Node) && onClose();
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onDown);
    };
  }, [onClose]);
  const entries = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const isDefault = entries.join('\n') === DEFAULT_BENIGN.join('\n');
  return (
    <div className="benign-panel" ref={panel} role="dialog" aria-label="Benign goroutines">
      <h3>Benign goroutines</h3>
      <p>
        Goroutines whose stack contains one of these functions live long by design (signal handling, the test runner, accept loops…) and are never
        suspects. One function per line, as pprof names it; end a line with <code>*</code> to match every function starting with it.
      </p>
      <textarea spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} rows={12} aria-label="Benign functions, one per line" />
      <div className="benign-actions">
        <span className="benign-count">{entries.length} functions</span>
        <button className="button small" disabled={isDefault} onClick={() => (resetBenign(), setText(DEFAULT_BENIGN.join('\n')))}>
          Reset to defaults
        </button>
        <button className="button small primary" onClick={() => (setBenign(entries), onClose())}>
          Save
        </button>
      </div>
    </div>
  );
}
