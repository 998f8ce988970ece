import { useState } from 'react';
import { CopyIcon } from './icons';

/** "Copy as text": puts text made on click on the clipboard and says so for a moment. */
export function CopyTextButton({ text, label = 'Copy as text', title = 'Copy as plain text, for an issue or a chat' }: { text: () => string; label?: string; title?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    const done = (next: 'copied' | 'failed') => {
      setState(next);
      setTimeout(() => setState('idle'), 1500);
    };
    if (!navigator.clipboard) return done('failed');
    navigator.clipboard.writeText(text()).then(
      () => done('copied'),
      () => done('failed'),
    );
  };
  return (
    <button className="button small" onClick={copy} title={title}>
      <CopyIcon />
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
    </button>
  );
}
