import { FileIcon, FolderIcon, LinkIcon, PasteIcon } from '../ui/icons';
import { pickFiles, pickFolder, useUi } from '../store/ui';

/** The ways to add profiles, as buttons; `large` for the empty page. */
export function OpenButtons({ large = false }: { large?: boolean }) {
  const open = useUi((s) => s.open);
  const cls = large ? 'button' : 'button small';
  return (
    <div className={large ? 'open-buttons large' : 'open-buttons'}>
      <button className={cls} onClick={pickFiles} aria-label={large ? undefined : 'Files'} title="Open profile files (o)">
        <FileIcon />
        <span className="open-label">{large ? 'Open files' : 'Files'}</span>
      </button>
      <button className={cls} onClick={pickFolder} aria-label={large ? undefined : 'Folder'} title="Open a folder of profiles (Shift+O)">
        <FolderIcon />
        <span className="open-label">{large ? 'Open folder' : 'Folder'}</span>
      </button>
      <button className={cls} onClick={() => open('paste')} aria-label={large ? undefined : 'Paste'} title="Paste a debug=1 / debug=2 dump or panic (v)">
        <PasteIcon />
        <span className="open-label">{large ? 'Paste text' : 'Paste'}</span>
      </button>
      <button className={cls} onClick={() => open('url')} aria-label={large ? undefined : 'URL'} title="Fetch a profile from a URL (u)">
        <LinkIcon />
        <span className="open-label">{large ? 'From URL' : 'URL'}</span>
      </button>
    </div>
  );
}
