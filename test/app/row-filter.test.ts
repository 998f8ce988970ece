import { expect, test } from 'vitest';
import { parseRowFilter } from '../../src/views/Top/row-filter';

const names = ['main.(*exporter).send', 'main.(*service).worker', 'runtime.gopark', 'net/http.(*conn).serve'];
const matching = (text: string) => names.filter((n) => parseRowFilter(text).test?.(n) ?? true);

test('an empty filter keeps every row', () => {
  expect(parseRowFilter('  ')).toEqual({ test: null, error: null });
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

test('an invalid regex is explained, not applied', () => {
  const r = parseRowFilter('/(unclosed/');
  expect(r.test).toBeNull();
  expect(r.error).toMatch(/^Invalid regular expression: .*Unterminated group/);
});
