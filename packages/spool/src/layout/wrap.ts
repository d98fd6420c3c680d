/**
 * Where to break a text's lines so it reads as set by hand, after CSS's `text-wrap`:
 *
 * - `balance` (titles): the narrowest measure that keeps the same number of lines, so every line
 *   is about as long as the others and no word sits alone on the last one;
 * - `pretty` (body): the full measure, unless the last line would hold one short word (a widow);
 *   then a slightly narrower measure that brings a second word down without adding a line.
 *
 * Both only choose a width to break at; the lines are still aligned in the full box.
 */
import type { StyledText, TextEngine, TextLine } from '../text/types.js';

export type Wrap = 'greedy' | 'balance' | 'pretty';

/** A last line this short (in characters), alone on its line, is a widow. */
const WIDOW_CHARS = 12;

export function breakText(engine: TextEngine, texts: readonly StyledText[], width: number, wrap: Wrap = 'greedy'): TextLine[] {
  const lines = engine.breakLines(texts, width);
  if (wrap === 'greedy' || lines.length < 2 || lines.some((l, i) => l.hardBreak && i < lines.length - 1)) return lines;
  return wrap === 'balance' ? balance(engine, texts, width, lines) : pretty(engine, texts, width, lines);
}

function balance(engine: TextEngine, texts: readonly StyledText[], width: number, lines: TextLine[]): TextLine[] {
  const count = lines.length;
  // No measure narrower than the text's width shared evenly keeps the count; search above it.
  let lo = totalWidth(lines) / count;
  let hi = width;
  let best = lines;
  for (let k = 0; k < 7 && hi - lo > 1; k++) {
    const mid = (lo + hi) / 2;
    const probe = engine.breakLines(texts, mid);
    if (probe.length <= count && fitsWithin(probe, mid)) {
      best = probe;
      hi = mid;
    } else lo = mid;
  }
  return best;
}

function pretty(engine: TextEngine, texts: readonly StyledText[], width: number, lines: TextLine[]): TextLine[] {
  if (!endsInWidow(lines)) return lines;
  for (const share of [0.96, 0.92, 0.88, 0.84, 0.8, 0.76, 0.72]) {
    const probe = engine.breakLines(texts, width * share);
    if (probe.length > lines.length) break;
    if (!endsInWidow(probe)) return probe;
  }
  return lines;
}

/**
 * Whether a paragraph's last line is a widow: one short word, under half as long as the line above
 * it. (A title set a word or two a line, `Types of / knowledge / distillation`, has none.)
 */
export function endsInWidow(lines: readonly TextLine[]): boolean {
  if (lines.length < 2) return false;
  const last = lines[lines.length - 1];
  const text = lineText(last).trim();
  // Scripts written without spaces (Chinese, Japanese, Thai) have no words to count.
  const oneShortWord = text.length > 0 && text.length <= WIDOW_CHARS && !/\s/.test(text) && /[\p{L}\p{N}]/u.test(text);
  return oneShortWord && last.width < lines[lines.length - 2].width * 0.5;
}

/** The characters a laid line shows. */
export function lineText(line: TextLine): string {
  return line.runs.map((r) => r.text).join('');
}

function totalWidth(lines: readonly TextLine[]): number {
  return lines.reduce((sum, l) => sum + l.width, 0);
}

function fitsWithin(lines: readonly TextLine[], width: number): boolean {
  return lines.every((l) => l.width <= width + 0.5);
}
