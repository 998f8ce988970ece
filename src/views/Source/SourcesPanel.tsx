import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { filesFromDrop, filesFromInput, type PickedFile } from '../../actions/drop';
import { CloseIcon, FolderIcon } from '../../ui/icons';
import { loadPicked } from '../../actions/loading';
import { goStdPath } from '../../core/source/paths';
import { GO_SOURCE_TEMPLATES, goSourceUrl, ruleUrl, templateProblem } from '../../core/source/templates';
import { useSourceSettings, type SourceSettings } from '../../store/source-settings';
import { addSourceFiles, forgetSources, goReleaseFor, sourcesChanged } from '../../actions/sources';
import { useSources } from '../../store/sources';
import { useSourceView } from '../../store/source';

/** A drop carries sources when it holds a folder or a source file; otherwise it is left to the page (profiles). */
function isSourceDrop(data: DataTransfer): boolean {
  return Array.from(data.items).some((item) => {
    const entry = item.webkitGetAsEntry?.();
    return entry?.isDirectory || /\.(go|s|c|h)$/.test(entry?.name ?? item.getAsFile()?.name ?? '');
  });
}

async function takeFiles(files: PickedFile[], report: (msg: string) => void): Promise<void> {
  const taken = await addSourceFiles(files);
  if (taken > 0) report(`Added ${taken.toLocaleString('en-US')} source file${taken === 1 ? '' : 's'}.`);
  else if (files.length > 0) {
    report('No source files there: loading them as profiles instead.');
    await loadPicked(files);
  }
}

/** Handlers that take folders dropped anywhere on the Source view; `over` is true while one is dragged over it. */
export function useSourceDrop(report: (msg: string) => void) {
  const [over, setOver] = useState(false);
  return {
    over,
    handlers: {
      onDragOver: (e: DragEvent) => {
        if (!Array.from(e.dataTransfer.types).includes('Files')) return;
        e.preventDefault();
        setOver(true);
      },
      onDragLeave: (e: DragEvent) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      },
      onDrop: (e: DragEvent) => {
        setOver(false);
        if (!isSourceDrop(e.dataTransfer)) return;
        e.preventDefault();
        e.stopPropagation();
        void filesFromDrop(e.dataTransfer).then((files) => takeFiles(files, report));
      },
    },
  };
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="sources-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

/** Where source text comes from: dropped folders, the user's URL template, the Go source. */
interface PanelProps {
  /** Source files the profile names, for previews. */
  files: string[];
  message: string;
  report: (msg: string) => void;
}

type Editable = Omit<SourceSettings, 'origins'>;

/** The settings the panel edits and saves together; allowed origins change one by one. */
function editable({ rule, goVersion, goTemplate, fetchGo }: SourceSettings): Editable {
  return { rule, goVersion, goTemplate, fetchGo };
}

