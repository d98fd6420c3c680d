import type { PlacedGlyph } from '../scene/types.js';
import { glyphTexts } from './clusters.js';
import type { Face } from './face.js';
import type { ShapedChunk } from './types.js';

/** Beyond this many distinct chunks a face's cache starts over; real documents stay far below. */
const CHUNK_CACHE_LIMIT = 50_000;

/**
 * Text is shaped in chunks that end after each space or tab, never as a whole line. Words repeat
 * far more often than lines, so the chunk is the unit the shaping cache keeps; and a line's width
 * is then exactly the sum of its chunks' widths, which is what lets line breaking add up widths
 * it measured once. The price is any kerning from a space into the next word, which few fonts
 * have.
 */
export function chunkEnd(text: string, from: number, to = text.length): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) return i + 1;
  }
  return to;
}

export function shapeChunk(face: Face, text: string): ShapedChunk {
  let shaped = face.chunks.get(text);
  if (shaped) return shaped;
  const glyphs = face.shaper.shape(face, text).glyphs;
  const n = glyphs.length;
  const { spans, texts } = glyphTexts(text, glyphs.map((g) => g.cluster));
  shaped = { ids: new Array(n), xs: new Array(n), ys: new Array(n), advances: new Array(n), spans, width: 0 };
  if (texts) shaped.texts = texts;
  let pen = 0;
  for (let i = 0; i < n; i++) {
    const g = glyphs[i];
    shaped.ids[i] = g.id;
    shaped.xs[i] = pen + g.xOffset;
    shaped.ys[i] = g.yOffset;
    shaped.advances[i] = g.xAdvance;
    pen += g.xAdvance;
  }
  shaped.width = pen;
  if (face.chunks.size >= CHUNK_CACHE_LIMIT) face.chunks.clear();
  face.chunks.set(text, shaped);
  return shaped;
}

/**
 * Approximate pen position (font units) after the first `offset` UTF-16 units of a chunk's text:
 * what a prefix of the chunk would measure, short of the kerning and shaping at the cut. Used to
 * estimate widths before the exact shaping of the cut pieces is paid for.
 */
export function penAt(chunk: ShapedChunk, length: number, offset: number): number {
  if (offset <= 0) return 0;
  if (offset >= length) return chunk.width;
  if (!chunk.pens) {
    const pens = new Float64Array(length + 1);
    let at = 0;
    let pen = 0;
    for (let i = 0; i < chunk.ids.length; i++) {
      const end = Math.min(length, at + chunk.spans[i]);
      // A ligature's inner offsets get its start: the cut would break it apart anyway.
      for (let k = at + 1; k <= end; k++) pens[k] = pen;
      pen += chunk.advances[i];
      if (end > at) pens[end] = pen;
      at = end;
    }
    for (let k = at + 1; k <= length; k++) pens[k] = pen;
    chunk.pens = pens;
  }
  return chunk.pens[offset];
}

/** Advance of `text` set in `face`, in font units, shaped chunk by chunk. */
export function shapedWidth(face: Face, text: string): number {
  let width = 0;
  for (let at = 0; at < text.length; ) {
    const end = chunkEnd(text, at);
    width += shapeChunk(face, at === 0 && end === text.length ? text : text.slice(at, end)).width;
    at = end;
  }
  return width;
}

/**
 * Glyphs of a run in page units, relative to the run's start, y down. A right-to-left run places
 * its chunks (words) from its end: each chunk comes from the shaper in visual order already.
 */
export function placeGlyphs(face: Face, text: string, size: number, rtl = false): { glyphs: PlacedGlyph[]; width: number } {
  const scale = size / face.unitsPerEm;
  const glyphs: PlacedGlyph[] = [];
  const pieces: string[] = [];
  for (let at = 0; at < text.length; ) {
    const end = chunkEnd(text, at);
    pieces.push(at === 0 && end === text.length ? text : text.slice(at, end));
    at = end;
  }
  if (rtl) pieces.reverse();
  let pen = 0;
  for (const piece of pieces) {
    const chunk = shapeChunk(face, piece);
    for (let i = 0; i < chunk.ids.length; i++) {
      const glyph: PlacedGlyph = {
        id: chunk.ids[i],
        x: (pen + chunk.xs[i]) * scale,
        y: chunk.ys[i] === 0 ? 0 : -chunk.ys[i] * scale,
        advance: chunk.advances[i] * scale,
      };
      if (chunk.texts) glyph.text = chunk.texts[i];
      glyphs.push(glyph);
    }
    pen += chunk.width;
  }
  return { glyphs, width: pen * scale };
}
