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

/** Levels for text that holds right-to-left characters; undefined for text that has none. */
export function bidiLevels(text: string): BidiLevels | undefined {
  if (!RTL.test(text)) return undefined;
  bidi ??= bidiFactory();
  const { levels, paragraphs } = bidi.getEmbeddingLevels(text);
  return { levels, paragraphs };
}

/** Whether text reads right to left: its first strong character is (UAX #9 rules P2 and P3). */
export function isRightToLeft(text: string): boolean {
  const info = bidiLevels(text);
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
