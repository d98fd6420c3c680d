/**
 * The one check of a design: every id, size and limit a Design may have, as zod schemas. Decks and
 * presets (a complete Design), API bodies, CLI flags and brand-kit files (the short DesignInput)
 * all pass here, through resolveDesign or the deck schema, so a bad value is refused with its path
 * (`typography.titleSize: 200 is outside 16..96`) wherever it came from.
 */
import { z } from 'zod/v3';
import { quoteInput } from '../errors/input-error.js';
import { brandIdentityFields, brandShowFields, hexColour } from './brand-schema.js';
import { FONT_FAMILIES } from './fonts.js';
import { LAYOUTS, PATTERNS } from './layouts.js';
import { resolveRatio } from './ratios.js';
import { THEMES } from './themes.js';

function knownId(list: readonly { id: string }[], what: string) {
  return z.string().refine(
    (id) => list.some((item) => item.id === id),
    (id) => ({ message: `unknown ${what} ${quoteInput(String(id))} (try ${list.map((item) => item.id).join(', ')})` }),
  );
}

export const knownLayout = knownId(LAYOUTS, 'layout');

const fontFamily = z.string().refine(
  (id) => /^custom:[0-9a-f]{8,64}$/.test(id) || FONT_FAMILIES.some((f) => f.id === id),
  (id) => ({ message: `unknown font ${quoteInput(String(id))} (try ${FONT_FAMILIES.map((f) => f.id).join(', ')} or custom:<asset id>)` }),
);

/** A number in min..max, said as `200 is outside 16..96`. */
function within(min: number, max: number) {
  return z.number().superRefine((value, ctx) => {
    if (!(Number.isFinite(value) && value >= min && value <= max)) ctx.addIssue({ code: 'custom', message: `${value} is outside ${min}..${max}` });
  });
}

const pixels = z.number().int().min(200).max(8000);

export const ratioSchema = z.object({ id: z.string().min(1), label: z.string(), width: pixels, height: pixels });

const showSchema = z.object(brandShowFields);

const ctaLines = z.array(z.string().max(200)).superRefine((lines, ctx) => {
  if (lines.length > 3) ctx.addIssue({ code: 'custom', message: `at most 3 lines, got ${lines.length}` });
});

/** A complete Design, as decks and presets hold it. */
export const designSchema = z.object({
  ratio: ratioSchema,
  theme: knownId(THEMES, 'theme'),
  layout: knownLayout,
  typography: z.object({
    titleSize: within(16, 96),
    bodySize: within(10, 48),
    chromeSize: within(8, 24),
    titleFont: fontFamily.optional(),
    bodyFont: fontFamily.optional(),
  }),
  pattern: z.object({ id: knownId(PATTERNS, 'pattern'), color: hexColour.optional(), opacity: within(0, 1).optional() }),
  brand: z.object({ ...brandIdentityFields, show: showSchema }),
  cta: z.object({ enabled: z.boolean(), lines: ctaLines, style: z.enum(['follow', 'link', 'subscribe']).optional() }),
  plan: z.object({
    headings: z.enum(['section', 'title']),
    images: z.enum(['slide', 'attach']),
    cover: z.boolean(),
  }),
  progress: z.enum(['number', 'bar', 'dots']).optional(),
  colors: z.strictObject({ background: hexColour, backgroundTo: hexColour.optional(), text: hexColour, accent: hexColour }).optional(),
  align: z.enum(['left', 'center']).optional(),
  coverStyle: z.enum(['title', 'image', 'photo']).optional(),
  emphasis: z.enum(['colour', 'highlight']).optional(),
});

/** A ratio by id (`instagram-portrait`) or size (`1200x1500`), read as the Ratio it names. */
const ratioName = z.string().transform((value, ctx) => {
  try {
    return resolveRatio(value);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
    return z.NEVER;
  }
});

/** The short form people write by hand (and CLI flags and brand kits become): every part optional. */
export const designInputSchema = z.strictObject({
  ratio: ratioName.optional(),
  theme: designSchema.shape.theme.optional(),
  layout: knownLayout.optional(),
  typography: designSchema.shape.typography.partial().strict().optional(),
  pattern: designSchema.shape.pattern.partial().strict().optional(),
  brand: designSchema.shape.brand.extend({ show: showSchema.partial().strict().optional() }).strict().optional(),
  cta: designSchema.shape.cta.partial().strict().optional(),
  plan: designSchema.shape.plan.partial().strict().optional(),
  progress: designSchema.shape.progress,
  colors: designSchema.shape.colors,
  align: designSchema.shape.align,
  coverStyle: designSchema.shape.coverStyle,
  emphasis: designSchema.shape.emphasis,
});
