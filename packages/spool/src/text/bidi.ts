import bidiModule, { type Bidi } from 'bidi-js';

/**
 * Bidirectional text (UAX #9) through bidi-js: embedding levels for a paragraph, then per line the
 * visual order of its runs (rule L2). Text with no right-to-left character, nearly all of it, is
 * left alone without running the algorithm.
 */

export interface BidiLevels {
  /** Embedding level of each UTF-16 code unit: odd is right-to-left. */
  levels: Uint8Array;
  /** Base level of each bidi paragraph (split at paragraph separators), inclusive ranges. */
  paragraphs: { start: number; end: number; level: number }[];
}

/** Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, their presentation forms, and RTL marks. */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u200f\u202b\u202e\u2067]|[\ud802\ud803\ud83a\ud83b][\udc00-\udfff]/;

// The package's CommonJS build exports the factory itself, which its types describe as a default export.
const bidiFactory = bidiModule as unknown as () => Bidi;
let bidi: Bidi | undefined;

/**
 * Text set apart as its own direction (a first-strong isolate), so an Arabic name keeps its place
 * before a Latin handle on one line. Left as it is when it holds no right-to-left character.
 */
export function isolated(text: string): string {
  return RTL.test(text) ? `\u2068${text}\u2069` : text;
}

export type Direction = 'ltr' | 'rtl';

/** Right-to-left letters (Hebrew, Arabic and the other RTL scripts), not their digits or marks. */
const RTL_LETTER = /[\u05d0-\u05ea\u05ef-\u05f2\u0620-\u064a\u066e-\u06d3\u06d5\u06e5\u06e6\u06ee\u06ef\u06fa-\u06ff\u0700-\u074f\u0750-\u07ff\u0840-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]|[\ud802\ud803\ud83a\ud83b][\udc00-\udfff]/g;
const LETTER = /\p{L}/gu;

/**
 * The base direction of one paragraph. A declared direction holds when the paragraph has letters of
 * it, so a Latin name in an Arabic list keeps the list's side but an English paragraph quoted in a
 * Hebrew article stays left to right; otherwise the direction of most of its letters wins, so an
 * Arabic post that opens with "Node.js" still reads right to left.
 */
export function paragraphDirection(text: string, declared?: Direction): Direction | undefined {
  // Isolates (a name set apart by isolated()) count for nothing, as in rule P2.
  const own = text.replace(ISOLATE, '');
  const rtl = own.match(RTL_LETTER)?.length ?? 0;
  const ltr = (own.match(LETTER)?.length ?? 0) - rtl;
  if (declared === 'rtl' && rtl > 0) return 'rtl';
  if (declared === 'ltr' && ltr > 0) return 'ltr';
  // No letters (a list number with a mark), or as many of each: the first strong character decides.
  if (rtl === ltr) return rtl === 0 ? declared : undefined;
  return rtl > ltr ? 'rtl' : 'ltr';
}

const ISOLATE = /[\u2066-\u2068][^\u2069]*\u2069?/g;

/** Bidi paragraphs end at a line feed or paragraph separator (and carry it). */
const PARAGRAPH_END = /[\n\u2029]/g;

/**
 * Levels for text that holds right-to-left characters, each bidi paragraph at the base direction
 * paragraphDirection gives it; undefined for text that has none.
 */
export function bidiLevels(text: string, declared?: Direction): BidiLevels | undefined {
  if (!RTL.test(text)) return undefined;
  bidi ??= bidiFactory();
  const levels = new Uint8Array(text.length);
  const paragraphs: BidiLevels['paragraphs'] = [];
  let start = 0;
  for (const m of [...text.matchAll(PARAGRAPH_END), { index: text.length - 1 }]) {
    const end = m.index! + 1;
    if (end <= start) continue;
    const piece = text.slice(start, end);
    const got = bidi.getEmbeddingLevels(piece, paragraphDirection(piece, declared));
    levels.set(got.levels.subarray(0, piece.length), start);
    paragraphs.push({ start, end: end - 1, level: got.paragraphs[0]?.level ?? 0 });
    start = end;
  }
  return { levels, paragraphs };
}

/** Whether text reads right to left, by paragraphDirection over its first paragraph. */
export function isRightToLeft(text: string, declared?: Direction): boolean {
  const info = bidiLevels(text.split(PARAGRAPH_END)[0], declared);
  return info !== undefined && (info.paragraphs[0]?.level ?? 0) % 2 === 1;
}

/** The base level of the bidi paragraph holding `pos`. */
export function baseLevelAt(bidiInfo: BidiLevels, pos: number): number {
  return bidiInfo.paragraphs.find((p) => pos <= p.end)?.level ?? 0;
}

/**
 * Rule L2: from the highest level down to the lowest odd one, every maximal sequence of items at
 * that level or above is reversed. Items are a line's runs in logical order.
 */
export function visualOrder<T>(items: readonly T[], level: (item: T) => number): T[] {
  const out = [...items];
  const levels = out.map(level);
  const highest = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.map((l) => (l % 2 === 1 ? l : l + 1)));
  for (let l = highest; l >= lowestOdd; l--) {
    for (let i = 0; i < out.length; ) {
      if (levels[i] < l) {
        i++;
        continue;
      }
      let j = i;
      while (j < out.length && levels[j] >= l) j++;
      reverse(out, i, j);
      reverse(levels, i, j);
      i = j;
    }
  }
  return out;
}

function reverse<T>(list: T[], from: number, to: number): void {
  for (let a = from, b = to - 1; a < b; a++, b--) [list[a], list[b]] = [list[b], list[a]];
}
