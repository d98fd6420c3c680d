import LineBreaker from 'linebreak';
import { bidiLevels, type BidiLevels } from './bidi.js';
import { EMOJI_ADVANCE } from './emoji.js';
import type { FontSet } from './font-set.js';
import { graphemeBounds } from './graphemes.js';
import { itemize, joinTexts, type Piece, type Span } from './itemize.js';
import type { Face } from './face.js';
import { penAt, shapeChunk, shapedWidth } from './shaping.js';
import type { ShapedChunk } from './types.js';
import type { StyledText, TextLocale } from './types.js';

export interface BreakOpportunity {
  /** Where the next line may start. */
  pos: number;
  /** After a line terminator, or at the end of the text. */
  required: boolean;
}

/**
 * Everything about a piece of rich text that does not depend on the line width: faces, emoji,
 * break opportunities and the widths of its units. A unit is a stretch inside one piece that
 * ends after a space, tab or line terminator, or where the writing direction changes (in text
 * with right-to-left characters). Within a line these are exactly the chunks a run is
 * shaped in (terminators only ever end lines), so a line's width is the sum of its whole units
 * plus the partial ones at its two ends, and equals the width of the runs built for it.
 */
export interface Paragraph {
  text: string;
  spans: Span[];
  pieces: Piece[];
  bounds: Uint8Array;
  /** 1 inside an emoji, where no line may end. */
  noBreak: Uint8Array;
  breaks: BreakOpportunity[];
  /** Unit i covers [unitStart[i], unitStart[i + 1]). */
  unitStart: Int32Array;
  unitPiece: Int32Array;
  unitWidth: Float64Array;
  /** Each unit's shaping (undefined for an emoji) and its font-unit to page-unit scale. */
  unitChunk: (ShapedChunk | undefined)[];
  unitScale: Float64Array;
  /** How far an estimate may stray from the exact width: a generous share of the largest size. */
  tolerance: number;
  /** prefix[i] = total width of units before i. */
  prefix: Float64Array;
  unitOf: Int32Array;
  /** Embedding levels, when the text holds right-to-left characters. */
  bidi?: BidiLevels;
}

