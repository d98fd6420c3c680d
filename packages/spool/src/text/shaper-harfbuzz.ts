import type * as HarfBuzz from 'harfbuzzjs';
import type { FaceGlyphs, ShapedGlyph, Shaper, ShaperFace } from './types.js';

/**
 * HarfBuzz compiled to WASM, the one shaper: in a cold process it shapes a whole thread in a few
 * tens of milliseconds.
 *
 * harfbuzzjs instantiates its WASM when the module is first imported, finding harfbuzz.wasm next
 * to itself through `new URL('harfbuzz.wasm', import.meta.url)`: Node reads the file; Vite serves
 * it in dev and emits it as an asset in a build (both checked with Vite 8), as do other bundlers
 * that understand that pattern. The import is dynamic so the core stays synchronous, and the WASM
 * is fetched in its own chunk only by a page that asks for it.
 */

type HarfBuzzModule = typeof HarfBuzz;

const round = (n: number) => Math.round(n * 100) / 100;

/** Where an outline is drawn to: path commands, and the line back to the contour start as drawn. */
interface PathData {
  parts: string[];
  closing: string;
}

/**
 * SVG path data, compact: HarfBuzz draws the closing line of a contour that does not end where it
 * started; `Z` draws that line anyway, so it is left out.
 */
function pathDrawFuncs(hb: HarfBuzzModule): HarfBuzz.DrawFuncs {
  const funcs = new hb.DrawFuncs();
  funcs.setMoveToFunc((x, y, data) => {
    const d = data as PathData;
    d.parts.push(`M${round(x)} ${round(y)}`);
    d.closing = `L${round(x)} ${round(y)}`;
  });
  funcs.setLineToFunc((x, y, data) => {
    (data as PathData).parts.push(`L${round(x)} ${round(y)}`);
  });
  funcs.setQuadraticToFunc((cx, cy, x, y, data) => {
    (data as PathData).parts.push(`Q${round(cx)} ${round(cy)} ${round(x)} ${round(y)}`);
  });
  funcs.setCubicToFunc((c1x, c1y, c2x, c2y, x, y, data) => {
    (data as PathData).parts.push(`C${round(c1x)} ${round(c1y)} ${round(c2x)} ${round(c2y)} ${round(x)} ${round(y)}`);
  });
  funcs.setClosePathFunc((data) => {
    const d = data as PathData;
    if (d.parts[d.parts.length - 1] === d.closing) d.parts.pop();
    d.parts.push('Z');
  });
  return funcs;
}

export function createHarfBuzzShaper(hb: HarfBuzzModule): Shaper {
  // Per bytes object rather than per key: two providers may serve different fonts under one key.
  // A font lives in WASM memory for as long as its bytes are referenced on the JavaScript side,
  // then harfbuzzjs's finalizers give it back.
  const fonts = new WeakMap<Uint8Array, HarfBuzz.Font>();
  // One buffer for every call. harfbuzzjs frees WASM objects only when the JavaScript wrapper is
  // garbage collected, so a buffer per call would let WASM memory grow between collections;
  // clearing this one keeps its allocation and nothing else accumulates.
  const buffer = new hb.Buffer();
  // Marks keep clusters of their own, so each glyph can be mapped back to its own character.
  buffer.setClusterLevel(hb.ClusterLevel.MONOTONE_CHARACTERS);

  const inspected = new WeakMap<Uint8Array, FaceGlyphs>();
  let drawFuncs: HarfBuzz.DrawFuncs | undefined;

  const fontFor = (face: ShaperFace): HarfBuzz.Font => {
    let font = fonts.get(face.bytes);
    if (!font) {
      font = new hb.Font(new hb.Face(new hb.Blob(face.bytes)));
      fonts.set(face.bytes, font);
    }
    return font;
  };

  return {
    name: 'harfbuzz',
    shape(face: ShaperFace, text: string) {
      const font = fontFor(face);
      buffer.clearContents();
      buffer.addText(text);
      buffer.guessSegmentProperties();
      hb.shape(font, buffer);
      const infos = buffer.getGlyphInfos();
      const positions = buffer.getGlyphPositions();
      buffer.clearContents();
      const glyphs = new Array<ShapedGlyph>(infos.length);
      for (let i = 0; i < infos.length; i++) {
        const p = positions[i];
        // `codepoint` holds the glyph id once the buffer is shaped. With no scale set, HarfBuzz
        // positions are in font units, as fontkit's are.
        glyphs[i] = { id: infos[i].codepoint, cluster: infos[i].cluster, xAdvance: p.xAdvance, xOffset: p.xOffset, yOffset: p.yOffset };
      }
      return { glyphs };
    },

    inspect(face: ShaperFace): FaceGlyphs {
      let glyphs = inspected.get(face.bytes);
      if (!glyphs) {
        const font = fontFor(face);
        glyphs = {
          // Undefined when the character map has no glyph; a mapping to .notdef is none either.
          has: (codePoint) => (font.nominalGlyph(codePoint) ?? 0) !== 0,
          // With no scale set, HarfBuzz answers in font units.
          advance: (glyphId) => font.glyphHAdvance(glyphId),
          path: (glyphId) => {
            const data: PathData = { parts: [], closing: '' };
            font.drawGlyph(glyphId, (drawFuncs ??= pathDrawFuncs(hb)), data);
            return data.parts.join('');
          },
        };
        inspected.set(face.bytes, glyphs);
      }
      return glyphs;
    },
  };
}

export interface LoadShaperOptions {
  /** Where harfbuzzjs comes from; by default the package itself. Tests pass one that fails. */
  importHarfBuzz?: () => Promise<HarfBuzzModule>;
}

let standard: Promise<Shaper> | undefined;

async function load(importHarfBuzz: () => Promise<HarfBuzzModule>): Promise<Shaper> {
  try {
    return createHarfBuzzShaper(await importHarfBuzz());
  } catch (err) {
    throw new Error(`HarfBuzz, the text shaper, could not load: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

/**
 * The HarfBuzz shaper, loaded once per process or page (its WASM compiles in about 10 ms). Text
 * engines are given it explicitly: there is no shaper behind the scenes.
 */
export async function loadHarfBuzzShaper(options: LoadShaperOptions = {}): Promise<Shaper> {
  if (options.importHarfBuzz) return load(options.importHarfBuzz);
  standard ??= load(() => import('harfbuzzjs'));
  try {
    return await standard;
  } catch (err) {
    // A failed load is not kept: the next call tries again.
    standard = undefined;
    throw err;
  }
}
