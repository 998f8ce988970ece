import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { Box } from '../../src/core/flame/visible';
import { visibleName } from '../../src/core/report/visible';
import { flameSvg, type ExportScene } from '../../src/views/Flame/export';

/** Names a hostile or broken profile can carry: controls XML cannot hold, a bidi override, markup. */
const NAMES = ['main.(*T).run\x01\x1b[31m', 'main.safe\u202eLIVE\u202c.go', 'main.<script>&"x"', 'bad\ufffe\uffff\ud800end'];

function parseXml(xml: string): { texts: string[]; errors: string[] } {
  const parser = new SaxesParser({ xmlns: true });
  const texts: string[] = [];
  const errors: string[] = [];
  parser.on('text', (t) => texts.push(t));
  parser.on('error', (e) => errors.push(e.message));
  parser.write(xml).close();
  return { texts, errors };
}

function scene(names: string[]): ExportScene {
  const boxes: Box[] = names.map((_, i) => ({ frame: i, left: 0, width: 1200, depth: i, run: 0, runValue: 0 }));
  return {
    boxes,
    style: { paint: () => ({ fill: '#f0a000', text: '#000' }) as never, label: (b) => names[b.frame], dimmed: () => false, marked: () => false },
    title: (b) => `${names[b.frame]}\n12 goroutines`,
    width: 1200,
    rows: names.length,
    orientation: 'icicle',
    background: '#fff',
    foreground: '#000',
    accent: '#00f',
    heading: `pprof.x.goroutine.001.pb.gz · zoomed to ${names[0]}`,
  };
}

describe('flame graph SVG export', () => {
  it('is well-formed XML whatever the names hold, and shows hidden characters as escapes', () => {
    const { texts, errors } = parseXml(flameSvg(scene(NAMES)));
    expect(errors).toEqual([]);
    expect(texts).toContain('main.(*T).run\\x01\\x1b[31m');
    expect(texts).toContain('main.safe\\u202eLIVE\\u202c.go');
    expect(texts).toContain('main.<script>&"x"');
    expect(texts).toContain('bad\\ufffe\\uffff\\ud800end');
    expect(texts.some((t) => /[\x00-\x08\u202e]/.test(t))).toBe(false);
  });

  it('the parser used here rejects what the export used to write', () => {
    expect(parseXml('<svg><text>run\x01</text></svg>').errors).not.toEqual([]);
  });
});

describe('names as shown', () => {
  it('writes controls, bidi and invisible characters as Go escapes and leaves other text alone', () => {
    expect(visibleName('main.main')).toBe('main.main');
    expect(visibleName('日本.関数·x')).toBe('日本.関数·x');
    expect(visibleName('a\tb\nc')).toBe('a\\tb\\nc');
    expect(visibleName('x\u202ey\u2066z\u200bw\ufeff')).toBe('x\\u202ey\\u2066z\\u200bw\\ufeff');
    expect(visibleName('x\x7f\x85')).toBe('x\\x7f\\x85');
    expect(visibleName('😀')).toBe('😀');
  });
});