function isUnitEnd(c: number): boolean {
  return c === 0x20 || c === 0x09 || (c >= 0x0a && c <= 0x0d) || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** JavaScript's `\s`: what may be trimmed from the end of a line. */
export function isSpace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

export function prepareParagraph(
  texts: readonly StyledText[],
  fonts: FontSet,
  emojiKey: ((key: string) => string | undefined) | undefined,
  locale: TextLocale = {},
): Paragraph {
  const { text, spans } = joinTexts(texts, fonts, locale.lang);
  const bounds = graphemeBounds(text);
  const bidi = bidiLevels(text, locale.direction);
  const p = measureUnits(text, spans, bounds, itemize(text, spans, bounds, emojiKey), bidi?.levels);
  if (bidi) p.bidi = bidi;
  return p;
}


/**
 * The same paragraph at other sizes: `spans` are `p`'s spans with only their sizes changed (same
 * text, faces and boundaries). Faces, emoji, break opportunities and shaping are in font units and
 * stay; only the widths are scaled again, so trying a text at several sizes shapes it once.
 */
export function resizeParagraph(p: Paragraph, spans: Span[]): Paragraph {
  const count = p.unitChunk.length;
  const unitWidth = new Float64Array(count);
  const unitScale = new Float64Array(count);
  const prefix = new Float64Array(count + 1);
  let largest = 0;
  for (const piece of p.pieces) largest = Math.max(largest, spans[piece.span].style.size);
  for (let i = 0; i < count; i++) {
    const piece = p.pieces[p.unitPiece[i]];
    const size = spans[piece.span].style.size;
    const chunk = p.unitChunk[i];
    if (!chunk || !piece.face) {
      unitScale[i] = 1;
      unitWidth[i] = EMOJI_ADVANCE * size;
    } else {
      unitScale[i] = size / piece.face.unitsPerEm;
      unitWidth[i] = chunk.width * unitScale[i];
    }
    prefix[i + 1] = prefix[i] + unitWidth[i];
  }
  return { ...p, spans, unitWidth, unitScale, prefix, tolerance: largest * 0.5 };
}

/** Whether two joins of a text have the same spans, sizes apart: then one paragraph resizes into the other. */
export function sameSpans(a: readonly Span[], b: readonly Span[]): boolean {
  return a.length === b.length && a.every((s, i) => s.start === b[i].start && s.end === b[i].end);
}

function measureUnits(text: string, spans: Span[], bounds: Uint8Array, pieces: Piece[], levels?: Uint8Array): Paragraph {
  const starts: number[] = [];
  const owners: number[] = [];
  const widths: number[] = [];
  const chunks: (ShapedChunk | undefined)[] = [];
  const scales: number[] = [];
  let largest = 0;
  const unitOf = new Int32Array(text.length);
  const noBreak = new Uint8Array(text.length + 1);
  pieces.forEach((piece, pi) => {
    const size = spans[piece.span].style.size;
    largest = Math.max(largest, size);
    if (!piece.face) {
      for (let i = piece.start + 1; i < piece.end; i++) noBreak[i] = 1;
      unitOf.fill(starts.length, piece.start, piece.end);
      starts.push(piece.start);
      owners.push(pi);
      widths.push(EMOJI_ADVANCE * size);
      chunks.push(undefined);
      scales.push(1);
      return;
    }
    const scale = size / piece.face.unitsPerEm;
    for (let at = piece.start; at < piece.end; ) {
      // A unit also ends where the embedding level changes: the line builder shapes each
      // direction's stretch on its own, so it is measured on its own too.
      let end = at;
      while (end + 1 < piece.end && !isUnitEnd(text.charCodeAt(end)) && !(levels && levels[end + 1] !== levels[end])) end++;
      end++;
      unitOf.fill(starts.length, at, end);
      starts.push(at);
      owners.push(pi);
      const chunk = shapeChunk(piece.face, text.slice(at, end));
      widths.push(chunk.width * scale);
      chunks.push(chunk);
      scales.push(scale);
      at = end;
    }
  });
  starts.push(text.length);
  const prefix = new Float64Array(widths.length + 1);
  for (let i = 0; i < widths.length; i++) prefix[i + 1] = prefix[i] + widths[i];

  return {
    text,
    spans,
    pieces,
    bounds,
    noBreak,
    breaks: findBreaks(text, bounds, noBreak),
    unitStart: Int32Array.from(starts),
    unitPiece: Int32Array.from(owners),
    unitWidth: Float64Array.from(widths),
    unitChunk: chunks,
    unitScale: Float64Array.from(scales),
    tolerance: largest * 0.5,
    prefix,
    unitOf,
  };
}

/**
 * Kinsoku shori, on top of UAX #14 (which allows some of these where the East Asian rules do not):
 * characters no CJK line may start with (closing brackets and quotes, stops, small kana, the long
 * vowel mark, iteration marks), and those no line may end with (opening brackets and quotes).
 */
const NO_LINE_START = new Set([...'、。，．・：；？！‼⁇⁈⁉ー）〕］｝〉》」』】〙〗〟’”｠»ゝゞヽヾ々〻ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ゠〜～…‥％']);
const NO_LINE_END = new Set([...'（〔［｛〈《「『【〘〖〝‘“｟«＄']);
const HANGUL_SYLLABLE = /[\uac00-\ud7af]/;

/** Whether a line may start at `pos`: kinsoku, and Korean broken between words, not inside them. */
function eastAsianBreakAllowed(text: string, pos: number): boolean {
  if (pos >= text.length) return true;
  if (NO_LINE_START.has(text[pos]) || NO_LINE_END.has(text[pos - 1])) return false;
  return !(HANGUL_SYLLABLE.test(text[pos - 1]) && HANGUL_SYLLABLE.test(text[pos]));
}

/** UAX #14 opportunities over the joined text, so style changes inside a word never allow a break. */
function findBreaks(text: string, bounds: Uint8Array, noBreak: Uint8Array): BreakOpportunity[] {
  const breaks: BreakOpportunity[] = [];
  if (!text) return breaks;
  const breaker = new LineBreaker(text);
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const pos = bk.position;
    if (pos <= 0 || pos > text.length || !bounds[pos] || noBreak[pos]) continue;
    if (!bk.required && !eastAsianBreakAllowed(text, pos)) continue;
    const last = breaks[breaks.length - 1];
    if (last && last.pos >= pos) continue;
    breaks.push({ pos, required: bk.required || pos === text.length });
  }
  const last = breaks[breaks.length - 1];
  if (!last || last.pos < text.length) breaks.push({ pos: text.length, required: true });
  return breaks;
}

/** Width of text[start, end) set on one line, trailing whitespace excluded. */
export function widthBetween(p: Paragraph, start: number, end: number): number {
  end = trimEnd(p.text, start, end);
  if (end <= start) return 0;
  const a = p.unitOf[start];
  const z = p.unitOf[end - 1];
  if (a === z) return partialWidth(p, a, start, end);
  return partialWidth(p, a, start, p.unitStart[a + 1]) + (p.prefix[z] - p.prefix[a + 1])
    + partialWidth(p, z, p.unitStart[z], end);
}

function partialWidth(p: Paragraph, unit: number, start: number, end: number): number {
  if (start === p.unitStart[unit] && end === p.unitStart[unit + 1]) return p.unitWidth[unit];
  const piece = p.pieces[p.unitPiece[unit]];
  if (!piece.face) return p.unitWidth[unit];
  const size = p.spans[piece.span].style.size;
  return shapedWidth(piece.face, p.text.slice(start, end)) * (size / piece.face.unitsPerEm);
}

/**
 * widthBetween without shaping anything new: whole units as shaped, cut units by the pen position
 * at the cut. Off by at most the kerning and contextual shaping at the two cuts.
 */
export function estimateBetween(p: Paragraph, start: number, end: number): number {
  end = trimEnd(p.text, start, end);
  if (end <= start) return 0;
  const a = p.unitOf[start];
  const z = p.unitOf[end - 1];
  return p.prefix[z + 1] - p.prefix[a] - penBefore(p, a, start) - (p.unitWidth[z] - penBefore(p, z, end));
}

function penBefore(p: Paragraph, unit: number, pos: number): number {
  const from = p.unitStart[unit];
  const chunk = p.unitChunk[unit];
  if (pos <= from) return 0;
  if (!chunk) return p.unitWidth[unit];
  return penAt(chunk, p.unitStart[unit + 1] - from, pos - from) * p.unitScale[unit];
}
