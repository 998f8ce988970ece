import { expect, test } from 'vitest';
import { runMatchJobs } from '../../src/core/query/refine-match';
import { parseRowFilter } from '../../src/views/Top/row-filter';

const names = ['main.(*exporter).send', 'main.(*service).worker', 'runtime.gopark', 'net/http.(*conn).serve'];

/** The names the filter keeps; a regex runs as the regex Worker runs it. */
function matching(text: string): string[] {
  const f = parseRowFilter(text);
  if (f.kind === 'text') return names.filter(f.test);
  if (f.kind === 'regex') {
    const [m] = runMatchJobs([{ regex: f.regex, strings: names }]);
    return names.filter((_, i) => m[i] === 1);
  }
  return names;
}

test('an empty filter keeps every row', () => {
  expect(parseRowFilter('  ')).toEqual({ kind: 'none' });
});

test('plain text is a substring, case-insensitive unless it has a capital', () => {
  expect(matching('(*')).toEqual(['main.(*exporter).send', 'main.(*service).worker', 'net/http.(*conn).serve']);
  expect(matching('GOPARK')).toEqual([]);
  expect(matching('gopark')).toEqual(['runtime.gopark']);
});

test('/regex/ with flags matches by regular expression', () => {
  expect(matching('/^main\\./')).toEqual(['main.(*exporter).send', 'main.(*service).worker']);
  expect(matching('/SERVE$/i')).toEqual(['net/http.(*conn).serve']);
  // A global flag would make RegExp.test stateful between rows; it is dropped.
  expect(matching('/main/g')).toEqual(['main.(*exporter).send', 'main.(*service).worker']);
});

test('a /regex/ is handed over to be run elsewhere, never run in place', () => {
  expect(parseRowFilter('/^(([a-z.()*/]|[^Z])+)+Z$/')).toEqual({ kind: 'regex', regex: { source: '^(([a-z.()*/]|[^Z])+)+Z$', flags: '' } });
});

test('Go syntax is accepted as in the refine filters', () => {
  expect(matching('/(?i)^RUNTIME\\./')).toEqual(['runtime.gopark']);
  expect(matching('/\\Q(*conn)\\E/')).toEqual(['net/http.(*conn).serve']);
  expect(parseRowFilter('/(?i)main/i')).toEqual({ kind: 'regex', regex: { source: 'main', flags: 'i' } });
});

test('an invalid regex is explained, not applied', () => {
  const r = parseRowFilter('/(unclosed/');
  expect(r.kind).toBe('invalid');
  expect(r.kind === 'invalid' && r.error).toMatch(/^Invalid regular expression: .*Unterminated group/);
  expect(parseRowFilter('/main/x')).toMatchObject({ kind: 'invalid' });
});
