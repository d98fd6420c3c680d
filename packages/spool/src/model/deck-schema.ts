/**
 * The validating door for decks and designs: saved projects, API bodies and presets all pass through
 * here, so a hand-edited or stale deck fails with the exact place (`slides[3].blocks[0].spans: expected
 * array`) instead of breaking layout later.
 */
import { z } from 'zod/v3';
import { DECK_SCHEMA_VERSION, type Deck } from './deck.js';
import type { Design } from '../design/types.js';
import { authorSchema, blockSchema, dirSchema, langSchema, mediaSchema, spanSchema } from './schema.js';
import { SpoolInputError } from '../errors/input-error.js';
import { checkPostLength, checkSlideCount } from './limits.js';
import { shortIssueMessage, zodIssuesToInputIssues } from '../errors/schema-issues.js';
import { defaultDesign } from '../design/defaults.js';
import { designInputSchema, designSchema, knownLayout } from '../design/design-schema.js';
import { mergeDesign } from '../design/resolve.js';

// Slides hold the same blocks, media and authors as posts (schema.ts); reusing the document's pieces
// keeps the two doors from drifting apart. Designs have their own door (design/design-schema.ts).
export { designSchema, designInputSchema, ratioSchema } from '../design/design-schema.js';

/**
 * A complete Design (a ratio object, as decks and presets hold it) or the short form, completed
 * from the defaults. Either way the result passed every check of a complete Design.
 */
export const designOrInputSchema = z.unknown().transform((value, ctx): Design => {
  const full = isRecord(value) && typeof value.ratio === 'object';
  const result = full ? designSchema.safeParse(value) : designInputSchema.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: shortIssueMessage(issue), path: issue.path });
    return z.NEVER;
  }
  if (full) return result.data as Design;
  const completed = designSchema.safeParse(mergeDesign(defaultDesign(), result.data as z.output<typeof designInputSchema>));
  if (!completed.success) {
    for (const issue of completed.error.issues) ctx.addIssue({ code: 'custom', message: shortIssueMessage(issue), path: issue.path });
    return z.NEVER;
  }
  return completed.data;
});

const slideSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['cover', 'content', 'section', 'image', 'outro']),
  layout: knownLayout.optional(),
  align: z.enum(['left', 'center']).optional(),
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
  lang: langSchema.optional(),
  dir: dirSchema.optional(),
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
