/**
 * The text of one X post, as the archive or the API gives it, turned into Document blocks.
 *
 * Both sources hand over the same raw material: text with `&amp;`-style escapes, t.co short links
 * whose real targets sit in the entities, and one trailing t.co link per post standing for the
 * attached media. Slides should show where a link goes, not t.co, and never the media link.
 */
import type { Block, Span } from '../model/document.js';
import { decodeEntities } from '../formats/markup.js';
import { cleanText, lineToBlock } from './line-rules.js';
import { linkify } from '../model/linkify.js';
import { repairMojibake, type CodePage } from './repair.js';

export interface TweetLink {
  /** The t.co form found in the text. */
  url: string;
  expandedUrl?: string;
}

export interface TweetTextInput {
  text: string;
  links: readonly TweetLink[];
  /** t.co links that stand for attached photos or videos; they are dropped from the text. */
  mediaLinks: readonly string[];
  /** 1-based place in the thread, so a leading `3/` marker is known to be numbering. */
  position?: number;
}

export interface TweetBody {
  blocks: Block[];
  /** The text had mis-decoded characters that could not be recovered. */
  unrecoverable: boolean;
  repaired: boolean;
  /** A 🧵 was taken off the text, which the import says. */
  threadEmojiRemoved: boolean;
}

const TCO = /https?:\/\/t\.co\/[A-Za-z0-9]+/g;

export function tweetBlocks(input: TweetTextInput, codePage?: CodePage): TweetBody {
  const repair = repairMojibake(decodeEntities(input.text), codePage ? { codePage } : {});
  const media = new Set(input.mediaLinks);
  const raw = repair.text.replace(TCO, (link) => (media.has(link) ? '' : link));
  const text = stripThreadMarkers(raw, input.position);
  const threads = (s: string) => s.match(/🧵/gu)?.length ?? 0;
  const targets = new Map(input.links.map((l) => [l.url, l.expandedUrl ?? l.url]));
  // Posts have no paragraphs, only line breaks, which people use as paragraphs; the shared line
  // rules make `- ` and `1. ` lines list items here exactly as in pasted threads.
  const blocks = text.split(/\r\n|\r|\n/).flatMap((line) => {
    const block = lineToBlock(lineSpans(cleanText(line), targets));
    return block ? [block] : [];
  });
  return { blocks, unrecoverable: repair.unrecoverable, repaired: repair.repaired, threadEmojiRemoved: threads(text) < threads(raw) };
}

function lineSpans(line: string, targets: Map<string, string>): Span[] {
  const spans: Span[] = [];
  let at = 0;
  for (const match of line.matchAll(TCO)) {
    const target = targets.get(match[0]);
    if (!target) continue;
    if (match.index > at) spans.push(...linkify(line.slice(at, match.index)));
    spans.push({ text: shortUrl(target), href: target, tag: 'url' });
    at = match.index + match[0].length;
  }
  if (at < line.length) spans.push(...linkify(line.slice(at)));
  return spans;
}

/** What a reader needs to recognise a link on a slide: host and path, without the scheme. */
export function shortUrl(url: string, max = 40): string {
  const bare = url.replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/$/, '');
  return bare.length > max ? `${bare.slice(0, max - 1)}…` : bare;
}

/**
 * Thread numbering (`3/`, `3/12`, `(3/12)`, a 🧵) says nothing on a slide, where the carousel
 * numbers itself. A number is only taken for numbering when it is this post's place in the thread,
 * so a post that starts with `1/2 cup of flour` keeps it unless it is the first post.
 */
/** The warning for a post whose thread emoji (🧵, 👇) was taken off. */
export function threadEmojiWarning(place: string, marker = '🧵'): string {
  return `${place}: removed the thread marker ${marker}; a carousel shows it is a series by itself`;
}

export function stripThreadMarkers(text: string, position?: number): string {
  let out = text.trim().replace(/^🧵\s*/u, '').replace(/\s*🧵$/u, '');
  if (position !== undefined) {
    const lead = /^[([]?(\d{1,3})\s?\/\s?(\d{1,3})?[)\]]?(?=\s|$)\s*/.exec(out);
    if (lead && Number(lead[1]) === position) out = out.slice(lead[0].length);
    const tail = /\s+[([]?(\d{1,3})\s?\/\s?(\d{1,3})?[)\]]?$/.exec(out);
    if (tail && Number(tail[1]) === position && tail.index > 0) out = out.slice(0, tail.index);
    out = out.replace(/^🧵\s*/u, '').replace(/\s*🧵$/u, '');
  }
  return out.trim();
}
