/**
 * Grapheme cluster boundaries. Intl.Segmenter is correct but slow (and worse than linear on long
 * strings), while most text is made of characters that never join a neighbour into a cluster:
 * everything below U+0300, and the general punctuation and currency blocks apart from the two
 * joiners (curly quotes, dashes and ellipses are everywhere in real posts). So the text is cut
 * wherever two such characters meet and only the pieces in between, usually single words with
 * marks, emoji or non-Latin letters, go through the segmenter.
 */

let segmenter: Intl.Segmenter | undefined;

function simple(c: number): boolean {
  return c < 0x300 || (c >= 0x2000 && c <= 0x20cf && c !== 0x200c && c !== 0x200d);
}

/** `bounds[i] === 1` when a cluster starts (or the text ends) at index i; length is text.length + 1. */
export function graphemeBounds(text: string): Uint8Array {
  const n = text.length;
  const bounds = new Uint8Array(n + 1);
  bounds[0] = 1;
  bounds[n] = 1;
  let pieceStart = 0;
  for (let p = 1; p <= n; p++) {
    if (p < n) {
      const a = text.charCodeAt(p - 1);
      const b = text.charCodeAt(p);
      if (!simple(a) || !simple(b) || (a === 0x0d && b === 0x0a)) continue;
    }
    if (p - pieceStart > 1) segmentInto(bounds, text, pieceStart, p);
    bounds[p] = 1;
    pieceStart = p;
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
