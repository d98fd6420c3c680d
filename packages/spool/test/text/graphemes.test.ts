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
    for (const text of ['', 'a', 'a\r\nb', 'e\u0301x', ' \u0301', 'Tiếng Việt', '👨‍👩‍👧‍👦🇫🇷👍🏽1️⃣', 'a\u200d©', '👁\u200d©x', 'ᄀ각', '‼\u200d‼', '‼\u0301x', 'don’t “x”', '1\ufe0f\u20e3', ' ♻️ ', 'Swipe →', '♻\ufe0f\u200d🔥', '\n\ufe0f', '\u00ad\ufe0f', '✌🏽', '☝\ufe0e\ufe0f', '\u0600→', '→\u0301']) {
      expect(positions(graphemeBounds(text)), text).toEqual(text ? reference(text) : [0]);
    }
  });

  it('matches Intl.Segmenter on arbitrary text', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.constantFrom('\r\n', '\u0301', '\u200d', '\u200c', '\ufe0f', '\u20e3', '🏽', '🇫', ' ', 'ab', '👨‍💻', '’', '“', '‼', '⁉', '€', '\u2028', '\u200b',
        '→', '♻', '✅', '★', '⌚', '☝', '✌', '\ufe0e', '\u0600', '\u0903', 'ᄀ', '\n', '\u00ad', '#'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(positions(graphemeBounds(text))).toEqual(text ? reference(text) : [0]);
      }),
      { numRuns: 500 },
    );
  });

  it('matches Intl.Segmenter for every symbol from U+2100 to U+27BF beside its neighbours', () => {
    const neighbours = ['a', ' ', '\n', '→', '\ufe0f', '\ufe0e', '\u0301', '\u200d', '🏽', '\u20e3', '\u0600', '€'];
    for (let c = 0x2100; c <= 0x27bf; c++) {
      const ch = String.fromCodePoint(c);
      const text = neighbours.map((n) => `${n}${ch}${n}${ch}\ufe0f`).join('x');
      expect(positions(graphemeBounds(text)), `U+${c.toString(16)}`).toEqual(reference(text));
    }
  });

  it('leaves text made only of standalone characters and variation selectors to itself', () => {
    const seg = Intl.Segmenter.prototype.segment;
    let calls = 0;
    Intl.Segmenter.prototype.segment = function (this: Intl.Segmenter, input: string) {
      calls++;
      return seg.call(this, input);
    };
    try {
      const text = 'Swipe → for more ♻️ Repost ✅ “quotes” — €5 ☝︎';
      expect(positions(graphemeBounds(text))).toEqual(reference(text));
      expect(calls).toBe(1); // the reference's own call
      graphemeBounds('Tiếng Việt');
      expect(calls).toBeGreaterThan(1); // one per word with a letter beyond U+0300
    } finally {
      Intl.Segmenter.prototype.segment = seg;
    }
  });
});
