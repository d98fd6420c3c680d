/**
 * The words that go with a carousel in the feed: the hook, a line of context, and the source's own
 * hashtags, within each platform's limit. Nothing is made up: every word comes from the deck.
 */
import type { Deck, Slide } from '../model/deck.js';
import { blockText, spansText, type Span } from '../model/document.js';

/** LinkedIn's limit for a post's commentary. */
export const LINKEDIN_CAPTION_LIMIT = 3000;
/** Instagram's limits for a caption. */
export const INSTAGRAM_CAPTION_LIMIT = 2200;
export const INSTAGRAM_MAX_HASHTAGS = 30;
/** More than a few hashtags reads as spam on both platforms. */
const HASHTAGS_SHOWN = 5;

export type Platform = 'linkedin' | 'instagram';

export const CAPTION_LIMITS: Record<Platform, number> = { linkedin: LINKEDIN_CAPTION_LIMIT, instagram: INSTAGRAM_CAPTION_LIMIT };

export interface Captions {
  linkedin: string;
  instagram: string;
}

/** Both captions for a deck, each within its platform's limit. */
export function captionsFor(deck: Deck): Captions {
  return { linkedin: captionFor(deck, 'linkedin'), instagram: captionFor(deck, 'instagram') };
}

export function captionFor(deck: Deck, platform: Platform): string {
  const hook = hookOf(deck);
  const context = contextOf(deck, hook);
  const tags = hashtagsOf(deck).slice(0, HASHTAGS_SHOWN).join(' ');
  // Instagram shows no links in captions; LinkedIn readers can follow the source.
  const link = platform === 'linkedin' && deck.url ? `Source: ${deck.url}` : '';
  const limit = CAPTION_LIMITS[platform];
  const tail = [link, tags].filter(Boolean).join('\n\n');
  const room = limit - (tail ? tail.length + 2 : 0);
  const head = cutToFit([hook, context].filter(Boolean).join('\n\n'), Math.max(0, room));
  return [head, tail].filter(Boolean).join('\n\n');
}

/** What the user wrote for a platform, checked against its limits; the message says what to cut. */
export function checkCaption(text: string, platform: Platform): string | undefined {
  const limit = CAPTION_LIMITS[platform];
  const length = [...text].length;
  if (length > limit) return `the ${platform === 'linkedin' ? 'LinkedIn' : 'Instagram'} text is ${length} characters; it takes at most ${limit}: cut ${length - limit}`;
  if (platform === 'instagram') {
    const tags = text.match(/(^|\s)#[\p{L}\p{N}_]+/gu)?.length ?? 0;
    if (tags > INSTAGRAM_MAX_HASHTAGS) return `the Instagram text has ${tags} hashtags; Instagram takes at most ${INSTAGRAM_MAX_HASHTAGS}`;
  }
  return undefined;
}

/**
 * The cover's headline (what the carousel opens on), else the document's title when it was not cut
 * short, else the first slide's first sentence.
 */
export function hookOf(deck: Deck): string {
  const cover = deck.slides.find((s) => s.kind === 'cover' && s.title?.length);
  if (cover?.title) return oneLine(spansText(cover.title));
  const title = deck.title?.trim();
  if (title && !title.endsWith('…')) return oneLine(title);
  const first = deck.slides.find((s) => s.kind !== 'outro');
  return first ? firstSentence(slideWords(first)) : '';
}

/** The first content slide's opening sentence, when it is not the hook again. */
function contextOf(deck: Deck, hook: string): string {
  for (const slide of deck.slides) {
    if (slide.kind === 'cover' || slide.kind === 'outro' || slide.kind === 'section') continue;
    const text = firstSentence(slideWords(slide));
    if (!text || sameWords(text, hook)) continue;
    return text;
  }
  return '';
}

/** Hashtags the source used, in the order first used, each once (case does not make a new tag). */
export function hashtagsOf(deck: Deck): string[] {
  const seen = new Map<string, string>();
  const visit = (spans: readonly Span[] | undefined) => {
    for (const span of spans ?? []) {
      const tags = span.tag === 'hashtag' ? [span.text] : (span.text.match(/(?<![\p{L}\p{N}_&#])#[\p{L}][\p{L}\p{N}_]*/gu) ?? []);
      for (const tag of tags) if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag.trim());
    }
  };
  for (const slide of deck.slides) {
    visit(slide.title);
    for (const block of slide.blocks) if (block.type !== 'code') visit(block.spans);
  }
  return [...seen.values()];
}

function slideWords(slide: Slide): string {
  const title = slide.title ? spansText(slide.title) : '';
  const body = slide.blocks.filter((b) => b.type !== 'code' && b.type !== 'math' && b.type !== 'table').map(blockText);
  return oneLine([title, ...body].filter(Boolean).join(' '));
}

function firstSentence(text: string): string {
  const m = /^.+?[.!?…](?=\s|$)/u.exec(text);
  const sentence = (m ? m[0] : text).trim();
  return sentence.length > 280 ? cutToFit(sentence, 280) : sentence;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** One says what the other does (or part of it), whatever the punctuation. */
function sameWords(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return norm(a).includes(norm(b)) || norm(b).includes(norm(a));
}

/** Cut at a word boundary with an ellipsis when the text is longer than `limit` characters. */
export function cutToFit(text: string, limit: number): string {
  const chars = [...text];
  if (chars.length <= limit) return text;
  if (limit <= 1) return '';
  const cut = chars.slice(0, limit - 1).join('');
  const at = cut.search(/\s\S*$/);
  return `${(at > limit / 2 ? cut.slice(0, at) : cut).trimEnd()}…`;
}
