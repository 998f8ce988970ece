import { MiddleEllipsis } from '../../ui/MiddleEllipsis';
import { allowFetch, type SourceText } from '../../actions/sources';
import { useSourceView } from '../../store/source';

const VIA = { folder: 'dropped folder', url: 'URL template', go: 'Go source' } as const;

/** Characters of a path's last three elements (`cmd/service/main.go`), which stay when it is cut. */
function tailLength(path: string): number {
  let at = path.length;
  for (let i = 0; i < 3 && at > 0; i++) at = path.lastIndexOf('/', at - 1);
  return path.length - Math.max(0, at);
}

/** Under a routine's header: the profile's path for the file and where its text came from, or why there is none. */
export function SourceOrigin({ file, text }: { file: string; text: SourceText | null }) {
  const openPanel = useSourceView((s) => s.setPanelOpen);
  return (
    <div className={`routine-origin${text?.kind === 'error' ? ' error' : ''}`}>
      <span className="routine-file" title={file}>
        <MiddleEllipsis text={file || 'no file'} tail={tailLength(file)} />
      </span>
      {!text ? (
        file && <span className="origin-note">looking for the source…</span>
      ) : text.kind === 'text' ? (
        <span className="origin-note one-line" title={text.origin}>
          from {VIA[text.via]}{' '}
          {text.via === 'folder' ? (
            <code>{text.origin}</code>
          ) : (
            <a href={text.origin} target="_blank" rel="noreferrer noopener">
              {text.origin}
            </a>
          )}
        </span>
      ) : text.kind === 'ask' ? (
        <span className="origin-note origin-ask">
          <span>
            {text.via === 'go' ? 'The Go source of this file' : 'This file'} is on the network, at <code className="origin-url">{text.url}</code>
          </span>
          <span className="origin-ask-actions">
            <button className="button small" onClick={() => allowFetch(text.url, false)}>
              Fetch this file
            </button>
            <button className="button small" onClick={() => allowFetch(text.url, true)}>
              Always fetch from {new URL(text.url).host}
            </button>
          </span>
        </span>
      ) : text.kind === 'error' ? (
        <span className="origin-note" role="alert">
          {text.message}
        </span>
      ) : (
        file && (
          <span className="origin-note">
            No source text: {text.reason[0].toLowerCase() + text.reason.slice(1)}{' '}
            <button className="link" onClick={() => openPanel(true)}>
              Add source…
            </button>
          </span>
        )
      )}
    </div>
  );
}
