import { describe, expect, it } from 'vitest';
import { BUNDLED_FAMILIES, bundledFacePath, bundledFonts, defaultTextEngine, fontsWith, textShaper } from '../../src/node/fonts.js';
import { createTextEngine } from '../../src/text/engine.js';
import type { FontWeight } from '../../src/text/types.js';

const WEIGHTS: FontWeight[] = [400, 500, 600, 700, 800];

describe('bundled fonts', () => {
  it('serves every weight of every family, and italics where the family has them', () => {
    const fonts = bundledFonts();
    for (const family of Object.keys(BUNDLED_FAMILIES)) {
      for (const weight of WEIGHTS) {
        const upright = fonts.faceBytes(family, weight, false);
        const italic = fonts.faceBytes(family, weight, true);
        if (family === 'grotesk' && weight === 800) {
          expect(upright).toBeUndefined();
          continue;
        }
        expect(upright, `${family} ${weight}`).toBeInstanceOf(Uint8Array);
        // A whole font, not a stub: the smallest bundled face (Noto Sans Thai) is about 47 KB.
        expect(upright!.length).toBeGreaterThan(30_000);
        // Space Grotesk and the script fallbacks come without italics.
        if (family === 'grotesk' || family.startsWith('noto-')) expect(italic).toBeUndefined();
        else expect(italic, `${family} ${weight} italic`).toBeInstanceOf(Uint8Array);
      }
    }
  });

  it('names faces by their npm package paths', () => {
    expect(bundledFacePath('sans', 700, true)).toBe('@expo-google-fonts/inter/700Bold_Italic/Inter_700Bold_Italic.ttf');
    expect(bundledFacePath('serif', 400, false)).toBe('@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf');
    expect(bundledFacePath('nope', 400, false)).toBeUndefined();
  });

  it('reads each face once per process', () => {
    const fonts = bundledFonts();
    expect(fonts).toBe(bundledFonts());
    expect(fonts.faceBytes('display', 600, false)).toBe(fonts.faceBytes('display', 600, false));
    expect(fonts.fallbacks).toEqual(['noto', 'sans', 'noto-thai', 'noto-arabic', 'noto-hebrew', 'noto-devanagari', 'noto-sc', 'noto-jp', 'noto-kr', 'noto-tc']);
  });

  it('keeps one text engine per process', () => {
    expect(defaultTextEngine()).toBe(defaultTextEngine());
  });

  it('lets custom faces take a family id before the bundled ones', () => {
    const inter = bundledFonts().faceBytes('sans', 400, false)!;
    const fonts = fontsWith({ faceBytes: (family) => (family === 'brand' ? inter : undefined) });
    const engine = createTextEngine({ fonts, shaper: textShaper });
    const run = engine.breakLines([{ text: 'Brand', style: { family: 'brand', weight: 400, italic: false, size: 18, color: '#000' } }], 300)[0].runs[0];
    expect(run.face).toBe('brand-400');
    expect(engine.face('brand-400').family).toBe('Inter');
    expect(fonts.faceBytes('serif', 400, false)).toBe(bundledFonts().faceBytes('serif', 400, false));
  });
});
