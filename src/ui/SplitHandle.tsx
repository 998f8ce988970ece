import type { KeyboardEvent, PointerEvent } from 'react';

interface Props {
  /** Height in px of the pane below the handle. */
  size: number;
  min: number;
  max: number;
  onResize: (size: number) => void;
  label: string;
}

const STEP = 24;

/** A horizontal divider dragged (or moved with the arrow keys) to resize the pane below it. */
export function SplitHandle({ size, min, max, onResize, label }: Props) {
  const clamp = (v: number) => Math.round(Math.max(min, Math.min(max, v)));
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const startY = e.clientY;
    const start = size;
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const move = (m: globalThis.PointerEvent) => onResize(clamp(start + startY - m.clientY));
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const delta = e.key === 'ArrowUp' ? STEP : e.key === 'ArrowDown' ? -STEP : 0;
    if (!delta) return;
    e.preventDefault();
    onResize(clamp(size + delta));
  };
  return (
    <div
      className="split-handle"
      role="separator"
      aria-orientation="horizontal"
      aria-label={label}
      aria-valuenow={size}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      title="Drag to resize"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
