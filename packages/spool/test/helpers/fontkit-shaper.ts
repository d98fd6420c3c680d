import { create, type Font } from 'fontkit';
import { filterLookups } from './fontkit-lookups.js';
import type { FaceGlyphs, ShapedGlyph, Shaper, ShaperFace } from '../../src/text/types.js';

/**
 * fontkit's own layout as a Shaper: the independent implementation the tests hold HarfBuzz's
 * glyphs and positions against. Spool itself shapes only with HarfBuzz.
 */

// Per bytes object rather than per key: two providers may serve different fonts under one key.
const fonts = new WeakMap<Uint8Array, Font>();
const inspected = new WeakMap<Uint8Array, FaceGlyphs>();

function fontFor(face: ShaperFace): Font {
  let font = fonts.get(face.bytes);
  if (!font) {
    // fontkit's typings ask for a Buffer, but it only reads through a DataView.
    const created = create(face.bytes as unknown as Buffer);
    if (!('layout' in created)) throw new Error(`${face.key}: font collections are not supported`);
    filterLookups(created);
    font = created;
    fonts.set(face.bytes, font);
  }
  return font;
}

export const fontkitShaper: Shaper = {
  name: 'fontkit',
  shape(face: ShaperFace, text: string) {
    const run = fontFor(face).layout(text);
    const n = run.glyphs.length;
    // fontkit tells the characters of each glyph rather than clusters. Added up in reading order
    // (right-to-left runs come reversed) they give each glyph's offset; a glyph standing for no
    // character belongs with the one before it.
    const rtl = run.direction === 'rtl';
    const clusters = new Array<number>(n);
    let at = 0;
    let previous = 0;
    for (let k = 0; k < n; k++) {
      const i = rtl ? n - 1 - k : k;
      const codePoints = run.glyphs[i].codePoints;
      clusters[i] = codePoints.length === 0 ? previous : Math.min(at, text.length);
      previous = clusters[i];
      for (const cp of codePoints) at += cp > 0xffff ? 2 : 1;
    }
    const glyphs = new Array<ShapedGlyph>(n);
    for (let i = 0; i < n; i++) {
      const p = run.positions[i];
      glyphs[i] = { id: run.glyphs[i].id, cluster: clusters[i], xAdvance: p.xAdvance, xOffset: p.xOffset, yOffset: p.yOffset };
    }
    return { glyphs };
  },

  inspect(face: ShaperFace): FaceGlyphs {
    let glyphs = inspected.get(face.bytes);
    if (!glyphs) {
      const font = fontFor(face);
      glyphs = {
        has: (codePoint) => font.hasGlyphForCodePoint(codePoint),
        advance: (glyphId) => font.getGlyph(glyphId).advanceWidth,
        path: (glyphId) => font.getGlyph(glyphId).path.toSVG(),
      };
      inspected.set(face.bytes, glyphs);
    }
    return glyphs;
  },
};
