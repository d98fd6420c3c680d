import { describe, expect, it } from 'vitest';
import { DEFAULT_RATIO_ID, RATIOS, isInstagram, resolveRatio, slideUnitsHigh } from '../../src/design/ratios.js';
import { SLIDE_UNITS_WIDE } from '../../src/design/types.js';

describe('registered ratios', () => {
  it('have unique ids, and the default is one of them', () => {
    expect(new Set(RATIOS.map((r) => r.id)).size).toBe(RATIOS.length);
    expect(RATIOS.map((r) => r.id)).toContain(DEFAULT_RATIO_ID);
  });

  it('are the pixel size their label names (4:5, 1:1, 1.91:1 …)', () => {
    for (const ratio of RATIOS) {
      const [, w, h] = /(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(ratio.label) ?? [];
      expect(w, ratio.label).toBeDefined();
      expect(ratio.width / ratio.height, ratio.id).toBeCloseTo(Number(w) / Number(h), 2);
      expect(ratio.width, ratio.id).toBe(1080);
    }
  });

  it('resolve by id to the registered object itself', () => {
    expect(resolveRatio('instagram-story')).toBe(RATIOS.find((r) => r.id === 'instagram-story'));
  });
});

describe('custom WxH ratios', () => {
  it('accept each side from 200 to 8000 pixels, inclusive', () => {
    expect(resolveRatio('200x200')).toEqual({ id: '200x200', label: 'Custom 200x200', width: 200, height: 200 });
    expect(resolveRatio('8000x8000')).toMatchObject({ width: 8000, height: 8000 });
    expect(() => resolveRatio('199x500')).toThrow(/between 200 and 8000/);
    expect(() => resolveRatio('500x8001')).toThrow(/between 200 and 8000/);
  });

  it('take a capital X and surrounding space, and name the ratio in its plain form', () => {
    expect(resolveRatio(' 1200X1500 ')).toMatchObject({ id: '1200x1500', width: 1200, height: 1500 });
  });

  it('refuse sizes that are not two whole numbers', () => {
    for (const bad of ['1200x', 'x1500', '1200.5x1500', '1200*1500', '-300x300', '']) {
      expect(() => resolveRatio(bad), bad).toThrow(RangeError);
    }
  });
});

describe('slideUnitsHigh', () => {
  it('keeps the width at SLIDE_UNITS_WIDE and scales the height by the ratio', () => {
    expect(SLIDE_UNITS_WIDE).toBe(432);
    expect(slideUnitsHigh(resolveRatio('linkedin-portrait'))).toBe(540); // 432 × 5/4
    expect(slideUnitsHigh(resolveRatio('linkedin-square'))).toBe(432);
    expect(slideUnitsHigh(resolveRatio('2000x1000'))).toBe(216);
  });
});

describe('isInstagram', () => {
  it('is true for the instagram ratios only', () => {
    expect(RATIOS.filter(isInstagram).map((r) => r.id)).toEqual(['instagram-portrait', 'instagram-square', 'instagram-tall', 'instagram-landscape', 'instagram-story']);
    expect(isInstagram(resolveRatio('linkedin-square'))).toBe(false);
    expect(isInstagram(resolveRatio('1080x1350'))).toBe(false);
  });
});
