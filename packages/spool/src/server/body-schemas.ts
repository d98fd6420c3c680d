/**
 * The shapes of request bodies. Decks, documents, designs and brand kits go through the same zod
 * doors as everything loaded from disk, so an error names the field inside the body:
 * `deck.slides[3].blocks[0].spans: expected array`.
 */
import { z } from 'zod/v3';
import { documentSchema } from '../model/schema.js';
import { deckSchema, designOrInputSchema } from '../model/deck-schema.js';
import { SpoolInputError } from '../errors/input-error.js';
import { zodIssuesToInputIssues } from '../errors/schema-issues.js';
import { storedBrandKitSchema } from '../store/brand-kit.js';

const name = z.string().trim().min(1).max(200);

/**
 * A complete Design (as the studio and presets hold it), or the short form callers write by hand
 * (`{ "theme": "midnight", "ratio": "instagram-square" }`), which is completed from the defaults.
 */
const designInput = designOrInputSchema;

export const createProjectBody = z.strictObject({
  name: name.optional(),
  document: documentSchema.optional(),
  deck: deckSchema.optional(),
  design: designInput.optional(),
});

export const updateProjectBody = z.strictObject({
  name: name.optional(),
  document: documentSchema.optional(),
  deck: deckSchema.optional(),
  /** The revision the change was made on; a different current revision answers 409. */
  revision: z.number().int().min(1).optional(),
});

export const duplicateProjectBody = z.strictObject({ name: name.optional() }).optional();

/** `isDefault`: the profile new projects start with (one at most; setting it on one takes it from the other). */
export const createBrandKitBody = z.strictObject({ name: name.optional(), kit: storedBrandKitSchema, isDefault: z.boolean().optional() });
export const updateBrandKitBody = z.strictObject({ name: name.optional(), kit: storedBrandKitSchema.optional(), isDefault: z.boolean().optional() });

export const createPresetBody = z.strictObject({ name, design: designInput });
export const updatePresetBody = z.strictObject({ name: name.optional(), design: designInput.optional() });

export const importBody = z.strictObject({
  kind: z.enum(['thread-file', 'document', 'pasted', 'article', 'markdown', 'html', 'url', 'x-api', 'bluesky', 'mastodon', 'x-archive']).optional(),
  text: z.string().max(5_000_000).optional(),
  url: z
    .string()
    .url()
    .superRefine((url, ctx) => {
      // Only a well-formed URL is judged by its scheme; a malformed one has its message already.
      if (URL.canParse(url) && !/^https?:\/\//i.test(url)) ctx.addIssue({ code: 'custom', message: 'only http: and https: addresses can be imported' });
    })
    .optional(),
  filename: z.string().max(255).optional(),
  contentBase64: z.string().optional(),
  author: z.string().max(80).optional(),
  handle: z.string().max(60).optional(),
  thread: z.string().max(40).optional(),
  /** Articles: condensed to key points (`true`, or a slide count) or every paragraph (`false`, the default). */
  condense: z.union([z.boolean(), z.strictObject({ slides: z.number().int().min(3).max(60).optional() })]).optional(),
});

export const rewriteBody = z.strictObject({ document: documentSchema });

export const renderBody = z.strictObject({
  deck: deckSchema,
  format: z.enum(['pdf', 'png', 'jpeg', 'svg']),
  page: z.number().int().min(1).optional(),
  zip: z.boolean().optional(),
});

/** POST /api/exports: a saved project's deck, or any deck, to export as a job. */
export const exportJobBody = z
  .strictObject({
    projectId: z.string().min(1).optional(),
    deck: deckSchema.optional(),
    format: z.enum(['pdf', 'png', 'jpeg', 'svg']).default('pdf'),
    page: z.number().int().min(1).optional(),
    zip: z.boolean().optional(),
  })
  .refine((b) => (b.projectId === undefined) !== (b.deck === undefined), { message: 'give either projectId (a saved project) or deck, not both', path: ['projectId'] });

export const exportQuery = z.strictObject({
  format: z.enum(['pdf', 'png', 'jpeg', 'svg']).default('pdf'),
  page: z.coerce.number().int().min(1).optional(),
});

/** Parses a body or query against a schema; problems come back as one 400 naming each place. */
export function parseBody<S extends z.ZodTypeAny>(schema: S, body: unknown, place = ''): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw new SpoolInputError(place, zodIssuesToInputIssues(result.error.issues));
  return result.data;
}
