import fc from 'fast-check';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { bundledFonts } from '../../src/node/fonts.js';
import { padGlyfTable } from '../../src/text/face.js';
import { filterLookups } from '../../src/text/lookup-filter.js';
import type { FontWeight } from '../../src/text/types.js';

function layoutOf(font: Font, text: string) {
  const run = font.layout(text);
  return { ids: run.glyphs.map((g) => g.id), positions: run.positions.map((p) => ({ ...p })) };
}

const FACES: [string, FontWeight, boolean][] = [
  ['sans', 400, false], ['sans', 700, true], ['serif', 400, false], ['display', 700, false],
  ['mono', 400, false], ['grotesk', 500, false], ['noto', 400, true],
];

// Letters, digits and the punctuation contextual alternates react to (arrows, colons, x between digits).
const textArb = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'aAfiflVWTYo0123456789:->=<!x/.,;*+()[]@#Éçñ', 'ff', ' '), maxLength: 16 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

describe('filterLookups', () => {
  for (const [family, weight, italic] of FACES) {
    it(`changes no glyph or position in ${family} ${weight}${italic ? ' italic' : ''}`, () => {
      const bytes = padGlyfTable(bundledFonts().faceBytes(family, weight, italic)!);
      const plain = create(bytes as Buffer) as Font;
      const filtered = create(bytes as Buffer) as Font;
      filterLookups(filtered);
      const layoutSafe = (font: Font, text: string) => {
        try {
          return layoutOf(font, text);
        } catch (err) {
          return String(err);
        }
      };
      fc.assert(
        fc.property(textArb, (text) => {
          expect(layoutSafe(filtered, text)).toEqual(layoutSafe(plain, text));
        }),
        { numRuns: 300 },
      );
    });
  }
});
