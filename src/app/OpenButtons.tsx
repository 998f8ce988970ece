import { FileIcon, FolderIcon, LinkIcon, PasteIcon } from './icons';
import { pickFiles, pickFolder, useUi } from './ui';

/** The ways to add profiles, as buttons; `large` for the empty page. */
export function OpenButtons({ large = false }: { large?: boolean }) {
  const open = useUi((s) => s.open);
  const cls = large ? 'button' : 'button small';
  return (
    <div className={large ? 'open-buttons large' : 'open-buttons'}>
      <button className={cls} onClick={pickFiles} title="Open profile files (o)">
        <FileIcon /> {large ? 'Open files' : 'Files'}
      </button>
      <button className={cls} onClick={pickFolder} title="Open a folder of profiles (Shift+O)">
        <FolderIcon /> {large ? 'Open folder' : 'Folder'}
      </button>
      <button className={cls} onClick={() => open('paste')} title="Paste a debug=1 / debug=2 dump or panic (v)">
        <PasteIcon /> {large ? 'Paste text' : 'Paste'}
      </button>
      <button className={cls} onClick={() => open('url')} title="Fetch a profile from a URL (u)">
        <LinkIcon /> {large ? 'From URL' : 'URL'}
      </button>
    </div>
  );
}
