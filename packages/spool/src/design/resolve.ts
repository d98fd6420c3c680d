import type { BrandKit, CallToAction, Design, PatternChoice, PlanOptions, ProgressStyle, Typography, CustomColors, TextAlign, CoverStyle, EmphasisStyle } from './types.js';
import { defaultDesign } from './defaults.js';
import type { z } from 'zod/v3';
import { SpoolInputError } from '../errors/input-error.js';
import { zodIssuesToInputIssues } from '../errors/schema-issues.js';
import { definedOnly } from './defined-only.js';
import { designInputSchema, designSchema } from './design-schema.js';

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
  progress?: ProgressStyle;
  colors?: CustomColors;
  align?: TextAlign;
  coverStyle?: CoverStyle;
  emphasis?: EmphasisStyle;
}

/**
 * A design from what the caller said, completed from `base` (the defaults): the input is parsed
 * (every id and limit checked, the ratio read), merged, and the whole checked again, all by the
 * design schema. A bad value throws a SpoolInputError naming its field.
 */
export function resolveDesign(input: DesignInput = {}, base: Design = defaultDesign()): Design {
  const parsed = designInputSchema.safeParse(input);
  if (!parsed.success) throw new SpoolInputError('design', zodIssuesToInputIssues(parsed.error.issues));
  return checkDesign(mergeDesign(base, parsed.data));
}

/** Parsed input over a complete design: what was not said (or said as undefined) is kept. */
export function mergeDesign(base: Design, input: z.output<typeof designInputSchema>): Design {
  return {
    ratio: input.ratio ?? base.ratio,
    theme: input.theme ?? base.theme,
    layout: input.layout ?? base.layout,
    typography: { ...base.typography, ...definedOnly(input.typography) },
    pattern: { ...base.pattern, ...definedOnly(input.pattern) },
    brand: { ...base.brand, ...definedOnly(input.brand), show: { ...base.brand.show, ...definedOnly(input.brand?.show) } },
    cta: { ...base.cta, ...definedOnly(input.cta) },
    plan: { ...base.plan, ...definedOnly(input.plan) },
    ...definedOnly({ progress: input.progress ?? base.progress, colors: input.colors ?? base.colors, align: input.align ?? base.align, coverStyle: input.coverStyle ?? base.coverStyle, emphasis: input.emphasis ?? base.emphasis }),
  };
}

/** A complete design checked by the schema, or a SpoolInputError naming each bad field. */
export function checkDesign(design: Design): Design {
  const checked = designSchema.safeParse(design);
  if (!checked.success) throw new SpoolInputError('design', zodIssuesToInputIssues(checked.error.issues));
  return checked.data;
}
