/**
 * What the Bluesky and Mastodon importers share once a post's text is spans: lines as blocks, thread
 * numbering taken off (the carousel numbers itself), a quoted post shown as a quotation under its
 * author, the author's own replies followed down the thread, and the finished Document.
 */
import { isLanguageTag } from '../model/language.js';
import { DOCUMENT_SCHEMA_VERSION, blockText, type Author, type Block, type Post, type Span, type SpoolDocument } from '../model/document.js';
import { parseDocument } from '../model/schema.js';
import { splitSpansAt } from '../plan/hook.js';
import { cleanText, lineToBlock, type BlockHint } from './line-rules.js';
import { shortUrl, stripThreadMarkers, threadEmojiWarning } from './tweet-text.js';
import type { ImportResult } from './types.js';

/** A network's post as a Document post, and what the import should say about it. */
export interface BuiltPost {
  post: Post;
  warnings: string[];
}

/** A link; styled as an address when its text shows the address (as the networks shorten them), else as linked words. */
export function linkSpan(text: string, href: string): Span {
  const shown = text.replace(/…$/, '').replace(/^https?:\/\//i, '').replace(/^www\./i, '');
  const bare = href.replace(/^https?:\/\//i, '').replace(/^www\./i, '');
  return shown !== '' && bare.startsWith(shown) ? { text, href, tag: 'url' } : { text, href };
}

/** A link a post carries beside its text (a link card), as a line of its own. */
export function linkLine(href: string): Block {
  return { type: 'paragraph', spans: [{ text: shortUrl(href), href, tag: 'url' }] };
}

/** Text with line breaks as spans -> a block a line; the shared line rules (`- `, `1. `) apply. */
export function lineBlocks(spans: readonly Span[]): Block[] {
  const lines: Span[][] = [[]];
  for (const span of spans) {
    span.text.split(/\r\n|\r|\n/).forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== '') lines[lines.length - 1].push({ ...span, text: cleanText(part) });
    });
  }
  return lines.flatMap((line) => {
    const block = lineToBlock(line);
    return block ? [block] : [];
  });
}

/**
 * Thread numbering (`1/`, `3/12`) and a 🧵 at the start or end of a post, taken off the way X posts
 * lose theirs; `place` names the post in the warning a removed 🧵 gets.
 */
export function withoutThreadMarkers(blocks: readonly Block[], position: number, place: string): { blocks: Block[]; warnings: string[] } {
  const text = blocks.map(blockText).join('\n');
  const kept = stripThreadMarkers(text, position);
  if (kept === text.trim()) return { blocks: [...blocks], warnings: [] };
  const threads = (s: string) => s.match(/🧵/gu)?.length ?? 0;
  const warnings = threads(kept) < threads(text) ? [threadEmojiWarning(place)] : [];
  // The markers come off the ends only, so what is kept is one stretch of the text.
  const start = text.indexOf(kept);
  const end = start + kept.length;
  const out: Block[] = [];
  let at = 0;
  for (const block of blocks) {
    const length = blockText(block).length;
    const from = Math.max(0, start - at);
    const to = Math.min(length, end - at);
    if (to > from) {
      const spans = splitSpansAt(splitSpansAt(block.spans, to)[0], from)[1];
      const cut = block.type === 'code' ? { ...block, spans } : lineToBlock(spans, hintOf(block));
      if (cut) out.push(cut);
    }
    at += length + 1;
  }
  return { blocks: out, warnings };
}

/** The hint that makes `lineToBlock` give back a block of the same type. */
function hintOf(block: Block): BlockHint {
  if (block.type === 'heading') return { type: 'heading', level: block.level ?? 1 };
  if (block.type === 'listItem') return { type: 'listItem', ordered: !!block.ordered, ordinal: block.ordinal };
  return { type: block.type === 'quote' ? 'quote' : 'paragraph' };
}

