import type * as HarfBuzz from 'harfbuzzjs';
import { fontkitShaper } from './shaper-fontkit.js';
import type { ShapedGlyph, Shaper, ShaperFace } from './types.js';

/**
 * HarfBuzz compiled to WASM: in a cold process it shapes a whole thread in a few tens of
 * milliseconds where fontkit spends hundreds decoding and warming up its JavaScript layout.
 *
 * harfbuzzjs instantiates its WASM when the module is first imported, finding harfbuzz.wasm next
 * to itself through `new URL('harfbuzz.wasm', import.meta.url)`: Node reads the file; Vite serves
 * it in dev and emits it as an asset in a build (both checked with Vite 8), as do other bundlers
 * that understand that pattern. The import is dynamic so the core stays synchronous, and the WASM
 * is fetched in its own chunk only by a page that asks for it.
 */

type HarfBuzzModule = typeof HarfBuzz;

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
  };
}

export interface LoadShaperOptions {
  /** Where harfbuzzjs comes from; by default the package itself. Tests pass one that fails. */
  importHarfBuzz?: () => Promise<HarfBuzzModule>;
  /** Told why, when HarfBuzz could not load and the fontkit shaper is returned instead. */
  onFallback?: (error: unknown) => void;
}

interface Outcome {
  shaper: Shaper;
  failed: boolean;
  error?: unknown;
}

let standard: Promise<Outcome> | undefined;
let loaded: Shaper | undefined;

async function load(importHarfBuzz: () => Promise<HarfBuzzModule>): Promise<Outcome> {
  try {
    return { shaper: createHarfBuzzShaper(await importHarfBuzz()), failed: false };
  } catch (error) {
    return { shaper: fontkitShaper, failed: true, error };
  }
}

/**
 * The HarfBuzz shaper, loaded once per process or page; the fontkit shaper when the WASM cannot
 * load, so callers need no fallback of their own. Once it has resolved, text engines created
 * without a `shaper` use it too.
 */
export async function loadHarfBuzzShaper(options: LoadShaperOptions = {}): Promise<Shaper> {
  let outcome: Outcome;
  if (options.importHarfBuzz) {
    outcome = await load(options.importHarfBuzz);
  } else {
    standard ??= load(() => import('harfbuzzjs'));
    outcome = await standard;
    if (!outcome.failed) loaded = outcome.shaper;
  }
  if (outcome.failed) options.onFallback?.(outcome.error);
  return outcome.shaper;
}

/** What an engine created without a `shaper` uses: HarfBuzz if it has loaded here, else fontkit. */
export function defaultShaper(): Shaper {
  return loaded ?? fontkitShaper;
}
