import { useState } from 'react';
import { Dialog } from '../ui/Dialog';
import { loadText, loadUrl, looksLikeUrl } from '../actions/loading';
import { useUi } from '../store/ui';

/** A box to paste a dump into, for people who prefer a field to Ctrl+V on the page. */
export function PasteDialog() {
  const close = useUi((s) => s.close);
  const [text, setText] = useState('');
  const submit = () => {
    if (!text.trim()) return;
    close();
    void (looksLikeUrl(text) ? loadUrl(text.trim()) : loadText(text));
  };
  return (
    <Dialog title="Paste a goroutine dump" wide>
      <p className="hint">
        The output of <code>/debug/pprof/goroutine?debug=1</code> or <code>?debug=2</code>, a panic, or <code>runtime.Stack</code>. Tip: Ctrl+V anywhere on the page
        loads the clipboard directly.
      </p>
      <textarea
        className="paste-box"
        aria-label="Dump text"
        spellCheck={false}
        value={text}
        placeholder={'goroutine profile: total 42\n…\n\nor\n\ngoroutine 1 [running]:\nmain.main()\n…'}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
        }}
      />
      <div className="dialog-actions">
        <span className="hint">Ctrl+Enter loads</span>
        <button className="button" onClick={close}>
          Cancel
        </button>
        <button className="button primary" disabled={!text.trim()} onClick={submit}>
          Load
        </button>
      </div>
    </Dialog>
  );
}
