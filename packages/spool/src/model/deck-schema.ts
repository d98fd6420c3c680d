/**
 * The validating door for decks and designs: saved projects, API bodies and presets all pass through
 * here, so a hand-edited or stale deck fails with the exact place (`slides[3].blocks[0].spans: expected
 * array`) instead of breaking layout later.
 */
import { z } from 'zod/v3';
import { DECK_SCHEMA_VERSION, type Deck } from './deck.js';
import type { Design } from '../design/types.js';
import { authorSchema, blockSchema, mediaSchema, spanSchema } from './schema.js';
import { quoteInput, SpoolInputError } from '../errors/input-error.js';
import { checkPostLength, checkSlideCount } from './limits.js';
import { shortIssueMessage, zodIssuesToInputIssues } from './schema-issues.js';
import { THEMES } from '../design/themes.js';
import { LAYOUTS, PATTERNS } from '../design/layouts.js';
import { FONT_FAMILIES } from '../design/fonts.js';
import { resolveDesign, type DesignInput } from '../design/resolve.js';
import { brandIdentityFields, brandShowFields, hexColour } from '../design/brand-schema.js';

// Slides hold the same blocks, media and authors as posts (schema.ts); reusing the document's pieces
// keeps the two doors from drifting apart.

function knownId(list: readonly { id: string }[], what: string) {
  return z.string().refine(
    (id) => list.some((item) => item.id === id),
    (id) => ({ message: `unknown ${what} ${quoteInput(String(id))} (try ${list.map((item) => item.id).join(', ')})` }),
  );
}

const fontFamily = z.string().refine(
  (id) => /^custom:[0-9a-f]{8,64}$/.test(id) || FONT_FAMILIES.some((f) => f.id === id),
  (id) => ({ message: `unknown font ${quoteInput(String(id))} (try ${FONT_FAMILIES.map((f) => f.id).join(', ')} or custom:<asset id>)` }),
);

const pixels = z.number().int().min(200).max(8000);

export const ratioSchema = z.object({ id: z.string().min(1), label: z.string(), width: pixels, height: pixels });

const showSchema = z.object(brandShowFields);

/** A Design's fields; designSchema adds the checks that span them. */
const designShape = z.object({
  ratio: ratioSchema,
  theme: knownId(THEMES, 'theme'),
  layout: knownId(LAYOUTS, 'layout'),
  typography: z.object({
    titleSize: z.number(),
    bodySize: z.number(),
    chromeSize: z.number(),
    titleFont: fontFamily.optional(),
    bodyFont: fontFamily.optional(),
  }),
  pattern: z.object({ id: knownId(PATTERNS, 'pattern'), color: hexColour.optional(), opacity: z.number().optional() }),
  brand: z.object({ ...brandIdentityFields, show: showSchema }),
  cta: z.object({ enabled: z.boolean(), lines: z.array(z.string().max(200)) }),
  plan: z.object({
    headings: z.enum(['section', 'title']),
    images: z.enum(['slide', 'attach']),
    cover: z.boolean(),
  }),
});

export const designSchema = designShape.superRefine((design, ctx) => {
  // resolveDesign owns the numeric limits (sizes, opacity, CTA lines); asking it keeps one source of truth.
  try {
    resolveDesign({}, design);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    ctx.addIssue(rangeIssue(err));
  }
});

/** `typography.titleSize: 200 is outside 16..96` -> that message at that path. */
function rangeIssue(err: RangeError, fallbackPath: string[] = []) {
  const m = /^([A-Za-z][\w.]*): (.*)$/s.exec(err.message);
  return { code: 'custom' as const, message: m ? m[2] : err.message, path: m ? m[1].split('.') : fallbackPath };
}

/** The short form people write by hand: every part optional, the ratio by id or `WxH`. */
export const designInputSchema = z.strictObject({
  ratio: z.string().optional(),
  theme: knownId(THEMES, 'theme').optional(),
  layout: knownId(LAYOUTS, 'layout').optional(),
  typography: designShape.shape.typography.partial().strict().optional(),
  pattern: designShape.shape.pattern.partial().strict().optional(),
  brand: designShape.shape.brand.extend({ show: showSchema.partial().strict().optional() }).strict().optional(),
  cta: designShape.shape.cta.partial().strict().optional(),
  plan: designShape.shape.plan.partial().strict().optional(),
});

/**
 * A complete Design (a ratio object, as decks and presets hold it) or the short form, completed
 * from the defaults. Either way the result passed every check of a complete Design.
 */
export const designOrInputSchema = z.unknown().transform((value, ctx): Design => {
  const full = isRecord(value) && typeof value.ratio === 'object';
  const result = (full ? designSchema : designInputSchema).safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: shortIssueMessage(issue), path: issue.path });
    return z.NEVER;
  }
  if (full) return result.data as Design;
  const completed = safeResolve(result.data as DesignInput, ctx);
  if (completed === undefined) return z.NEVER;
  const resolved = designSchema.safeParse(completed);
  if (!resolved.success) {
    for (const issue of resolved.error.issues) ctx.addIssue({ code: 'custom', message: shortIssueMessage(issue), path: issue.path });
    return z.NEVER;
  }
  return resolved.data;
});

function safeResolve(input: DesignInput, ctx: z.RefinementCtx): unknown {
  try {
    return resolveDesign(input);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    ctx.addIssue(rangeIssue(err, /ratio/.test(err.message) ? ['ratio'] : []));
    return undefined;
  }
}

const slideSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['cover', 'content', 'section', 'image', 'outro']),
  layout: knownId(LAYOUTS, 'layout').optional(),
  title: z.array(spanSchema).optional(),
  blocks: z.array(blockSchema),
  media: z.array(mediaSchema),
  postIds: z.array(z.string()),
  author: authorSchema.optional(),
})
  // A slide holds what one post may: its text is laid out in full, however many pages it takes.
  .superRefine(checkPostLength);

export const deckSchema = z.object({
  schemaVersion: z.literal(DECK_SCHEMA_VERSION),
  title: z.string().optional(),
  url: z.string().optional(),
  slides: z.array(slideSchema).superRefine(checkSlideCount),
  design: designSchema,
});

// Compile-time guard that the schema and the hand-written model never drift apart.
type SchemaDeck = z.output<typeof deckSchema>;
const _sameShape: (d: SchemaDeck) => Deck = (d) => d;
const _sameShapeBack: (d: Deck) => SchemaDeck = (d) => d;
void _sameShape;
void _sameShapeBack;

/** Validates a Deck from disk, the network or the studio; `where` names its origin in errors. */
export function parseDeck(json: unknown, where: string): Deck {
  const version = isRecord(json) ? json.schemaVersion : undefined;
  if (typeof version === 'number' && version > DECK_SCHEMA_VERSION) {
    throw new SpoolInputError(where, [
      { path: 'schemaVersion', message: `version ${version} is newer than this Spool reads (${DECK_SCHEMA_VERSION})` },
    ]);
  }
  const result = deckSchema.safeParse(json);
  if (!result.success) throw new SpoolInputError(where, zodIssuesToInputIssues(result.error.issues));
  return result.data;
}

/** Validates a Design on its own (a preset): complete, or the short form completed from the defaults. */
export function parseDesign(json: unknown, where: string): Design {
  const result = designOrInputSchema.safeParse(json);
  if (!result.success) throw new SpoolInputError(where, zodIssuesToInputIssues(result.error.issues));
  return result.data;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
