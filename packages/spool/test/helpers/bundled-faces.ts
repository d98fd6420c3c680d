import { BUNDLED_FAMILIES, bundledFonts } from '../../src/node/fonts.js';
import { CJK_FAMILY_ORDER } from '../../src/text/cjk.js';
import { padForFontkit } from './fontkit-pad.js';
import type { FontWeight, ShaperFace } from '../../src/text/types.js';

export const WEIGHTS: FontWeight[] = [400, 500, 600, 700, 800];

/**
 * Every bundled face, as the engine loads it (glyf padded), keyed `family-weight[-italic]`. Of the
 * CJK families (10 MB and 20,000 to 30,000 glyphs a face, drawn from one design) the regular only.
 */
export function bundledFaces(): ShaperFace[] {
  const faces: ShaperFace[] = [];
  for (const family of Object.keys(BUNDLED_FAMILIES)) {
    for (const weight of CJK_FAMILY_ORDER.includes(family) ? [400 as const] : WEIGHTS) {
      for (const italic of [false, true]) {
        const bytes = bundledFonts().faceBytes(family, weight, italic);
        if (bytes) faces.push({ key: `${family}-${weight}${italic ? '-italic' : ''}`, bytes: padForFontkit(bytes) });
      }
    }
  }
  return faces;
}
