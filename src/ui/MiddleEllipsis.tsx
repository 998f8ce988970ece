/** Text that, when too long, loses its middle rather than its end (where a file's NNN is). */
export function MiddleEllipsis({ text, tail = 12, className = '' }: { text: string; tail?: number; className?: string }) {
  const cut = Math.max(0, text.length - tail);
  return (
    <span className={`middle-ellipsis ${className}`}>
      <span className="middle-ellipsis-head">{text.slice(0, cut)}</span>
      <span className="middle-ellipsis-tail">{text.slice(cut)}</span>
    </span>
  );
}
