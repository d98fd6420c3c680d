/**
 * Bare URLs, @mentions and #hashtags in post text, turned into styled spans the way X shows them.
 * Only plain text is scanned: existing links and code keep their text as written.
 */
import type { Block, Span } from './document.js';

type Marks = Omit<Span, 'text'>;

// One pass, leftmost match first, so a `#` or `@` inside a URL stays part of the URL.
const CANDIDATE = /(?:https?:\/\/|www\.)[^\s<>"]+|[@＠][A-Za-z0-9_]+|[#＃][\p{L}\p{M}\p{N}_]+/giu;

/** X refuses mentions and hashtags glued to these (`a@b.com`, `AT&T#1`, `x#y`). */
const MENTION_BLOCKER = /[A-Za-z0-9_!@#$%&*＠]/;
const HASHTAG_BLOCKER = /[\p{L}\p{N}_&#＃]/u;
const URL_BLOCKER = /[\p{L}\p{N}_@.\/]/u;
const TRAILING_PUNCTUATION = '.,;:!?\'"’”»…)]}*_';

export function linkify(text: string, marks: Marks = {}): Span[] {
  const spans: Span[] = [];
  let at = 0;
  const plain = (end: number) => {
    if (end > at) spans.push({ text: text.slice(at, end), ...marks });
  };
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index;
    if (start < at) continue;
    const found = classify(match[0], text[start - 1] ?? '', text[start + match[0].length] ?? '');
    if (!found) continue;
    plain(start);
    spans.push({ ...marks, text: found.text, href: found.href, tag: found.tag });
    at = start + found.text.length;
  }
  plain(text.length);
  return spans;
}

/** Linkifies the plain spans of a run, leaving links and code as they are. */
export function linkifySpans(spans: readonly Span[]): Span[] {
  return spans.flatMap((span) => {
    if (span.href || span.code) return [span];
    const { text, ...marks } = span;
    return linkify(text, marks);
  });
}

export function linkifyBlocks(blocks: readonly Block[]): Block[] {
  return blocks.map((block) => ({ ...block, spans: linkifySpans(block.spans) }));
}

interface Found {
  text: string;
  href: string;
  tag: 'url' | 'mention' | 'hashtag';
}

function classify(raw: string, before: string, after: string): Found | undefined {
  const first = raw[0];
  if (first === '@' || first === '＠') {
    const handle = raw.slice(1);
    if (handle.length > 15 || MENTION_BLOCKER.test(before) || after === '@' || after === '＠') return undefined;
    return { text: raw, href: `https://x.com/${handle}`, tag: 'mention' };
  }
  if (first === '#' || first === '＃') {
    const tag = raw.slice(1);
    if (!/\p{L}/u.test(tag) || HASHTAG_BLOCKER.test(before)) return undefined;
    return { text: raw, href: `https://x.com/hashtag/${encodeURIComponent(tag)}`, tag: 'hashtag' };
  }
  if (URL_BLOCKER.test(before)) return undefined;
  const text = trimUrl(raw);
  const href = /^www\./i.test(text) ? `https://${text}` : text;
  return isWebUrl(href) ? { text, href, tag: 'url' } : undefined;
}

const CLOSER_OPENS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Drops sentence punctuation after a URL, keeping a `)` that closes a `(` inside it (Wikipedia links). */
function trimUrl(raw: string): string {
  let url = raw;
  while (url.length > 0) {
    const last = url[url.length - 1];
    if (!TRAILING_PUNCTUATION.includes(last)) break;
    const opener = CLOSER_OPENS[last];
    if (opener && count(url, opener) >= count(url, last)) break;
    url = url.slice(0, -1);
  }
  return url;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

function isWebUrl(href: string): boolean {
  try {
    const url = new URL(href);
    return (url.protocol === 'http:' || url.protocol === 'https:') && /\.(?:[a-z]{2,}|xn--[a-z0-9-]+)$/i.test(url.hostname);
  } catch {
    return false;
  }
}
