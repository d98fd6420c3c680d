import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphemeBounds } from '../../src/text/graphemes.js';

function reference(text: string): number[] {
  const seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return [...[...seg.segment(text)].map((s) => s.index), text.length];
}

const positions = (bounds: Uint8Array) => [...bounds.keys()].filter((i) => bounds[i]);

describe('graphemeBounds', () => {
  it('matches Intl.Segmenter on tricky text', () => {
    for (const text of ['', 'a', 'a\r\nb', 'e\u0301x', ' \u0301', 'Tiếng Việt', '👨‍👩‍👧‍👦🇫🇷👍🏽1️⃣', 'a\u200d©', '👁\u200d©x', 'ᄀ각', '‼\u200d‼', '‼\u0301x', 'don’t “x”', '1\ufe0f\u20e3']) {
      expect(positions(graphemeBounds(text)), text).toEqual(text ? reference(text) : [0]);
    }
  });

  it('matches Intl.Segmenter on arbitrary text', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.constantFrom('\r\n', '\u0301', '\u200d', '\u200c', '\ufe0f', '\u20e3', '🏽', '🇫', ' ', 'ab', '👨‍💻', '’', '“', '‼', '⁉', '€', '\u2028', '\u200b'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(positions(graphemeBounds(text))).toEqual(text ? reference(text) : [0]);
      }),
      { numRuns: 500 },
    );
  });
});
