import { describe, expect, it } from 'vitest';
import type { z } from 'zod/v3';
import { designInputSchema, designSchema } from '../../src/design/design-schema.js';
import { defaultDesign } from '../../src/design/defaults.js';
import { THEMES } from '../../src/design/themes.js';
import { LAYOUTS, PATTERNS } from '../../src/design/layouts.js';
import type { Design } from '../../src/design/types.js';

/** `path: message` for each problem zod found, or [] when the value passes. */
function problems(schema: z.ZodTypeAny, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const withTypography = (t: Partial<Design['typography']>) => ({ ...defaultDesign(), typography: { ...defaultDesign().typography, ...t } });

describe('designSchema', () => {
  it('accepts the default design with any registered theme, layout and pattern', () => {
    expect(problems(designSchema, defaultDesign())).toEqual([]);
    for (const theme of THEMES) expect(problems(designSchema, { ...defaultDesign(), theme: theme.id })).toEqual([]);
    for (const layout of LAYOUTS) expect(problems(designSchema, { ...defaultDesign(), layout: layout.id })).toEqual([]);
    for (const pattern of PATTERNS) expect(problems(designSchema, { ...defaultDesign(), pattern: { id: pattern.id } })).toEqual([]);
  });

  it('names an unknown id and lists the known ones', () => {
    expect(problems(designSchema, { ...defaultDesign(), pattern: { id: 'plaid' } })).toEqual([
      `pattern.id: unknown pattern "plaid" (try ${PATTERNS.map((p) => p.id).join(', ')})`,
    ]);
  });

  it('keeps sizes within their ranges, ends included', () => {
    expect(problems(designSchema, withTypography({ titleSize: 16, bodySize: 48, chromeSize: 8 }))).toEqual([]);
    expect(problems(designSchema, withTypography({ titleSize: 96, bodySize: 10, chromeSize: 24 }))).toEqual([]);
    expect(problems(designSchema, withTypography({ titleSize: 97 }))).toEqual(['typography.titleSize: 97 is outside 16..96']);
    expect(problems(designSchema, withTypography({ bodySize: 9.5 }))).toEqual(['typography.bodySize: 9.5 is outside 10..48']);
    expect(problems(designSchema, withTypography({ chromeSize: Number.POSITIVE_INFINITY }))).toEqual(['typography.chromeSize: Infinity is outside 8..24']);
    expect(problems(designSchema, withTypography({ chromeSize: Number.NaN }))).toHaveLength(1);
    expect(problems(designSchema, { ...defaultDesign(), pattern: { id: 'dots', opacity: 1.01 } })).toEqual(['pattern.opacity: 1.01 is outside 0..1']);
  });

  it('takes bundled fonts and uploaded ones as custom:<hex asset id>', () => {
    for (const font of ['sans', 'serif', 'display', 'mono', 'custom:0123abcd', `custom:${'f'.repeat(64)}`]) {
      expect(problems(designSchema, withTypography({ titleFont: font })), font).toEqual([]);
    }
    for (const font of ['comic', 'custom:0123abc', 'custom:0123ABCD', `custom:${'f'.repeat(65)}`, 'custom:']) {
      expect(problems(designSchema, withTypography({ bodyFont: font })), font).toEqual([expect.stringMatching(/^typography\.bodyFont: unknown font /)]);
    }
  });

  it('wants a ratio of whole pixels, 200 to 8000 on each side', () => {
    const ratio = (width: number, height: number) => ({ ...defaultDesign(), ratio: { id: 'r', label: 'R', width, height } });
    expect(problems(designSchema, ratio(200, 8000))).toEqual([]);
    expect(problems(designSchema, ratio(1080.5, 1350))).toHaveLength(1);
    expect(problems(designSchema, ratio(199, 1350))[0]).toMatch(/^ratio\.width: /);
    expect(problems(designSchema, ratio(1080, 8001))[0]).toMatch(/^ratio\.height: /);
  });

  it('allows at most three CTA lines of at most 200 characters', () => {
    const cta = (lines: string[]) => ({ ...defaultDesign(), cta: { enabled: true, lines } });
    expect(problems(designSchema, cta(['a', 'b', 'x'.repeat(200)]))).toEqual([]);
    expect(problems(designSchema, cta(['a', 'b', 'c', 'd']))).toEqual(['cta.lines: at most 3 lines, got 4']);
    expect(problems(designSchema, cta(['x'.repeat(201)]))).toHaveLength(1);
  });
});

describe('designInputSchema', () => {
  it('takes an empty input and any part on its own', () => {
    expect(problems(designInputSchema, {})).toEqual([]);
    expect(problems(designInputSchema, { typography: { titleSize: 40 }, brand: { show: { footer: false } }, plan: { cover: false } })).toEqual([]);
  });

  it('reads a ratio given by id or WxH as the ratio it names', () => {
    expect(designInputSchema.parse({ ratio: 'linkedin-square' }).ratio).toMatchObject({ width: 1080, height: 1080 });
    expect(designInputSchema.parse({ ratio: '1200x1500' }).ratio).toEqual({ id: '1200x1500', label: 'Custom 1200x1500', width: 1200, height: 1500 });
    expect(problems(designInputSchema, { ratio: '10x10' })).toEqual(['ratio: ratio 10x10: each side must be between 200 and 8000 pixels']);
  });

  it('refuses keys it does not know, at the top and inside each part', () => {
    expect(problems(designInputSchema, { colour: 'red' })).toHaveLength(1);
    expect(problems(designInputSchema, { typography: { fontSize: 20 } })).toHaveLength(1);
    expect(problems(designInputSchema, { brand: { show: { sidebar: true } } })[0]).toMatch(/^brand\.show: /);
  });

  it('checks the values of the parts it is given as the full schema does', () => {
    expect(problems(designInputSchema, { typography: { titleSize: 200 } })).toEqual(['typography.titleSize: 200 is outside 16..96']);
    expect(problems(designInputSchema, { plan: { headings: 'chapter' } })[0]).toMatch(/^plan\.headings: /);
  });
});
