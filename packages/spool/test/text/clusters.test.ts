import { describe, expect, it } from 'vitest';
import { glyphTexts } from '../../src/text/clusters.js';

describe('glyphTexts', () => {
  it('leaves one glyph per code point in order unannotated', () => {
    expect(glyphTexts('abc', [0, 1, 2])).toEqual({ spans: [1, 1, 1] });
    expect(glyphTexts('𝒜b', [0, 2])).toEqual({ spans: [2, 1] });
    // A base and its mark in one cluster are still one glyph per character, in order.
    expect(glyphTexts('e\u0301x', [0, 0, 2])).toEqual({ spans: [1, 1, 1] });
  });

  it('gives a ligature or a composed letter all its characters', () => {
    expect(glyphTexts('ffi ', [0, 3])).toEqual({ spans: [3, 1], texts: ['ffi', ' '] });
    expect(glyphTexts('Cafe\u0301', [0, 1, 2, 3])).toEqual({ spans: [1, 1, 1, 2], texts: ['C', 'a', 'f', 'e\u0301'] });
  });

  it('gives the extra glyphs of a character drawn as several nothing', () => {
    expect(glyphTexts('x', [0, 0])).toEqual({ spans: [1, 0], texts: ['x', ''] });
  });

  it('pairs right-to-left glyphs with their characters in reverse', () => {
    expect(glyphTexts('abc', [2, 1, 0])).toEqual({ spans: [1, 1, 1], texts: ['c', 'b', 'a'] });
    // Lam-alef: one glyph for two letters, after a letter of its own.
    expect(glyphTexts('\u0644\u0627\u0628', [2, 0])).toEqual({ spans: [1, 2], texts: ['\u0628', '\u0644\u0627'] });
  });

  it('handles no glyphs and characters before the first cluster', () => {
    expect(glyphTexts('', [])).toEqual({ spans: [] });
    expect(glyphTexts('ab', [1])).toEqual({ spans: [2], texts: ['ab'] });
  });
});
