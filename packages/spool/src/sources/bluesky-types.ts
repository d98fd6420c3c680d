/**
 * The parts of `app.bsky.feed.getPostThread` answers the importer reads, as the lexicons describe
 * them (app.bsky.feed.defs, app.bsky.embed.*, app.bsky.richtext.facet). Unions are told apart by
 * `$type`; anything else a newer AppView sends is passed over.
 *
 * Answers are checked as they are read, one node at a time (a thread is a tree a thousand posts
 * deep): what makes a post (its URI, author, text) must have its type, or the post cannot be read;
 * what is only shown beside it (a display name, alt text, links, languages) is dropped when it has
 * the wrong type.
 */
import { z } from 'zod/v3';

export const THREAD_VIEW_POST = 'app.bsky.feed.defs#threadViewPost';
export const NOT_FOUND_POST = 'app.bsky.feed.defs#notFoundPost';
export const BLOCKED_POST = 'app.bsky.feed.defs#blockedPost';

/** A field for show: a string, else nothing. */
const shown = z.string().optional().catch(undefined);

const HANDLE = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export const bskyProfileSchema = z.object({
  did: z.string().regex(/^did:[a-z]+:[A-Za-z0-9._:%-]{1,2000}$/, 'a DID'),
  /** A handle that is not one reads as none: the DID stands in, as the app shows it. */
  handle: z.string().regex(HANDLE).catch('handle.invalid'),
  displayName: shown,
  /** An address, checked where it is used: it must be a web address. */
  avatar: z.unknown(),
});
export type BskyProfile = z.output<typeof bskyProfileSchema>;

/** app.bsky.richtext.facet: a feature over a range of the text's UTF-8 bytes (end exclusive). */
export const bskyFacetSchema = z.object({
  index: z.object({ byteStart: z.number().int(), byteEnd: z.number().int() }),
  features: z.array(z.object({ $type: z.string(), uri: z.string().optional().catch(undefined) }).passthrough()),
});
export type BskyFacet = z.output<typeof bskyFacetSchema>;

/** Facets that cannot be read are passed over: their text stays, as plain text. */
const facetList = z
  .array(z.unknown())
  .optional()
  .catch(undefined)
  .transform((list) => list?.flatMap((facet) => {
    const read = bskyFacetSchema.safeParse(facet);
    return read.success ? [read.data] : [];
  }));

/** app.bsky.feed.post, the record as its author wrote it. */
export const bskyPostRecordSchema = z.object({
  text: z.string().nullish(),
  createdAt: shown,
  facets: facetList,
  langs: z.array(z.string()).optional().catch(undefined),
});
export type BskyPostRecord = z.output<typeof bskyPostRecordSchema>;

/** app.bsky.feed.defs#postView */
export const bskyPostViewSchema = z.object({
  uri: z.string().regex(/^at:\/\/[^/\s]+\/[^/\s]+\/[A-Za-z0-9._:~-]{1,512}$/, 'an at:// URI'),
  author: bskyProfileSchema,
  record: bskyPostRecordSchema,
  /** Read by its `$type`, each kind checked where it is read. */
  embed: z.unknown(),
  replyCount: z.number().optional().catch(undefined),
  indexedAt: shown,
  labels: z
    .array(z.object({ src: z.string(), val: z.string() }).passthrough())
    .optional()
    .catch(undefined),
});
export type BskyPostView = z.output<typeof bskyPostViewSchema>;

/** A node of the thread tree, before its post is checked. */
export const bskyThreadNodeSchema = z
  .object({
    $type: z.string(),
    uri: z.string().optional().catch(undefined),
    post: z.unknown(),
    parent: z.unknown(),
    /** Replies that are not a list are read as replies not given (the node is at the answer's edge). */
    replies: z.array(z.unknown()).optional().catch(undefined),
  })
  .passthrough();
export type BskyThreadNode = z.output<typeof bskyThreadNodeSchema>;

/** app.bsky.feed.defs#threadViewPost with its post read. */
export interface BskyThreadViewPost {
  post: BskyPostView;
  parent?: unknown;
  replies?: unknown[];
}

export const bskyImagesViewSchema = z.object({
  images: z.array(z.object({ fullsize: z.unknown(), alt: shown }).catch({ fullsize: undefined, alt: undefined })),
});

export const bskyExternalViewSchema = z.object({ external: z.object({ uri: z.string() }) });

/** app.bsky.embed.record#viewRecord: a quoted post, its author and its text (its own embeds are not shown). */
export const bskyViewRecordSchema = z.object({
  $type: z.literal('app.bsky.embed.record#viewRecord'),
  author: bskyProfileSchema,
  value: bskyPostRecordSchema,
});

/** app.bsky.embed.record#view: a quoted post, or one that cannot be shown, or a feed, list… quoted. */
export const bskyRecordViewSchema = z.object({ record: z.object({ $type: z.string() }).passthrough() });

export const bskyRecordWithMediaViewSchema = z.object({ record: z.unknown(), media: z.unknown() });
