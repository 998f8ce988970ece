/** A file's lines the way Go's bufio.Scanner reads them: split on \n, a trailing \r dropped, no empty last line. */
export function splitSourceLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) if (lines[i].endsWith('\r')) lines[i] = lines[i].slice(0, -1);
  return lines;
}
