import { describe, expect, it } from 'vitest';
import { setText } from '../../src/layout/lines.js';
import { baseStyle } from '../../src/layout/styles.js';
import { defaultTextEngine } from '../../src/node/fonts.js';
import { fakeEngine } from '../helpers/fake-engine.js';

// The fake engine sets every character 0.5 em wide: at size 10, 5 units each.
const engine = fakeEngine();
const style = baseStyle('sans', 10, '#111111');
const text = (t: string) => [{ text: t, style }];

describe('setText', () => {
  it('sets nothing for no text', () => {
    expect(setText(engine, [], 0, 0, 100, 1.5)).toEqual({ text: { type: 'text', lines: [] }, height: 0, width: 0 });
  });

  it('stacks lines one pitch (size × line height) apart from y and reports the widest', () => {
    // 'aaaa bbbb' is 9 characters = 45 units: it fits a 45-unit line; 'cccc' goes on the next.
    const set = setText(engine, text('aaaa bbbb cccc'), 10, 100, 45, 1.5);
    const [first, second] = set.text.lines;
    expect(set.text.lines.map((l) => l.line.runs.map((r) => r.text).join(''))).toEqual(['aaaa bbbb', 'cccc']);
    expect(second.baseline - first.baseline).toBe(15);
    expect(set.height).toBe(30);
    expect(set.width).toBe(45);
  });

  it('centres each line’s glyph box in its line box', () => {
    const set = setText(engine, text('aaaa bbbb cccc dddd'), 0, 20, 45, 1.8);
    set.text.lines.forEach((placed, i) => {
      const boxTop = 20 + i * 18;
      const above = placed.baseline - placed.line.ascent - boxTop;
      const below = boxTop + 18 - (placed.baseline + placed.line.descent);
      expect(above).toBeCloseTo(below, 10);
      expect(above).toBeGreaterThan(0);
    });
  });

  it('aligns each line left, right or centre within the width', () => {
    const line = (align: 'left' | 'right' | 'center') => setText(engine, text('aaaa bbbb cccc'), 10, 0, 45, 1.2, align).text.lines[1];
    // The second line, 'cccc', is 20 units wide in a 45-unit column starting at x = 10.
    expect(line('left').x).toBe(10);
    expect(line('right').x).toBe(10 + 45 - 20);
    expect(line('center').x).toBe(10 + (45 - 20) / 2);
  });

  it('starts left-to-right lines on the left and right-to-left lines on the right', () => {
    const real = defaultTextEngine();
    const arabic = setText(real, [{ text: 'هذا نص عربي قصير', style: baseStyle('sans', 18, '#111111') }], 36, 0, 360, 1.4, 'start');
    const english = setText(real, [{ text: 'A short English line', style: baseStyle('sans', 18, '#111111') }], 36, 0, 360, 1.4, 'start');
    const a = arabic.text.lines[0];
    expect(a.line.rtl).toBe(true);
    expect(a.x + a.line.width).toBeCloseTo(36 + 360, 6);
    expect(a.x).toBeGreaterThan(36);
    expect(english.text.lines[0].x).toBe(36);
  });
});

describe('hanging punctuation', () => {
  const real = defaultTextEngine();
  const big = baseStyle('sans', 40, '#111111', 700);
  it('hangs an opening quotation mark in the margin, so the words line up with the lines below', () => {
    const set = setText(real, [{ text: '“Short beats clever” and specific beats short.', style: big }], 36, 0, 300, 1.2, 'left');
    const [first, second] = set.text.lines;
    const mark = first.line.runs[0].glyphs[0].advance;
    expect(mark).toBeGreaterThan(5);
    expect(first.hang).toBeCloseTo(mark, 6);
    expect(first.x).toBeCloseTo(36 - mark, 6);
    expect(second.x).toBe(36);
    expect(second.hang).toBeUndefined();
  });

  it('hangs nothing in centred text or in a line that opens with a letter', () => {
    expect(setText(real, [{ text: '“Centred”', style: big }], 36, 0, 300, 1.2, 'center').text.lines[0].hang).toBeUndefined();
    expect(setText(real, [{ text: 'Plain start', style: big }], 36, 0, 300, 1.2, 'left').text.lines[0].x).toBe(36);
  });
});
