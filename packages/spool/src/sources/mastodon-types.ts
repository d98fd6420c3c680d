/**
 * The parts of Mastodon API entities the importer reads (Status, Account, MediaAttachment and
 * Context, as GET /api/v1/statuses/:id and /context return them). Other servers that speak the
 * Mastodon API (GoToSocial, Pleroma, Akkoma…) answer in the same shapes.
 *
 * A server is whatever host the user's URL names, so its answers are checked before they are read:
 * what makes a post (ids, the author, the text, the attachments) must have its type, or the status
 * cannot be read; what is only shown beside it (a display name, alt text, a language) is dropped
 * when it has the wrong type.
 */
import { z } from 'zod/v3';

/** A field for show: a string, else nothing. */
const shown = z.string().nullish().catch(undefined);
const id = z.string().min(1).max(200);

export const mastodonAccountSchema = z.object({
  /** Local to the server answering: the same person has another id on another server. */
  id,
  username: z.string().catch(''),
  /** `user` for an account of this server, `user@home.server` for one from elsewhere. */
  acct: z.string().min(1).max(400),
  display_name: shown,
  url: shown,
  /** Addresses, checked where they are used: they must be web addresses. */
  avatar: z.unknown(),
  avatar_static: z.unknown(),
});
export type MastodonAccount = z.output<typeof mastodonAccountSchema>;

/** An attachment that cannot be read is one that is left out, with a warning, not a broken post. */
const UNREADABLE_MEDIA = { type: 'unreadable', url: undefined, remote_url: undefined, description: undefined } as const;

export const mastodonMediaSchema = z
  .object({
    /** `image`, `gifv`, `video`, `audio`, `unknown`. */
    type: z.string(),
    url: z.unknown(),
    /** For media of a status from another server that this one has not copied. */
    remote_url: z.unknown(),
    /** Alt text. */
    description: shown,
  })
  .catch(UNREADABLE_MEDIA);
export type MastodonMedia = z.output<typeof mastodonMediaSchema>;

export const mastodonStatusSchema = z.object({
  id,
  uri: shown,
  url: shown,
  created_at: shown,
  account: mastodonAccountSchema,
  /** HTML. */
  content: z.string().nullish(),
  /** The content warning; empty when there is none. */
  spoiler_text: z.string().nullish(),
  /** ISO 639 code of the text, when the server knows it. */
  language: shown,
  in_reply_to_id: id.nullish(),
  in_reply_to_account_id: z.string().nullish().catch(undefined),
  replies_count: z.number().nullish().catch(undefined),
  media_attachments: z.array(mastodonMediaSchema).nullish(),
  /** Set on a boost: only whether there is one is read. */
  reblog: z.unknown(),
  poll: z.unknown(),
});
export type MastodonStatus = z.output<typeof mastodonStatusSchema>;

export interface MastodonContext {
  /** From the thread's first post down to the status's parent. */
  ancestors: unknown[];
  /** Every reply below the status, depth first. */
  descendants: unknown[];
}

/** `{ "error": "Record not found" }` */
export interface MastodonError {
  error?: string;
  error_description?: string;
}
