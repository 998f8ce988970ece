import { LinkIcon } from './icons';
import { ShareDialog } from './ShareDialog';
import { useUi } from './ui';

/** The toolbar's Share button and its dialog. */
export function ShareButton() {
  const open = useUi((s) => s.dialog === 'share');
  const show = useUi((s) => s.open);
  return (
    <>
      <button className="button small" onClick={() => show('share')} title="Share a link that carries these snapshots and this view">
        <LinkIcon />
        Share
      </button>
      {open && <ShareDialog />}
    </>
  );
}
