import type { Face } from './face.js';
import type { FaceChain, FontSet } from './font-set.js';
import { findEmoji, prefersText } from './emoji.js';
import type { StyledText, TextStyle } from './types.js';

/** A stretch of the joined text in one style. */
export interface Span {
  start: number;
  end: number;
  style: TextStyle;
  /** Primary face first, then the fallbacks. */
  chain: FaceChain;
}

/** A stretch set in one face (after fallback) or a single emoji image. */
export interface Piece {
  start: number;
  end: number;
  span: number;
  /** Undefined for an emoji. */
  face?: Face;
  emoji?: string;
}

function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return a.family === b.family && a.weight === b.weight && a.italic === b.italic && a.size === b.size
    && a.color === b.color && a.href === b.href && !a.underline === !b.underline && a.highlight === b.highlight;
}

/** Concatenates the inputs, merging neighbours in the same style so they shape as one run. */
export function joinTexts(texts: readonly StyledText[], fonts: FontSet, lang?: string): { text: string; spans: Span[] } {
  let text = '';
  const spans: Span[] = [];
  for (const t of texts) {
    if (!t.text) continue;
    const last = spans[spans.length - 1];
    if (last && sameStyle(last.style, t.style)) last.end += t.text.length;
    else spans.push({ start: text.length, end: text.length + t.text.length, style: t.style, chain: fonts.chain(t.style, lang) });
    text += t.text;
  }
  return { text, spans };
}

/** Characters no font needs a glyph for: controls, joiners, variation selectors, tags. */
function ignorable(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0xad || cp === 0x34f || cp === 0x61c
    || (cp >= 0x180b && cp <= 0x180f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e)
    || (cp >= 0x2060 && cp <= 0x206f) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0xfeff
    || (cp >= 0xe0000 && cp <= 0xe0fff);
}

function covers(face: Face, text: string, start: number, end: number): boolean {
  for (let i = start; i < end; ) {
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    if (!ignorable(cp) && !face.has(cp)) return false;
  }
  return true;
}

// Spaces and ASCII punctuation between fallback letters stay in the fallback face, so a Greek
// phrase in a Latin-only font is one run instead of one run per word.
const NEUTRAL = /^[\s!-/:-@[-`{-~]$/;
const SPACE = /^\s$/;

function pickFace(text: string, start: number, end: number, chain: FaceChain, prev: Face | undefined): Face {
  if (prev && prev !== chain.primary && NEUTRAL.test(text.slice(start, end)) && covers(prev, text, start, end)) return prev;
  const whole = chain.first((face) => covers(face, text, start, end));
  if (whole) return whole;
  // No face has the whole cluster: follow its base character, so at worst a mark is missing.
  const base = text.codePointAt(start)!;
  return chain.first((f) => f.has(base)) ?? chain.primary;
}

export function itemize(
  text: string,
  spans: readonly Span[],
  bounds: Uint8Array,
  emojiKey: ((key: string) => string | undefined) | undefined,
): Piece[] {
  const pieces: Piece[] = [];

  const pushFace = (start: number, end: number, si: number, face: Face): void => {
    const last = pieces[pieces.length - 1];
    if (last && last.face === face && last.span === si && last.end === start) last.end = end;
    else pieces.push({ start, end, span: si, face });
  };
  const clusterEnd = (at: number, end: number): number => {
    let next = at + 1;
    while (next < end && !bounds[next]) next++;
    return next;
  };

  // A word the primary face cannot set goes whole to the first face that can, so a word is
  // never a patchwork of two designs (Playfair has µ but not the rest of Greek); only a word
  // no single face covers falls back cluster by cluster.
  const pushText = (start: number, end: number, si: number): void => {
    if (start >= end) return;
    const chain = spans[si].chain;
    if (covers(chain.primary, text, start, end)) return pushFace(start, end, si, chain.primary);
    let prev: Face | undefined;
    for (let g = start; g < end; ) {
      let next = clusterEnd(g, end);
      if (SPACE.test(text.slice(g, next))) {
        prev = pickFace(text, g, next, chain, prev);
        pushFace(g, next, si, prev);
        g = next;
        continue;
      }
      while (next < end && !SPACE.test(text.slice(next, clusterEnd(next, end)))) next = clusterEnd(next, end);
      const whole = chain.first((f) => covers(f, text, g, next));
      if (whole) {
        pushFace(g, next, si, whole);
        prev = whole;
        g = next;
        continue;
      }
      for (; g < next; ) {
        const c = clusterEnd(g, next);
        prev = pickFace(text, g, c, chain, prev);
        pushFace(g, c, si, prev);
        g = c;
      }
    }
  };

  spans.forEach((span, si) => {
    let cursor = span.start;
    const matches = emojiKey ? findEmoji(text.slice(span.start, span.end)) : [];
    for (const m of matches) {
      const start = span.start + m.start;
      const end = span.start + m.end;
      if (start < cursor || !bounds[start] || !bounds[end]) continue;
      const key = emojiKey!(m.key);
      if (!key) continue;
      if (prefersText(text.slice(start, end)) && span.chain.first((f) => covers(f, text, start, end))) continue;
      pushText(cursor, start, si);
      pieces.push({ start, end, span: si, emoji: key });
      cursor = end;
    }
    pushText(cursor, span.end, si);
  });
  return pieces;
}
