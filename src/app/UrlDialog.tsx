import { useState } from 'react';
import { Dialog } from '../ui/Dialog';
import { localServerToken } from '../actions/local-server';
import { loadUrls } from '../actions/loading';
import { useUi } from '../store/ui';

/** Fetches one or more profile URLs (one per line). */
export function UrlDialog() {
  const close = useUi((s) => s.close);
  const [text, setText] = useState('');
  const urls = text
    .split(/\s+/)
    .map((u) => u.trim())
    .filter(Boolean);
  const submit = () => {
    if (urls.length === 0) return;
    close();
    void loadUrls(urls.map((u) => new URL(u, document.baseURI).href));
  };
  return (
    <Dialog title="Fetch a profile from a URL">
      <input
        className="url-box"
        type="url"
        aria-label="Profile URL"
        spellCheck={false}
        placeholder="http://localhost:6060/debug/pprof/goroutine"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') submit();
        }}
      />
      {localServerToken() ? (
        <p className="hint">
          This page was opened by the <code>parkview</code> command, which fetches the URL for you: <code>net/http/pprof</code> endpoints work as they are.
        </p>
      ) : (
        <p className="hint">
          The browser can only read servers that send CORS headers. <code>net/http/pprof</code> does not: for those, run <code>npx parkview &lt;url&gt;</code>, which
          fetches the profile and opens it here, or <code>curl -o profile.pb.gz &lt;url&gt;</code> and drop the file. You can also add <code>?url=…</code> to this
          page’s address.
        </p>
      )}
      <div className="dialog-actions">
        <button className="button" onClick={close}>
          Cancel
        </button>
        <button className="button primary" disabled={urls.length === 0} onClick={submit}>
          Fetch
        </button>
      </div>
    </Dialog>
  );
}
