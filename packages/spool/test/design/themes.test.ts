import { describe, expect, it } from 'vitest';
import { THEMES } from '../../src/design/themes.js';
import { contrastRatio } from '../../src/design/contrast.js';

const AA_TEXT = 4.5;
const AA_LARGE = 3;

describe('preset themes', () => {
  it('offers at least eight', () => {
    expect(THEMES.length).toBeGreaterThanOrEqual(8);
    expect(new Set(THEMES.map((t) => t.id)).size).toBe(THEMES.length);
  });

  for (const theme of THEMES) {
    it(`${theme.id}: every text colour reaches WCAG AA on every background it sits on`, () => {
      const backgrounds = [theme.background, ...(theme.backgroundTo ? [theme.backgroundTo] : [])];
      for (const bg of backgrounds) {
        expect(contrastRatio(theme.text, bg), `text on ${bg}`).toBeGreaterThanOrEqual(AA_TEXT);
        expect(contrastRatio(theme.muted, bg), `muted (handles, footer) on ${bg}`).toBeGreaterThanOrEqual(AA_TEXT);
        expect(contrastRatio(theme.link, bg), `links on ${bg}`).toBeGreaterThanOrEqual(AA_TEXT);
        expect(contrastRatio(theme.title, bg), `titles on ${bg}`).toBeGreaterThanOrEqual(AA_LARGE);
        expect(contrastRatio(theme.accent, bg), `accent numbers on ${bg}`).toBeGreaterThanOrEqual(AA_LARGE);
      }
      for (const key of ['text', 'muted', 'link'] as const) {
        expect(contrastRatio(theme[key], theme.surface), `${key} on cards`).toBeGreaterThanOrEqual(AA_TEXT);
      }
      expect(contrastRatio(theme.onAccent, theme.accent), 'button and badge text').toBeGreaterThanOrEqual(AA_TEXT);
    });
  }

  it('computes contrast like WCAG: black on white is 21, a colour on itself is 1', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#FFFFFF')).toBeGreaterThan(4.5);
    expect(contrastRatio('#777777', '#FFFFFF')).toBeLessThan(4.5);
  });
});
