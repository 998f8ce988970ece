// Reader for `go tool pprof -list` output (expected/*.list-*.txt).

export interface OracleRow {
  flat: string;
  cum: string;
  line: number;
  text: string;
}

export interface OracleRoutine {
  name: string;
  file: string;
  flat: string;
  cum: string;
  percent: string;
  rows: OracleRow[];
}

export function parseList(text: string): { total: string; routines: OracleRoutine[] } {
  const lines = text.split('\n');
  const total = /^Total: (\S+)$/.exec(lines[0])?.[1] ?? '';
  const routines: OracleRoutine[] = [];
  for (let i = 1; i < lines.length; i++) {
    const head = /^ROUTINE =+ (.*) in (.*)$/.exec(lines[i]);
    if (head) {
      const sums = /^\s*(\S+)\s+(\S+) \(flat, cum\)\s+(\S+) of Total$/.exec(lines[++i]);
      if (!sums) throw new Error(`bad header line ${i + 1}: ${lines[i]}`);
      routines.push({ name: head[1], file: head[2], flat: sums[1], cum: sums[2], percent: sums[3], rows: [] });
      continue;
    }
    const row = /^\s*(\S+)\s+(\S+)\s+(\d+):(.*)$/.exec(lines[i]);
    if (row) routines[routines.length - 1].rows.push({ flat: row[1], cum: row[2], line: Number(row[3]), text: row[4] });
  }
  return { total, routines };
}
