/**
 * An article on its way to posts: its pieces in reading order (blocks and images, with what mojibake
 * repair found in each) and the posts drafted from them. Shared by the importers that read articles
 * and the condenser that picks from them.
 */
import type { Block, MediaRef, Span } from './document.js';

export interface ItemFlags {
  /** Mojibake was repaired in this item's text. */
  repaired?: boolean;
  /** Mojibake that couldn't be repaired remains in this item's text. */
  unrecoverable?: boolean;
}

/** One piece of an article in reading order. */
export type ArticleItem = ({ kind: 'block'; block: Block } | { kind: 'image'; media: MediaRef }) & ItemFlags;

export interface PostDraft {
  blocks: Block[];
  media: MediaRef[];
  /** Condensed posts: the article paragraphs the text came from. */
  from?: number[];
  repaired: boolean;
  unrecoverable: boolean;
}

/** The spans covering [from, to) of the block's text, trimmed at both ends. */
export function sliceSpans(spans: readonly Span[], from: number, to: number): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const span of spans) {
    const end = at + span.text.length;
    const a = Math.max(from, at);
    const b = Math.min(to, end);
    if (b > a) out.push({ ...span, text: span.text.slice(a - at, b - at) });
    at = end;
  }
  while (out.length > 0 && out[0].text.trim() === '') out.shift();
  while (out.length > 0 && out[out.length - 1].text.trim() === '') out.pop();
  if (out.length > 0) {
    out[0] = { ...out[0], text: out[0].text.trimStart() };
    const last = out.length - 1;
    out[last] = { ...out[last], text: out[last].text.trimEnd() };
  }
  return out;
}
