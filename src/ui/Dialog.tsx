import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { CloseIcon } from './icons';
import { useUi } from '../store/ui';

/** A modal dialog: Escape or a click outside closes it; focus starts in its first field. */
export function Dialog({ title, children, wide = false }: { title: string; children: ReactNode; wide?: boolean }) {
  const close = useUi((s) => s.close);
  const ref = useRef<HTMLDivElement>(null);
  // Before paint, so Escape and typing work as soon as the dialog is visible.
  useLayoutEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('textarea, input, button.primary')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        close();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      previous?.focus?.();
    };
  }, [close]);
  return (
    <div className="backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div ref={ref} className={wide ? 'dialog wide' : 'dialog'} role="dialog" aria-modal="true" aria-label={title}>
        <div className="dialog-head">
          <h2>{title}</h2>
          <button className="icon" aria-label="Close" title="Close (Esc)" onClick={close}>
            <CloseIcon />
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
