import { describe, expect, it } from 'vitest';
import { defaultTextEngine } from '../../src/node/fonts.js';
import type { StyledText, TextLine, TextStyle } from '../../src/text/types.js';

const engine = defaultTextEngine();

function style(over: Partial<TextStyle> = {}): TextStyle {
  return { family: 'sans', weight: 400, italic: false, size: 18, color: '#111111', ...over };
}

function plain(text: string, over: Partial<TextStyle> = {}): StyledText[] {
  return [{ text, style: style(over) }];
}

const lineText = (line: TextLine) => line.runs.map((r) => r.text).join('');

describe('measuring', () => {
  it('scales widths linearly with size', () => {
    const at18 = engine.measure(plain('Carousels from threads', { size: 18 }));
    const at36 = engine.measure(plain('Carousels from threads', { size: 36 }));
    expect(at18).toBeGreaterThan(0);
    expect(at36).toBeCloseTo(at18 * 2, 6);
  });

  it('kerns pairs: AV is narrower than A plus V', () => {
    for (const family of ['sans', 'serif', 'display']) {
      const av = engine.measure(plain('AV', { family }));
      const a = engine.measure(plain('A', { family }));
      const v = engine.measure(plain('V', { family }));
      expect(av, family).toBeLessThan(a + v - 0.1);
    }
  });

  it('sets bold wider than regular', () => {
    const text = 'The quick brown fox jumps over the lazy dog';
    expect(engine.measure(plain(text, { weight: 700 }))).toBeGreaterThan(engine.measure(plain(text)));
    expect(engine.measure(plain(text, { weight: 800 }))).toBeGreaterThan(engine.measure(plain(text, { weight: 600 })));
  });

  it('measures one line as the width breakLines reports for it', () => {
    const texts = plain('Layout once, paint everywhere.');
    const width = engine.measure(texts);
    const lines = engine.breakLines(texts, width);
    expect(lines).toHaveLength(1);
    expect(lines[0].width).toBe(width);
  });

  it('gives per-unit metrics from the font', () => {
    const m = engine.metrics(style());
    expect(m.ascent).toBeGreaterThan(0.8);
    expect(m.ascent).toBeLessThan(1.2);
    expect(m.descent).toBeGreaterThan(0.1);
    expect(m.capHeight).toBeLessThan(m.ascent);
    expect(m.xHeight).toBeLessThan(m.capHeight);
  });
});

describe('breaking lines', () => {
  it('forces a line at each newline and marks it hard', () => {
    const lines = engine.breakLines(plain('one\ntwo\n\nfour'), 400);
    expect(lines.map(lineText)).toEqual(['one', 'two', '', 'four']);
    expect(lines.every((l) => l.hardBreak)).toBe(true);
    expect(lines[2].ascent).toBeGreaterThan(0);
    expect(engine.breakLines(plain('trailing\n'), 400).map(lineText)).toEqual(['trailing']);
  });

  it('fills lines greedily, leaving trailing spaces out of width and runs', () => {
    const text = 'Spool turns threads and articles into carousels that read well on every phone.';
    const lines = engine.breakLines(plain(text), 150);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(line.width).toBeLessThanOrEqual(150);
      expect(lineText(line)).toBe(lineText(line).trimEnd());
      const last = line.runs[line.runs.length - 1];
      expect(last.x + last.width).toBeCloseTo(line.width, 6);
    }
    expect(lines.slice(0, -1).every((l) => !l.hardBreak)).toBe(true);
    expect(lines[lines.length - 1].hardBreak).toBe(true);
    expect(lines.map(lineText).join(' ')).toBe(text);
  });

  it('breaks a long URL at graphemes without exceeding the width', () => {
    const url = 'https://example.com/' + 'x'.repeat(120) + '?utm_source=spool&utm_medium=carousel';
    const lines = engine.breakLines(plain(`See ${url} now`, { underline: true, href: url }), 160);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(160);
    expect(lines.map(lineText).join('').replace(/\s/g, '')).toBe(`See${url}now`);
    expect(lines[0].runs[0]).toMatchObject({ href: url, underline: true });
  });

  it('keeps mixed bold and italic runs on one line when they fit', () => {
    const texts: StyledText[] = [
      { text: 'Ship ', style: style() },
      { text: 'bold', style: style({ weight: 700 }) },
      { text: ', ', style: style() },
      { text: 'italic', style: style({ italic: true }) },
      { text: ' and ', style: style() },
      { text: 'both', style: style({ weight: 700, italic: true }) },
      { text: '.', style: style() },
    ];
    const lines = engine.breakLines(texts, 400);
    expect(lines).toHaveLength(1);
    expect(lines[0].runs.map((r) => r.face)).toEqual(['sans-400', 'sans-700', 'sans-400', 'sans-400-italic', 'sans-400', 'sans-700-italic', 'sans-400']);
    let x = 0;
    for (const run of lines[0].runs) {
      expect(run.x).toBeCloseTo(x, 9);
      x += run.width;
    }
  });

  it('never breaks at a style change inside a word', () => {
    const texts: StyledText[] = [
      { text: 'aaaa ', style: style() },
      { text: 'bold', style: style({ weight: 700 }) },
      { text: ',tail', style: style() },
    ];
    const boldWord = engine.measure(texts.slice(1));
    const first = engine.measure(texts.slice(0, 1));
    const lines = engine.breakLines(texts, first + boldWord - 1);
    expect(lines.map(lineText)).toEqual(['aaaa', 'bold,tail']);
  });

  it('merges neighbouring texts in the same style into one run', () => {
    const lines = engine.breakLines([{ text: 'one ', style: style() }, { text: 'run', style: style() }], 400);
    expect(lines[0].runs).toHaveLength(1);
    expect(lines[0].runs[0].text).toBe('one run');
  });

  it('returns no lines for empty text', () => {
    expect(engine.breakLines([], 200)).toEqual([]);
    expect(engine.breakLines(plain(''), 200)).toEqual([]);
    expect(engine.measure([])).toBe(0);
  });
});

describe('faces', () => {
  it('serves every face it puts in a run, with outlines', () => {
    const face = engine.face('sans-700-italic');
    expect(face.family).toBe('Inter');
    expect(face.unitsPerEm).toBe(2048);
    expect(face.bytes.length).toBeGreaterThan(10_000);
    const run = engine.breakLines(plain('H', { weight: 700, italic: true }), 100)[0].runs[0];
    expect(face.glyphPath(run.glyphs[0].id)).toMatch(/^M/);
    expect(engine.face('display-400').family).toBe('Playfair Display');
  });

  it('picks the nearest available face', () => {
    // Space Grotesk has no italics: an italic request is set upright.
    const run = engine.breakLines(plain('Hi', { family: 'grotesk', italic: true, weight: 800 }), 100)[0].runs[0];
    expect(run.face).toBe('grotesk-700');
  });

  it('sets an unknown family in the fallback font', () => {
    const run = engine.breakLines(plain('Hi', { family: 'no-such-family' }), 100)[0].runs[0];
    expect(run.face).toBe('noto-400');
    expect(() => engine.face('no-such-family-400')).toThrow(/Unknown font face/);
  });
});
