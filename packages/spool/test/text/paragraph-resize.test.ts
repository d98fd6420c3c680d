import { describe, expect, it } from 'vitest';
import { bundledFonts, textShaper } from '../../src/node/fonts.js';
import { emojiKey } from '../../src/node/emoji.js';
import { createTextEngine } from '../../src/text/engine.js';
import type { StyledText, TextStyle } from '../../src/text/types.js';

const fresh = () => createTextEngine({ fonts: bundledFonts(), emojiKey, shaper: textShaper });

function style(size: number, over: Partial<TextStyle> = {}): TextStyle {
  return { family: 'sans', weight: 400, italic: false, size, color: '#111111', ...over };
}

/** Texts as layout sets them: a slide's body at one size, its key phrase bold, an emoji, other scripts. */
const TEXTS: Record<string, (size: number) => StyledText[]> = {
  'a sentence with a bold phrase and an emoji': (size) => [
    { text: 'The student learns from ', style: style(size) },
    { text: 'soft targets', style: style(size, { weight: 700, color: '#C2410C' }) },
    { text: ' at a higher temperature, so wrong answers still teach 🚀 something.', style: style(size) },
  ],
  'Arabic with a Latin word': (size) => [{ text: 'مرحبا بالعالم! نص عربي مع كلمة Spool والرقم 2024 في وسط الجملة.', style: style(size) }],
  'Japanese': (size) => [{ text: '知識蒸留では、大きな教師モデルの出力を小さな生徒モデルが学びます。', style: style(size) }],
  'a title over a smaller line': (size) => [
    { text: 'Knowledge distillation\n', style: style(size * 1.6, { weight: 800 }) },
    { text: 'in five minutes', style: style(size) },
  ],
};

describe('a paragraph tried at several sizes', () => {
  for (const [name, make] of Object.entries(TEXTS)) {
    it(`breaks ${name} at each size exactly as when set at that size first`, () => {
      const tried = fresh();
      for (const size of [18, 34.2, 25.65, 29.9, 18]) {
        for (const width of [180, 320]) {
          const expected = fresh().breakLines(make(size), width);
          expect(tried.breakLines(make(size), width), `${size} px at ${width}`).toEqual(expected);
        }
        expect(tried.measure(make(size))).toBe(fresh().measure(make(size)));
      }
    });
  }

  it('shapes again when sizes part two spans that one size joined', () => {
    // At 20/20 the two pieces are one span; at 20/30 they are two, and the line has two sizes.
    const make = (second: number): StyledText[] => [
      { text: 'One size, ', style: style(20) },
      { text: 'then another', style: style(second) },
    ];
    const tried = fresh();
    tried.breakLines(make(20), 400);
    const lines = tried.breakLines(make(30), 400);
    expect(lines).toEqual(fresh().breakLines(make(30), 400));
    expect(new Set(lines[0].runs.map((r) => r.size))).toEqual(new Set([20, 30]));
  });
});
