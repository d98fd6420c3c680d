import { cjkLeading } from '../text/cjk.js';
import type { StyledText, TextEngine } from '../text/types.js';
import type { LaidText, PlacedLine } from './types.js';
import { breakText, type Wrap } from './wrap.js';

/** `start` is left for left-to-right lines and right for right-to-left ones (an Arabic or Hebrew post). */
export type Align = 'left' | 'right' | 'start' | 'center';

export interface SetText {
  text: LaidText;
  height: number;
  /** Width of the widest line. */
  width: number;
}

/** Opening quotation marks, which hang: English, German and French, single and double. */
const OPENING_MARKS = new Set(['“', '‘', '"', "'", '«', '„', '‚', '‹']);

/** The advance of the opening quotation mark a line starts with, or 0. */
function hangingMark(line: PlacedLine['line']): number {
  const run = line.runs[0];
  const glyph = run?.glyphs[0];
  if (!run || run.emoji || !glyph || run.x !== 0 || !OPENING_MARKS.has(run.text[0] ?? '')) return 0;
  // One glyph for the mark (not a ligature that takes the letter after it too).
  return run.glyphs.length > 1 ? glyph.advance : 0;
}

/**
 * Breaks styled text into lines and stacks them from `y` with a fixed line pitch, baselines
 * centred in the line box by the nominal font metrics so mixed emoji or fallback runs keep the rhythm.
 * `wrap` picks where lines break (see ./wrap.ts); they are aligned in the full `width` either way.
 */
export function setText(
  engine: TextEngine,
  texts: readonly StyledText[],
  x: number,
  y: number,
  width: number,
  lineHeight: number,
  align: Align = 'left',
  wrap: Wrap = 'greedy',
): SetText {
  if (texts.length === 0) return { text: { type: 'text', lines: [] }, height: 0, width: 0 };
  const base = texts[0].style;
  const m = engine.metrics(base);
  const size = base.size;
  const pitch = size * lineHeight * cjkLeading(texts.map((t) => t.text).join(''));
  const baselineOffset = pitch / 2 + ((m.ascent - m.descent) * size) / 2;
  const lines = breakText(engine, texts, width, wrap);
  let widest = 0;
  const placed: PlacedLine[] = lines.map((line, i) => {
    widest = Math.max(widest, line.width);
    const right = align === 'right' || (align === 'start' && line.rtl);
    const dx = align === 'center' ? (width - line.width) / 2 : right ? width - line.width : 0;
    const at: PlacedLine = { x: x + dx, baseline: y + i * pitch + baselineOffset, line };
    // A line set from the left edge that opens with a quotation mark hangs the mark in the margin.
    const hang = align === 'center' || right ? 0 : hangingMark(line);
    if (hang > 0) {
      at.x -= hang;
      at.hang = hang;
    }
    return at;
  });
  return { text: { type: 'text', lines: placed }, height: lines.length * pitch, width: widest };
}
