/**
 * The source half of every tool's arguments: where the content comes from (a path, a URL or pasted
 * text) and the options `spool build` and `spool import` take for reading it.
 */
import path from 'node:path';
import { z } from 'zod';
import { SpoolInputError } from '../errors/input-error.js';
import { blockText, type SpoolDocument } from '../model/document.js';
import { importSource } from '../sources/import.js';
import { kindFromContent, kindFromName } from '../sources/detect.js';
import type { ImportResult, SourceKind } from '../sources/types.js';

const SOURCE_KINDS = ['thread-file', 'document', 'pasted', 'article', 'markdown', 'html', 'url', 'x-api', 'bluesky', 'mastodon', 'x-archive'] as const satisfies readonly SourceKind[];

export const sourceShape = {
  input: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Where the content is: a file path (thread JSON, .txt, .md, .html, an X data archive .zip or folder) or an http(s) URL (an article, or an X, Bluesky or Mastodon post). Relative paths start at the server\'s working directory. Give this or text.',
    ),
  text: z.string().optional().describe('The content itself, pasted: a thread (posts separated by blank lines or numbered 1/, 2/ ...), an article, Markdown or thread JSON. Give this or input.'),
  author: z.string().optional().describe('Author name for sources that do not name one (pasted text, articles).'),
  handle: z.string().optional().describe('Author handle, without @, for sources that do not name one.'),
  thread: z.string().optional().describe('X archive only: the id of any post of the thread to use (default the longest thread).'),
  kind: z.enum(SOURCE_KINDS).optional().describe('Force the input kind instead of detecting it from the name and content.'),
  slides: z.number().int().min(3).max(60).optional().describe('Articles: condense to about this many slides (default 8-12 by length).'),
  full: z.boolean().optional().describe('Articles: keep every paragraph, cut into slide-sized posts, instead of condensing.'),
};

export interface SourceArgs {
  input?: string;
  text?: string;
  author?: string;
  handle?: string;
  thread?: string;
  kind?: SourceKind;
  slides?: number;
  full?: boolean;
}

/** The source the arguments name, read and validated as `spool build` reads it. */
export async function readToolSource(args: SourceArgs): Promise<ImportResult> {
  if (args.full && args.slides !== undefined) throw new SpoolInputError('slides', 'slides and full: choose one (full keeps every paragraph)');
  return importSource(sourceOf(args), {
    author: args.author,
    handle: args.handle,
    thread: args.thread,
    kind: args.kind,
    condense: args.full ? false : args.slides === undefined ? true : { slides: args.slides },
  });
}

/** A name for the source in summaries and error messages, as the CLI names a file by its base name. */
export function sourceName(args: SourceArgs): string {
  return args.input === undefined ? 'text' : path.basename(args.input);
}

function sourceOf(args: SourceArgs): string | { text: string; name: string } {
  if (args.input !== undefined && args.text !== undefined) throw new SpoolInputError('input', 'give input or text, not both');
  if (args.text !== undefined) return { text: args.text, name: 'text' };
  if (args.input === undefined) throw new SpoolInputError('input', 'required: a file path or URL in input, or the content itself in text');
  // Stdin carries the protocol here: it holds no content to read.
  if (args.input === '-') throw new SpoolInputError('input', '"-" reads stdin, which carries the protocol here; give the content in text');
  return args.input;
}

/** How many posts' text a summary quotes, and how much of each. */
const QUOTED_POSTS = 3;
const QUOTED_CHARS = 280;

/** What an import found, short enough to read at a glance: the kind, the title, the posts, how the first ones open. */
export function documentSummary(document: SpoolDocument, args: SourceArgs) {
  return {
    kind: kindOf(args),
    condensed: document.source !== undefined,
    title: document.title ?? null,
    ...(document.subtitle ? { subtitle: document.subtitle } : {}),
    ...(document.url ? { url: document.url } : {}),
    ...(document.lang ? { lang: document.lang } : {}),
    posts: document.posts.length,
    authors: [...new Set(document.posts.map((p) => `${p.author.name} (@${p.author.handle})`))],
    images: document.posts.reduce((n, p) => n + p.media.length, 0),
    firstPosts: document.posts.slice(0, QUOTED_POSTS).map((p) => {
      const text = p.blocks.map(blockText).join('\n');
      const chars = [...text];
      return { id: p.id, text: chars.length > QUOTED_CHARS ? `${chars.slice(0, QUOTED_CHARS - 1).join('')}…` : text, images: p.media.length };
    }),
  };
}

/**
 * The input kind as its name (or pasted content) shows it: `text` for a text file whose shape chose
 * its reader, `file` for one whose name says nothing.
 */
function kindOf(args: SourceArgs): string {
  if (args.kind) return args.kind;
  if (args.text !== undefined) return kindFromContent(args.text);
  return (args.input === undefined ? undefined : kindFromName(args.input)) ?? 'file';
}
