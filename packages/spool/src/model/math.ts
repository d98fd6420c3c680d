/**
 * Display formulas: a `math` block keeps its TeX in `tex` and, in `spans`, the same formula read as
 * text (variables in italic), so everything that reads a block's spans (titles, alt text, search,
 * the compositions that set text themselves) shows a formula, never its source.
 */
import { texToText } from '../formats/math-text.js';
import type { Block, Span } from './document.js';

/** A formula read as text, in spans carrying `marks` (a link, bold), its variables in italic. */
export function mathSpans(tex: string, marks: Omit<Span, 'text'> = {}): Span[] {
  return texToText(tex).map((p) => ({ ...marks, text: p.text, ...(p.italic ? { italic: true } : {}) }));
}

/** Longest TeX a math block keeps (the schema's cap); a longer formula is kept as its text. */
export const MAX_TEX_CHARS = 4000;

export function mathBlock(tex: string): Block {
  const source = tex.trim();
  if (source.length > MAX_TEX_CHARS) return { type: 'paragraph', spans: [{ text: source }] };
  return { type: 'math', tex: source, spans: mathSpans(source) };
}
