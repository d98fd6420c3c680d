/**
 * Which importer reads an input: first from its name (URL shape, file extension), then, for text whose
 * name says nothing (stdin, `.txt`), from its shape.
 */
import { parseBlueskyPostUrl, parseMastodonStatusUrl } from './social-urls.js';
import type { SourceKind } from './types.js';
import { isTweetsPath, looksLikeArchiveData } from './x-archive-names.js';

const X_STATUS = /^https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com\/(?:i\/web|[A-Za-z0-9_]{1,15})\/status(?:es)?\/\d+/i;

export function isHttpUrl(input: string): boolean {
  return /^https?:\/\//i.test(input.trim());
}

export function isXStatusUrl(input: string): boolean {
  return X_STATUS.test(input.trim());
}

/**
 * The kind a URL or file name announces; `text` means plain text whose shape decides, undefined means
 * the name says nothing and the content must be sniffed.
 */
export function kindFromName(input: string): SourceKind | 'text' | undefined {
  if (isXStatusUrl(input)) return 'x-api';
  if (parseBlueskyPostUrl(input)) return 'bluesky';
  if (parseMastodonStatusUrl(input)) return 'mastodon';
  if (isHttpUrl(input)) return 'url';
  const name = (input.split(/[\\/]/).pop() ?? '').toLowerCase();
  if (name.endsWith('.zip') || isTweetsPath(input)) return 'x-archive';
  if (name.endsWith('.json')) return 'thread-file';
  if (/\.(md|markdown|mdown|mkd|mkdn)$/.test(name)) return 'markdown';
  if (/\.(html?|xhtml)$/.test(name)) return 'html';
  if (/\.(txt|text)$/.test(name)) return 'text';
  return undefined;
}

/** Content sniffing for input without a telling name. */
export function kindFromContent(text: string): SourceKind {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  // An archive's tweets file under a name of its own: its JSON is tweets, never pasted text.
  if (looksLikeArchiveData(head)) return 'x-archive';
  if (head.startsWith('{')) return 'thread-file';
  if (/^<(?:!doctype\s+html|html|head|body|article|main|section|div|p|h1)\b/i.test(head)) return 'html';
  if (/^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.test(head)) return 'markdown';
  if (/^```|\[[^\]\n]+\]\((?:https?:\/\/|\.{0,2}\/)[^)\s]*\)|^#{1,6} \S[^\n]*\n\s*\n/m.test(head) && !looksNumbered(head)) {
    return 'markdown';
  }
  return textShape(head);
}

// Post numbering at the start or end of a line: `1/`, `2/12`, `(3/5)`.
const NUMBERING = /^[([]?\d{1,3} ?\/ ?(?:\d{1,3})?[)\]]?(?:\s|$)|\s[([]?\d{1,3} ?\/ ?\d{0,3}[)\]]?$/m;

function looksNumbered(text: string): boolean {
  return text.split(/\r?\n/).filter((line) => NUMBERING.test(line.trim())).length >= 2 || text.includes('🧵');
}

/**
 * Pasted thread or article? Numbering markers or a 🧵 say thread; so do several short blank-line
 * separated chunks (post-sized). Long paragraphs, one per line, are an article.
 */
export function textShape(text: string): 'pasted' | 'article' {
  if (looksNumbered(text)) return 'pasted';
  const chunks = text
    .split(/\r?\n\s*\r?\n/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (chunks.length === 0) return 'pasted';
  const longest = Math.max(...chunks.map((c) => c.length));
  const average = chunks.reduce((sum, c) => sum + c.length, 0) / chunks.length;
  if (chunks.length >= 2 && longest <= 700 && average <= 350) return 'pasted';
  if (chunks.length === 1 && longest <= 350) return 'pasted';
  return 'article';
}
