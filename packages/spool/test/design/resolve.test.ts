import { describe, expect, it } from 'vitest';
import { resolveDesign } from '../../src/design/resolve.js';
import { resolveRatio, slideUnitsHigh, RATIOS } from '../../src/design/ratios.js';
import { LAYOUTS, PATTERNS } from '../../src/design/layouts.js';

describe('resolveDesign', () => {
  it('defaults to a 4:5 LinkedIn slide with title 36, body 18, header and footer 12', () => {
    const d = resolveDesign();
    expect([d.ratio.width, d.ratio.height]).toEqual([1080, 1350]);
    expect(d.typography).toMatchObject({ titleSize: 36, bodySize: 18, chromeSize: 12 });
    expect(d.cta.lines).toHaveLength(3);
  });

  it('takes every registered ratio and custom WxH sizes', () => {
    expect(RATIOS.map((r) => r.id)).toEqual(expect.arrayContaining(['linkedin-portrait', 'linkedin-square', 'instagram-portrait', 'instagram-square', 'instagram-story']));
    expect(resolveRatio('1200x1500')).toMatchObject({ width: 1200, height: 1500 });
    expect(slideUnitsHigh(resolveRatio('instagram-story'))).toBeCloseTo(768, 5);
    expect(() => resolveRatio('50x50')).toThrow(/between 200 and 8000/);
    expect(() => resolveRatio('poster')).toThrow(/unknown ratio "poster"/);
  });

  it('has at least five layouts and five patterns besides none', () => {
    expect(LAYOUTS.length).toBeGreaterThanOrEqual(5);
    expect(PATTERNS.filter((p) => p.id !== 'none').length).toBeGreaterThanOrEqual(5);
  });

  it('names the bad field', () => {
    expect(() => resolveDesign({ theme: 'neon' })).toThrow(/unknown theme "neon"/);
    expect(() => resolveDesign({ layout: 'grid' })).toThrow(/unknown layout "grid"/);
    expect(() => resolveDesign({ typography: { bodySize: 2 } })).toThrow(/typography.bodySize: 2 is outside/);
    expect(() => resolveDesign({ typography: { titleFont: 'comic' } })).toThrow(/typography.titleFont: unknown font "comic"/);
    expect(() => resolveDesign({ pattern: { opacity: 3 } })).toThrow(/pattern.opacity/);
    expect(() => resolveDesign({ cta: { lines: ['a', 'b', 'c', 'd'] } })).toThrow(/at most 3/);
  });

  it('keeps what was not mentioned and ignores undefined parts', () => {
    const d = resolveDesign({ theme: 'midnight', brand: { name: 'Ada', show: { footer: false } }, typography: { titleSize: undefined } });
    expect(d.theme).toBe('midnight');
    expect(d.typography.titleSize).toBe(36);
    expect(d.brand.name).toBe('Ada');
    expect(d.brand.show).toMatchObject({ footer: false, header: true, pageNumbers: true });
  });
});
