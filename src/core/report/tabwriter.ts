/**
 * Go's text/tabwriter with padding 1, padchar ' ' and AlignRight, as pprof's `-tags` uses it:
 * tab-terminated cells in a column are right-aligned to the widest of the adjoining lines that
 * have that column, plus one space; text after a line's last tab is not aligned. Widths count
 * code points, as Go counts runes.
 */
export function alignRight(lines: string[]): string[] {
  const cells = lines.map((l) => l.split('\t'));
  const widths = cells.map((c) => new Array<number>(c.length - 1).fill(0));
  const width = (s: string) => [...s].length;
  for (let col = 0; ; col++) {
    let any = false;
    for (let i = 0; i < cells.length; ) {
      if (cells[i].length - 1 <= col) {
        i++;
        continue;
      }
      any = true;
      // A block: the adjoining lines with a cell in this column.
      let end = i;
      let w = 0;
      while (end < cells.length && cells[end].length - 1 > col) w = Math.max(w, width(cells[end++][col]));
      for (let k = i; k < end; k++) widths[k][col] = w + 1;
      i = end;
    }
    if (!any) break;
  }
  return cells.map((c, i) => c.map((text, col) => (col < c.length - 1 ? ' '.repeat(widths[i][col] - width(text)) + text : text)).join(''));
}
