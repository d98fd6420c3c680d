import type { SpoolDocument } from '../model/document.js';
import type { FetchGuardOptions } from './fetch-guard.js';

/** What the pure parsers return: a Document and what the user should know about it. */
export interface DocumentWithWarnings {
  document: SpoolDocument;
  /** Human-readable, each naming its place (`posts[2]: ...`); never fatal. */
  warnings: string[];
}

/** What every importer returns: a validated Document, its warnings, and where its relative paths start. */
export interface ImportResult extends DocumentWithWarnings {
  /** Folder that relative media and avatar paths are resolved against (the input file's folder). */
  baseDir?: string;
}

/** The kinds `importSource` can read; `kind` in the options forces one instead of detecting it. */
export type SourceKind =
  | 'thread-file' // our JSON thread file
  | 'document' // a saved Document (JSON with schemaVersion)
  | 'pasted' // pasted thread text
  | 'article' // plain article text
  | 'markdown'
  | 'html' // an HTML file
  | 'url' // any other http(s) page, fetched and read as an article
  | 'x-api' // an X post URL, read through the X API
  | 'bluesky' // a Bluesky post URL, read through the public AppView API
  | 'mastodon' // a Mastodon status URL, read through its server's API
  | 'x-archive'; // an X data archive (.zip, folder or tweets.js)

/** Limits for cutting long articles into slide-sized posts. */
export interface SplitOptions {
  /** A post with this many words takes no further paragraph unless the rest of its section fits too. Default 60. */
  minWords?: number;
  /** Never more than this many words in a post unless one sentence is longer. Default 90. */
  maxWords?: number;
}

/**
 * Articles (text, Markdown, HTML, a URL): `true` or `{ slides }` condenses them into a carousel of key
 * points (8-12 slides by default); `false` or absent keeps every paragraph.
 */
export type CondenseChoice = boolean | { slides?: number };

/** Who wrote a source that doesn't say so itself (pasted text, articles, Markdown without front matter). */
export interface AuthorOptions {
  author?: string;
  handle?: string;
  avatar?: string;
}

export interface ImportOptions extends AuthorOptions {
  kind?: SourceKind;
  /** The document's title, over any the source gives (front matter, first heading). */
  title?: string;
  split?: SplitOptions;
  condense?: CondenseChoice;
  /** X archive: the thread to pick (id of any of its posts); default the longest. */
  thread?: string;
  /** X archive: list the threads instead of importing one (the archive importer reports them). */
  list?: boolean;
  /** X archive in a zip: an empty folder to stream its photos into, rather than holding them in memory. */
  archiveMediaDir?: string;
  /** X API bearer token; default `X_BEARER_TOKEN` from the environment. */
  token?: string;
  /**
   * Base URL of the API a post URL is read through: X (default `SPOOL_X_API_BASE` or the public API),
   * Bluesky (`SPOOL_BLUESKY_API_BASE` or the public AppView) or Mastodon (`SPOOL_MASTODON_API_BASE` or the status's server).
   */
  apiBase?: string;
  /** Limits and test hooks for fetching web pages (size, time, redirects, allowed local hosts). */
  fetch?: FetchGuardOptions;
}
