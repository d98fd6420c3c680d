/**
 * Grapheme cluster boundaries. Intl.Segmenter is correct but slow (and worse than linear on long
 * strings, and its first use costs a cold process about 10 ms), while most text is made of
 * characters that never join a neighbour into a cluster: everything below U+0300, the general
 * punctuation and currency blocks apart from the two joiners (curly quotes, dashes and ellipses are
 * everywhere in real posts), and the symbol blocks from U+2100 to U+27BF (arrows, maths, shapes,
 * dingbats such as ♻ and ✅). Between two such characters there is always a boundary, and before a
 * variation selector that follows a printable one there is none (♻️ is one cluster). So the text is
 * cut wherever that decides it, and only the pieces in between that hold anything else, usually
 * single words with marks, ZWJ emoji or non-Latin letters, go through the segmenter.
 */

let segmenter: Intl.Segmenter | undefined;

function standalone(c: number): boolean {
  return c < 0x300 || (c >= 0x2000 && c <= 0x20cf && c !== 0x200c && c !== 0x200d) || (c >= 0x2100 && c <= 0x27bf);
}

/** Variation selectors 15 and 16, which choose text or emoji presentation. */
function variation(c: number): boolean {
  return c === 0xfe0e || c === 0xfe0f;
}

/** A character a variation selector attaches to: not a control (after which every character breaks). */
function printable(c: number): boolean {
  return (c >= 0x20 && c < 0x7f) || (c > 0x9f && c !== 0xad && !(c >= 0x2000 && c <= 0x206f));
}

/** `bounds[i] === 1` when a cluster starts (or the text ends) at index i; length is text.length + 1. */
export function graphemeBounds(text: string): Uint8Array {
  const n = text.length;
  const bounds = new Uint8Array(n + 1);
  bounds[0] = 1;
  bounds[n] = 1;
  let pieceStart = 0;
  // Whether the piece since pieceStart holds a position only the segmenter can decide.
  let undecided = false;
  for (let p = 1; p <= n; p++) {
    if (p < n) {
      const a = text.charCodeAt(p - 1);
      const b = text.charCodeAt(p);
      if (variation(b) && (variation(a) || (standalone(a) && printable(a)))) continue;
      if (!standalone(a) && !variation(a)) {
        undecided = true;
        continue;
      }
      if (!standalone(b)) {
        undecided = true;
        continue;
      }
      if (a === 0x0d && b === 0x0a) continue;
    }
    if (undecided) segmentInto(bounds, text, pieceStart, p);
    bounds[p] = 1;
    pieceStart = p;
    undecided = false;
  }
  return bounds;
}

function segmentInto(bounds: Uint8Array, text: string, start: number, end: number): void {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { index } of segmenter.segment(text.slice(start, end))) bounds[start + index] = 1;
}

/** Cluster boundaries strictly between start and end, in order. */
export function boundsBetween(bounds: Uint8Array, start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start + 1; i < end; i++) if (bounds[i]) out.push(i);
  return out;
}
