import { describe, expect, it } from 'vitest';
import { highlightLines, type Token } from '../../src/views/Source/highlight';

const text = (tokens: Token[]) => tokens.map((t) => t.text).join('');
const classOf = (tokens: Token[], s: string) => tokens.find((t) => t.text.includes(s))?.cls;

describe('Go highlighting', () => {
  it('gives one token list per line, with the text unchanged', async () => {
    const lines = ['package main', '', 'func (e *exporter) send(o order) {', '\te.input <- o // "<b>"', '}'];
    const tokens = await highlightLines('main.go', lines);
    expect(tokens?.map(text)).toEqual(lines);
    expect(classOf(tokens![2], 'func')).toBe('hljs-keyword');
    expect(classOf(tokens![3], '// "<b>"')).toBe('hljs-comment');
  });

  it('keeps a raw string spanning lines a string on each of them', async () => {
    const lines = ['var q = `select *', 'from t', 'where x`', 'var n = 42'];
    const tokens = await highlightLines('q.go', lines);
    expect(tokens?.map(text)).toEqual(lines);
    expect(classOf(tokens![1], 'from t')).toBe('hljs-string');
    expect(classOf(tokens![3], '42')).toBe('hljs-number');
  });

  it('leaves other languages plain', async () => {
    expect(await highlightLines('asm_amd64.s', ['TEXT runtime·rt0_go(SB),NOSPLIT,$0'])).toBeNull();
  });
});
