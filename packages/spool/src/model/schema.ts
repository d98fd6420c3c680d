/**
 * The one validating door: every thread file and saved Document passes through here, and every
 * problem comes back as a SpoolInputError naming the file and the exact place.
 */
import { z } from 'zod/v3';
import { DOCUMENT_SCHEMA_VERSION, type SpoolDocument } from './document.js';
import { MAX_TABLE_COLUMNS } from './table.js';

/** Rows a table block may hold (a longer one is split into tables at import). */
const MAX_TABLE_ROWS = 200;
import { SpoolInputError } from '../errors/input-error.js';
import { zodIssuesToInputIssues } from '../errors/schema-issues.js';
import { checkPostCount, checkPostLength, checkPostText, MAX_POST_CHARS, MAX_SOURCE_BLOCKS, tooManyPosts } from './limits.js';

export { MAX_POSTS, MAX_POST_CHARS } from './limits.js';

// Thread tools write `null` for fields they don't have; treating it as absent saves users a hand edit.
const optionalText = z.string().nullish().transform((v) => v ?? undefined);

/** A BCP 47 language tag, as `<html lang>` and front matter give it (`en`, `zh-Hant`, `pt-BR`). */
export const langSchema = z.string().trim().max(35).regex(/^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/, 'a language tag such as en, ja or zh-Hant');
export const dirSchema = z.enum(['ltr', 'rtl']);

const mediaInputSchema = z.object({
  type: z.literal('image').default('image'),
  src: z.string().min(1),
  alt: optionalText,
});

const authorInputSchema = z.object({
  name: z.string(),
  handle: z.string(),
  avatar: optionalText,
});

const threadPostSchema = z.object({
  // Some exporters number their posts; ids are strings in the Document.
  id: z.union([z.string(), z.number().transform(String)]).nullish().transform((v) => v ?? undefined),
  author: authorInputSchema,
  // Markup roughly doubles a post's size, so its cap is twice the text's.
  html: optionalText.superRefine((v, ctx) => checkPostText(v, 2 * MAX_POST_CHARS, ctx)),
  text: optionalText.superRefine((v, ctx) => checkPostText(v, MAX_POST_CHARS, ctx)),
  media: z.array(mediaInputSchema).nullish().transform((v) => v ?? undefined),
});

/** Our own thread file: what thread tools and `spool import` write and users edit by hand. */
export const threadFileSchema = z.object({
  lang: langSchema.nullish().transform((v) => v ?? undefined),
  dir: dirSchema.nullish().transform((v) => v ?? undefined),
  title: optionalText,
  subtitle: z.string().max(1000, 'a subtitle is at most 1,000 characters').nullish().transform((v) => v ?? undefined),
  date: z.string().max(100, 'a date is at most 100 characters').nullish().transform((v) => v ?? undefined),
  url: optionalText,
  posts: z.array(threadPostSchema).min(1).superRefine(checkPostCount),
});

export type ThreadFile = z.output<typeof threadFileSchema>;
export type ThreadFilePost = ThreadFile['posts'][number];

export const spanSchema = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  code: z.boolean().optional(),
  href: z.string().optional(),
  tag: z.enum(['mention', 'hashtag', 'url']).optional(),
});

export const blockSchema = z.object({
  type: z.enum(['paragraph', 'heading', 'listItem', 'quote', 'code', 'table', 'math']),
  spans: z.array(spanSchema),
  level: z.number().int().min(1).max(3).optional(),
  ordered: z.boolean().optional(),
  ordinal: z.number().int().optional(),
  lang: z.string().max(40).optional(),
  tex: z.string().max(4000).optional(),
  cells: z.array(z.array(z.array(spanSchema)).max(MAX_TABLE_COLUMNS)).max(MAX_TABLE_ROWS).optional(),
  cellAlign: z.array(z.enum(['left', 'center', 'right'])).max(MAX_TABLE_COLUMNS).optional(),
});

export const mediaSchema = z.object({
  type: z.literal('image'),
  src: z.string().min(1),
  alt: z.string().optional(),
});

export const authorSchema = z.object({ name: z.string(), handle: z.string(), avatar: z.string().optional() });

const postSchema = z.object({
  id: z.string(),
  author: authorSchema,
  blocks: z.array(blockSchema),
  media: z.array(mediaSchema),
  from: z.array(z.number().int().min(0)).max(MAX_SOURCE_BLOCKS).optional(),
}).superRefine(checkPostLength);

/** An article's text blocks kept beside its condensed posts; as large as a document's posts may be. */
const sourceSchema = z.object({ blocks: z.array(blockSchema).max(MAX_SOURCE_BLOCKS) });

export const documentSchema = z.object({
  schemaVersion: z.literal(DOCUMENT_SCHEMA_VERSION),
  title: z.string().optional(),
  subtitle: z.string().max(1000).optional(),
  date: z.string().max(100).optional(),
  url: z.string().optional(),
  lang: langSchema.optional(),
  dir: dirSchema.optional(),
  posts: z.array(postSchema).superRefine(checkPostCount),
  source: sourceSchema.optional(),
});

// Compile-time guard that the schema and the hand-written model never drift apart.
type SchemaDocument = z.output<typeof documentSchema>;
const _sameShape: (d: SchemaDocument) => SpoolDocument = (d) => d;
const _sameShapeBack: (d: SpoolDocument) => SchemaDocument = (d) => d;
void _sameShape;
void _sameShapeBack;

/** Validates a parsed thread file; `file` names it in errors (`kd.json: posts[3].author.handle: required`). */
export function parseThreadFile(json: unknown, file: string): ThreadFile {
  // Refused before zod walks every post, so an enormous file costs one length check.
  const tooMany = tooManyPosts(json);
  if (tooMany) throw new SpoolInputError(file, [tooMany]);
  const result = threadFileSchema.safeParse(json);
  if (!result.success) throw new SpoolInputError(file, zodIssuesToInputIssues(result.error.issues));
  return result.data;
}

/** Validates a Document from disk, the network or an importer; `where` names its origin in errors. */
export function parseDocument(json: unknown, where: string): SpoolDocument {
  const version = isRecord(json) ? json.schemaVersion : undefined;
  if (typeof version === 'number' && version > DOCUMENT_SCHEMA_VERSION) {
    throw new SpoolInputError(where, [
      { path: 'schemaVersion', message: `version ${version} is newer than this Spool reads (${DOCUMENT_SCHEMA_VERSION})` },
    ]);
  }
  const tooMany = tooManyPosts(json);
  if (tooMany) throw new SpoolInputError(where, [tooMany]);
  const result = documentSchema.safeParse(json);
  if (!result.success) throw new SpoolInputError(where, zodIssuesToInputIssues(result.error.issues));
  return result.data;
}

/** True when JSON looks like a saved Document rather than a thread file. */
export function isDocumentJson(json: unknown): boolean {
  return isRecord(json) && 'schemaVersion' in json;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
