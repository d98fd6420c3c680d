import { BUNDLED_FAMILIES, bundledFonts } from '../../src/node/fonts.js';
import { padForFontkit } from './fontkit-pad.js';
import type { FontWeight, ShaperFace } from '../../src/text/types.js';

export const WEIGHTS: FontWeight[] = [400, 500, 600, 700, 800];

/** Every bundled face, as the engine loads it (glyf padded), keyed `family-weight[-italic]`. */
export function bundledFaces(): ShaperFace[] {
  const faces: ShaperFace[] = [];
  for (const family of Object.keys(BUNDLED_FAMILIES)) {
    for (const weight of WEIGHTS) {
      for (const italic of [false, true]) {
        const bytes = bundledFonts().faceBytes(family, weight, italic);
        if (bytes) faces.push({ key: `${family}-${weight}${italic ? '-italic' : ''}`, bytes: padForFontkit(bytes) });
      }
    }
  }
  return faces;
}
