/**
 * What each glyph of a shaped word stands for in its text, from the shaper's clusters: the PDF
 * needs it for copy and search (its ToUnicode map), and width estimates at a cut inside a word need
 * to know which glyphs come before the cut.
 */
export interface GlyphTexts {
  /** UTF-16 units each glyph stands for (0 for one that stands for none), in the glyphs' order. */
  spans: number[];
  /** The characters of each glyph; undefined when glyph i is simply code point i of the text. */
  texts?: string[];
}

/**
 * A cluster is a run of characters and the glyphs that came out of them, named by the offset of
 * its first character. Within one, glyphs and code points are paired in order when they are as
 * many (a base and its marks); otherwise the first glyph takes them all and the rest none (a
 * ligature, or a character drawn as several glyphs). Right-to-left glyphs arrive reversed, so
 * they are paired in reverse.
 */
export function glyphTexts(text: string, clusters: readonly number[]): GlyphTexts {
  const n = clusters.length;
  const simple = oneForOne(text, clusters);
  if (simple) return { spans: simple };
  const spans = new Array<number>(n).fill(0);
  const texts = new Array<string>(n).fill('');
  if (n === 0) return { spans };
  const rtl = clusters[0] > clusters[n - 1];

  // Glyph indices of each cluster, in reading order, clusters by ascending offset.
  const groups = new Map<number, number[]>();
  for (let k = 0; k < n; k++) {
    const i = rtl ? n - 1 - k : k;
    const start = Math.min(Math.max(clusters[i], 0), text.length);
    const group = groups.get(start);
    if (group) group.push(i);
    else groups.set(start, [i]);
  }
  const starts = [...groups.keys()].sort((a, b) => a - b);

  let plain = !rtl;
  starts.forEach((start, s) => {
    const glyphs = groups.get(start)!;
    // Characters before the first cluster (none, from a sane shaper) still need a glyph to own them.
    const from = s === 0 ? 0 : start;
    const chars = Array.from(text.slice(from, s + 1 < starts.length ? starts[s + 1] : text.length));
    if (chars.length === glyphs.length) {
      glyphs.forEach((g, k) => {
        texts[g] = chars[k];
        spans[g] = chars[k].length;
      });
      return;
    }
    plain = false;
    const all = chars.join('');
    texts[glyphs[0]] = all;
    spans[glyphs[0]] = all.length;
  });
  if (plain) {
    // Each glyph is one code point; in order too unless the shaper moved a glyph backwards.
    for (let i = 1; i < n && plain; i++) plain = clusters[i] >= clusters[i - 1];
  }
  return plain ? { spans } : { spans, texts };
}

/** Spans when glyph i is exactly code point i (most words), else undefined. */
function oneForOne(text: string, clusters: readonly number[]): number[] | undefined {
  const spans = new Array<number>(clusters.length);
  let at = 0;
  for (let i = 0; i < clusters.length; i++) {
    if (clusters[i] !== at) return undefined;
    const c = text.charCodeAt(at);
    const next = text.charCodeAt(at + 1);
    spans[i] = c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    at += spans[i];
  }
  return at === text.length ? spans : undefined;
}
