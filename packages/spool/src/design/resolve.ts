import type { BrandKit, CallToAction, Design, PatternChoice, PlanOptions, Typography } from './types.js';
import { defaultDesign } from './defaults.js';
import { resolveRatio } from './ratios.js';
import { findTheme } from './themes.js';
import { findLayout, findPattern } from './layouts.js';
import { checkFontFamily } from './fonts.js';
import { definedOnly } from './defined-only.js';

/** What callers may say about a design: every part optional, the ratio by id or `WxH`. */
export interface DesignInput {
  ratio?: string;
  theme?: string;
  layout?: string;
  typography?: Partial<Typography>;
  pattern?: Partial<PatternChoice>;
  brand?: Partial<Omit<BrandKit, 'show'>> & { show?: Partial<BrandKit['show']> };
  cta?: Partial<CallToAction>;
  plan?: Partial<PlanOptions>;
}

const SIZE_LIMITS: Record<keyof Pick<Typography, 'titleSize' | 'bodySize' | 'chromeSize'>, [number, number]> = {
  titleSize: [16, 96],
  bodySize: [10, 48],
  chromeSize: [8, 24],
};

/** Fills defaults and checks every id and size, throwing a RangeError that names the bad field. */
export function resolveDesign(input: DesignInput = {}, base: Design = defaultDesign()): Design {
  const design: Design = {
    ratio: input.ratio ? resolveRatio(input.ratio) : base.ratio,
    theme: input.theme ?? base.theme,
    layout: input.layout ?? base.layout,
    typography: { ...base.typography, ...definedOnly(input.typography ?? {}) },
    pattern: { ...base.pattern, ...definedOnly(input.pattern ?? {}) },
    brand: { ...base.brand, ...definedOnly(input.brand ?? {}), show: { ...base.brand.show, ...definedOnly(input.brand?.show ?? {}) } },
    cta: { ...base.cta, ...definedOnly(input.cta ?? {}) },
    plan: { ...base.plan, ...definedOnly(input.plan ?? {}) },
  };
  findTheme(design.theme);
  findLayout(design.layout);
  findPattern(design.pattern.id);
  if (design.typography.titleFont) checkFontFamily(design.typography.titleFont, 'typography.titleFont');
  if (design.typography.bodyFont) checkFontFamily(design.typography.bodyFont, 'typography.bodyFont');
  for (const [key, [min, max]] of Object.entries(SIZE_LIMITS)) {
    const value = design.typography[key as keyof typeof SIZE_LIMITS];
    if (!Number.isFinite(value) || value < min || value > max) throw new RangeError(`typography.${key}: ${value} is outside ${min}..${max}`);
  }
  if (design.pattern.opacity !== undefined && !(design.pattern.opacity >= 0 && design.pattern.opacity <= 1)) {
    throw new RangeError(`pattern.opacity: ${design.pattern.opacity} is outside 0..1`);
  }
  if (design.cta.lines.length > 3) throw new RangeError(`cta.lines: at most 3 lines, got ${design.cta.lines.length}`);
  return design;
}
