import { describe, expect, it } from 'vitest';
import { bidiLevels, isolated, isRightToLeft, visualOrder } from '../../src/text/bidi.js';
import { defaultTextEngine } from '../../src/node/fonts.js';
import type { TextStyle } from '../../src/text/types.js';

const style: TextStyle = { family: 'sans', weight: 400, italic: false, size: 18, color: '#111111' };
const engine = defaultTextEngine();

/** Run texts of each line, left to right as drawn. */
function drawn(text: string, width = 2000): { rtl: boolean; runs: string[] }[] {
  return engine.breakLines([{ text, style }], width).map((line) => ({ rtl: !!line.rtl, runs: line.runs.map((r) => r.text) }));
}

/** Glyph ids of a text set alone, for finding a word among a run's glyphs. */
function ids(text: string): number[] {
  return engine.breakLines([{ text, style }], 2000)[0].runs.flatMap((r) => r.glyphs.map((g) => g.id));
}

describe('bidi', () => {
  it('leaves text without right-to-left characters alone', () => {
    expect(bidiLevels('Hello, world — “quotes” 123')).toBeUndefined();
    expect(drawn('Hello world')).toEqual([{ rtl: false, runs: ['Hello world'] }]);
    expect(isolated('@sara')).toBe('@sara');
  });

  it('orders runs by rule L2', () => {
    const order = (levels: number[]) => visualOrder(levels.map((l, i) => ({ i, l })), (x) => x.l).map((x) => x.i);
    expect(order([0, 0, 0])).toEqual([0, 1, 2]);
    expect(order([1, 1, 1])).toEqual([2, 1, 0]);
    expect(order([0, 1, 1, 0])).toEqual([0, 2, 1, 3]);
    // Numbers and Latin inside right-to-left text keep their own order.
    expect(order([1, 2, 2, 1])).toEqual([3, 1, 2, 0]);
  });

  it('sets an Arabic line from the right, with Latin words and numbers in their places', () => {
    const [line] = drawn('مرحبا Spool بالعالم 2024');
    expect(line.rtl).toBe(true);
    expect(line.runs).toEqual(['2024', 'بالعالم ', ' ', 'Spool', 'مرحبا ']);
    // Inside a right-to-left run the first word is drawn rightmost.
    const glyphs = engine.breakLines([{ text: 'الخطوة الثانية: اختصر', style }], 2000)[0].runs[0].glyphs.map((g) => g.id);
    expect(glyphs.slice(0, ids('اختصر').length)).toEqual(ids('اختصر'));
    expect(glyphs.slice(-ids('الخطوة').length)).toEqual(ids('الخطوة'));
  });

  it('keeps an Arabic phrase inside an English line in one right-to-left run', () => {
    expect(drawn('English first, then عربي في الوسط, then more.')).toEqual([
      { rtl: false, runs: ['English first, then ', 'عربي في الوسط', ', ', 'then more.'] },
    ]);
    // Hebrew too, from its own bundled face.
    const [hebrew] = engine.breakLines([{ text: 'שלום עולם', style }], 2000);
    expect(hebrew.rtl).toBe(true);
    expect(hebrew.runs.map((r) => r.face)).toEqual(['noto-hebrew-400']);
  });

  it('wraps right-to-left text into lines that each read from the right', () => {
    const text = 'هذا نص عربي طويل بما يكفي ليلتف على عدة أسطر في صندوق ضيق';
    const lines = engine.breakLines([{ text, style }], 160);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.every((l) => l.rtl)).toBe(true);
    // The first line holds the text's first words.
    expect(lines[0].runs.map((r) => r.text).join('')).toContain('هذا');
  });

  it("tells a paragraph's direction by most of its letters, not its first one, and isolates names", () => {
    expect(isRightToLeft('مرحبا Spool')).toBe(true);
    expect(isRightToLeft('Spool and Node مرحبا')).toBe(false);
    expect(isRightToLeft('2024 שלום')).toBe(true);
    // An Arabic post that opens with a Latin name still reads right to left.
    expect(isRightToLeft('Node.js هو بيئة تشغيل جافاسكريبت')).toBe(true);
    expect(drawn('Node.js هو بيئة تشغيل جافاسكريبت')[0].rtl).toBe(true);
    // A list number with a right-to-left mark and no letters keeps the mark's direction.
    expect(isRightToLeft('\u200f3.')).toBe(true);
    expect(isolated('سارة')).toBe('\u2068سارة\u2069');
    // An isolated Arabic name before a Latin handle stays first.
    const parts = drawn(`${isolated('سارة')}  @sara`)[0].runs.map((t) => t.replace(/[\u2068\u2069]/g, '').trim());
    expect(parts.filter(Boolean)).toEqual(['سارة', '@sara']);
  });

  it('sets paragraphs in the declared direction when they hold letters of it, and their own when they do not', () => {
    const rtlEngine = engine.localized({ direction: 'rtl' });
    const lines = (e: typeof engine, text: string) => e.breakLines([{ text, style }], 2000).map((l) => !!l.rtl);
    // A Hebrew list item that starts with Latin names stays on the list's side in a right-to-left document.
    expect(lines(engine, 'React Native and Vue Router שניהם')).toEqual([false]);
    expect(lines(rtlEngine, 'React Native and Vue Router שניהם')).toEqual([true]);
    expect(isRightToLeft('React Native and Vue Router שניהם', 'rtl')).toBe(true);
    // An English paragraph quoted in a Hebrew article is not turned around.
    expect(lines(rtlEngine, 'Hello world')).toEqual([false]);
    expect(isRightToLeft('Hello world', 'rtl')).toBe(false);
    // Each line of a paragraph with hard breaks is its own bidi paragraph.
    expect(lines(engine, 'שלום עולם\nHello world wide web')).toEqual([true, false]);
    expect(engine.localized({ direction: 'rtl' })).toBe(rtlEngine);
  });
});