export function SourcesPanel({ files, message, report }: PanelProps) {
  const samplePath = files.find((f) => f && !goStdPath(f)) ?? '';
  const stdPath = files.find((f) => goStdPath(f)) ?? '';
  const folders = useSources((s) => s.folders);
  const persistError = useSources((s) => s.persistError);
  const settings = useSourceSettings();
  const [draft, setDraft] = useState<Editable>(() => editable(settings));
  const close = useSourceView((s) => s.setPanelOpen);
  const input = useRef<HTMLInputElement>(null);
  const dirty = JSON.stringify(draft) !== JSON.stringify(editable(settings));
  const problem = draft.rule.template ? templateProblem(draft.rule.template) : null;
  const userPreview = samplePath && draft.rule.template && !problem ? ruleUrl(draft.rule, samplePath) : null;
  const goPreview = goSourceUrl(draft.goTemplate, goReleaseFor(stdPath, draft), goStdPath(stdPath) ?? 'runtime/proc.go');
  const setRule = (k: keyof Editable['rule'], v: string) => setDraft({ ...draft, rule: { ...draft.rule, [k]: v } });
  const forgetOrigin = (origin: string) => {
    settings.update({ origins: settings.origins.filter((o) => o !== origin) });
    sourcesChanged();
  };
  const save = () => {
    settings.update(draft);
    sourcesChanged();
    report('Source settings saved.');
  };

  return (
    <aside className="sources-panel" aria-label="Source settings">
      <div className="sources-head">
        <h2>Source text</h2>
        <button className="icon" aria-label="Close source settings" onClick={() => close(false)}>
          <CloseIcon />
        </button>
      </div>
      <Section title="Your checkout">
        <div className="source-drop">
          <p>Drop your project folder on this view, or</p>
          <button className="button small" onClick={() => input.current?.click()}>
            <FolderIcon /> Choose folder…
          </button>
          <input
            ref={input}
            type="file"
            hidden
            aria-label="Source folder"
            data-testid="source-folder-input"
            {...{ webkitdirectory: '', directory: '' }}
            multiple
            onChange={(e) => {
              const files = filesFromInput(e.target.files);
              e.target.value = '';
              void takeFiles(files, report);
            }}
          />
        </div>
        {folders.length > 0 && (
          <ul className="source-folders">
            {folders.map((f) => (
              <li key={f.name}>
                <FolderIcon /> <code>{f.name}</code>
                <span className="hint">
                  {f.files.toLocaleString('en-US')} file{f.files === 1 ? '' : 's'}
                </span>
              </li>
            ))}
            <li>
              <button className="link" onClick={() => void forgetSources().then(() => report('Dropped folders forgotten.'))}>
                Forget dropped folders
              </button>
            </li>
          </ul>
        )}
        <p className="hint">
          Files match the profile’s paths by their longest common ending, as <code>pprof -source_path</code> does: <code>…/acme/leaky/cmd/service/main.go</code> finds{' '}
          <code>leaky/cmd/service/main.go</code>. They stay in this browser (IndexedDB) and are never uploaded.
        </p>
        {persistError && <p className="hint warn">{persistError}</p>}
      </Section>
      <Section title="Repository URL">
        <label className="field">
          <span>URL template</span>
          <input
            type="url"
            spellCheck={false}
            placeholder="https://raw.githubusercontent.com/OWNER/REPO/COMMIT/{path}"
            value={draft.rule.template}
            onChange={(e) => setRule('template', e.target.value)}
          />
        </label>
        <div className="field-pair">
          <label className="field">
            <span>Replace path prefix</span>
            <input spellCheck={false} placeholder="/home/dev/src/github.com/acme/leaky/" value={draft.rule.from} onChange={(e) => setRule('from', e.target.value)} />
          </label>
          <label className="field">
            <span>with</span>
            <input spellCheck={false} placeholder="(nothing)" value={draft.rule.to} onChange={(e) => setRule('to', e.target.value)} />
          </label>
        </div>
        {problem ? (
          <p className="hint warn">{problem}</p>
        ) : userPreview ? (
          <p className="hint preview">
            <code>{userPreview}</code>
          </p>
        ) : (
          draft.rule.template && samplePath && <p className="hint">Paths like <code>{samplePath}</code> do not start with the prefix.</p>
        )}
        <p className="hint">The server must allow cross-origin reads (raw.githubusercontent.com and most raw file hosts do).</p>
      </Section>
      <Section title="Go standard library">
        <label className="check">
          <input type="checkbox" checked={draft.fetchGo} onChange={(e) => setDraft({ ...draft, fetchGo: e.target.checked })} />
          <span>
            Fetch <code>runtime</code>, <code>net</code>, <code>sync</code>… sources
          </span>
        </label>
        <div className="field-pair">
          <label className="field">
            <span>Go version</span>
            <input spellCheck={false} placeholder={`${goReleaseFor(stdPath, { ...draft, goVersion: '' })}${stdPath ? ' (auto)' : ''}`} value={draft.goVersion} onChange={(e) => setDraft({ ...draft, goVersion: e.target.value })} />
          </label>
          <label className="field">
            <span>From</span>
            <select value={draft.goTemplate} onChange={(e) => setDraft({ ...draft, goTemplate: e.target.value })}>
              <option value={GO_SOURCE_TEMPLATES.github}>github.com/golang/go</option>
              <option value={GO_SOURCE_TEMPLATES.googlesource}>go.googlesource.com</option>
            </select>
          </label>
        </div>
        <p className="hint preview">
          <code>{goPreview}</code>
        </p>
      </Section>
      <Section title="Network">
        {settings.origins.length === 0 ? (
          <p className="hint">Nothing is fetched without asking: each file shows its address first, to fetch once or always from that site.</p>
        ) : (
          <ul className="source-origins" aria-label="Sites source files are fetched from">
            {settings.origins.map((o) => (
              <li key={o}>
                <code>{o}</code>
                <button className="link" onClick={() => forgetOrigin(o)}>
                  Ask again
                </button>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <div className="sources-actions">
        <span className="hint" role="status">
          {message}
        </span>
        <button className="button small primary" disabled={!dirty || !!problem} onClick={save}>
          Save
        </button>
      </div>
    </aside>
  );
}