/** A quoted post as a quotation: its author's name and `@handle` (stored bare), then its lines. */
export function quotation(author: Author, blocks: readonly Block[]): Block[] {
  const handle = author.handle ? `@${author.handle.replace(/^@/, '')}` : '';
  const byline: Span[] = [{ text: author.name || handle, bold: true }];
  if (author.name && handle) byline.push({ text: ` ${handle}` });
  return [{ type: 'quote', spans: byline }, ...blocks.map((block): Block => (block.type === 'code' ? block : { type: 'quote', spans: block.spans }))];
}

/**
 * The author's thread below a post: at each step the earliest of the author's own replies; later
 * ones branch off and are counted, replies by others are not part of the thread.
 */
export function earliestReply<T>(replies: readonly T[], time: (reply: T) => number): { next?: T; others: T[] } {
  const sorted = [...replies].sort((a, b) => time(a) - time(b));
  return { next: sorted[0], others: sorted.slice(1) };
}

/**
 * Posts one import keeps: a thread far past any carousel, and far below what a Document may hold,
 * so a server that chains posts without end costs a bounded amount of work.
 */
export const MAX_THREAD_POSTS = 500;

/**
 * The posts of the chain that were read past the cap, counted along what the answers carried
 * (`next`) without asking again; `more` when the chain may go on past the last of them.
 */
export function countBeyond<T>(
  first: T,
  next: (post: T) => T | undefined,
  key: (post: T) => string,
  seen: ReadonlySet<string>,
  goesOn: (post: T) => boolean,
): { count: number; more: boolean } {
  const counted = new Set(seen);
  let count = 0;
  let last = first;
  for (let post: T | undefined = first; post && !counted.has(key(post)); post = next(post)) {
    counted.add(key(post));
    count++;
    last = post;
  }
  return { count, more: goesOn(last) };
}

/** The cap reached: how many posts were left out, on which side of which post. */
export function capWarning(left: { count: number; more: boolean }, side: 'before' | 'after', id: string): string {
  const posts = `${left.count}${left.more ? ' or more' : ''} post${left.count === 1 && !left.more ? '' : 's'}`;
  return `the thread is longer than ${MAX_THREAD_POSTS} posts, the most one import keeps: left out ${posts} ${side} post ${id}`;
}

/** A post whose parent is already in the thread: the answers loop, and the thread starts at it. */
export function loopWarning(id: string, parent: string): string {
  return parent === id
    ? `post ${id} is given as a reply to itself; the thread starts at it`
    : `post ${id} is given as a reply to post ${parent}, which is already in the thread; the thread starts at post ${id}`;
}

export function branchWarning(count: number): string[] {
  return count > 0 ? [`left out ${count} of the author's replies that branch off the thread; it follows the earliest reply at each step`] : [];
}

/**
 * A network's posts as a validated Document with no title: the thread is the posts. `langs` are
 * the languages its posts say they are in; the most common one is the document's.
 */
export function threadResult(url: string, posts: Post[], warnings: string[], place: string, langs: readonly (string | null | undefined)[] = []): ImportResult {
  const document: SpoolDocument = { schemaVersion: DOCUMENT_SCHEMA_VERSION, url, posts };
  const lang = commonest(langs.filter((l): l is string => !!l && isLanguageTag(l)));
  if (lang) document.lang = lang;
  return { document: parseDocument(document, place), warnings };
}

function commonest(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** An absolute http(s) address, as an image or an avatar must be: never a path on this machine. */
export function webAddress(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!/^https?:\/\/[^/]/i.test(text) || !URL.canParse(text)) return undefined;
  return text;
}

/** An address an answer gave for an image or avatar that is not a web address, quoted for a warning. */
export function quotedAddress(value: unknown): string {
  if (typeof value !== 'string') return `it is ${value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`}`;
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

/** Milliseconds since the epoch of an ISO time, 0 when it has none. */
export function timeOf(iso: string | null | undefined): number {
  return Date.parse(iso ?? '') || 0;
}
