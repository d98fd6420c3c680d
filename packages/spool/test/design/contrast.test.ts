import { describe, expect, it } from 'vitest';
import { contrastRatio, mixHex, parseHex, relativeLuminance } from '../../src/design/contrast.js';

describe('relativeLuminance', () => {
  it('is 0 for black, 1 for white, and the WCAG channel weights for the primaries', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#FFFFFF')).toBeCloseTo(1, 10);
    expect(relativeLuminance('#FF0000')).toBeCloseTo(0.2126, 10);
    expect(relativeLuminance('#00FF00')).toBeCloseTo(0.7152, 10);
    expect(relativeLuminance('#0000FF')).toBeCloseTo(0.0722, 10);
  });

  it('linearises dark channels by division and the rest by the 2.4 power curve', () => {
    // 10/255 = 0.0392 is at or below the 0.03928 knee: the straight part of the sRGB curve.
    expect(relativeLuminance('#0A0A0A')).toBeCloseTo(10 / 255 / 12.92, 12);
    // Mid grey (128) is the textbook 0.2159.
    expect(relativeLuminance('#808080')).toBeCloseTo(0.2159, 4);
  });
});

describe('contrastRatio', () => {
  it('is (lighter + 0.05) / (darker + 0.05), whichever colour comes first', () => {
    expect(contrastRatio('#FF0000', '#FFFFFF')).toBeCloseTo(1.05 / (0.2126 + 0.05), 10);
    expect(contrastRatio('#FFFFFF', '#FF0000')).toBeCloseTo(contrastRatio('#FF0000', '#FFFFFF'), 12);
    expect(contrastRatio('#0000FF', '#FFFFFF')).toBeCloseTo(8.59, 2);
  });

  it('puts the usual AA boundary between #767676 and #777777 on white', () => {
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe('parseHex', () => {
  it('reads #rrggbb in either case, with or without the #, ignoring surrounding space', () => {
    expect(parseHex('#0A66C2')).toEqual([10, 102, 194]);
    expect(parseHex('0a66c2')).toEqual([10, 102, 194]);
    expect(parseHex('  #ffFFff ')).toEqual([255, 255, 255]);
  });

  it('refuses short, named and non-hex colours with a RangeError naming them', () => {
    for (const bad of ['#fff', 'red', '#gggggg', '#1234567', '']) {
      expect(() => parseHex(bad), bad).toThrow(RangeError);
    }
    expect(() => parseHex('#fff')).toThrow('not a #rrggbb colour: #fff');
  });
});

describe('mixHex', () => {
  it('gives a at t = 0 and b at t = 1, as lowercase #rrggbb', () => {
    expect(mixHex('#0A66C2', '#FFFFFF', 0)).toBe('#0a66c2');
    expect(mixHex('#0A66C2', '#FFFFFF', 1)).toBe('#ffffff');
  });

  it('mixes each channel linearly, rounding to the nearest value', () => {
    expect(mixHex('#000000', '#ffffff', 0.5)).toBe('#808080'); // 127.5 rounds up
    expect(mixHex('#000000', '#ffffff', 0.25)).toBe('#404040'); // 63.75
    expect(mixHex('#ff0000', '#0000ff', 0.5)).toBe('#800080');
    expect(mixHex('#102030', '#102030', 0.7)).toBe('#102030');
  });
});
