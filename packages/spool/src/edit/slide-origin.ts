/**
 * Where a condensed slide's words came from, and swapping them: the article paragraphs its posts
 * record, each cut into sentences marked by whether the slide says them, and the slide body made
 * from the sentences a user picks (a neighbouring one in, one out, or the whole paragraph).
 */
import type { Block, Span, SpoolDocument } from '../model/document.js';
import { blockText } from '../model/document.js';
import type { Deck, Slide } from '../model/deck.js';
import { sentencesOf } from '../condense/outline.js';
import { updateSlide } from './slide-actions.js';

export interface OriginSentence {
  spans: Span[];
  text: string;
  /** The slide says this sentence (or the start of it, cut short with "…"). */
  used: boolean;
}

export interface OriginParagraph {
  /** Its index in the document's source blocks. */
  index: number;
  /** The heading of the section it is in, for context. */
  section?: string;
  sentences: OriginSentence[];
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The source paragraphs behind a slide, in reading order; empty for a slide not made from an article. */
export function slideOrigin(document: SpoolDocument, slide: Pick<Slide, 'postIds' | 'blocks'>): OriginParagraph[] {
  const blocks = document.source?.blocks;
  if (!blocks) return [];
  const from = new Set<number>();
  for (const post of document.posts) if (slide.postIds.includes(post.id)) for (const i of post.from ?? []) from.add(i);
  const said = squash(slide.blocks.map(blockText).join(' '));
  const pieces = said.split('…').map((p) => p.trim()).filter((p) => p.length >= 12);
  return [...from]
    .sort((a, b) => a - b)
    .filter((i) => blocks[i] && blocks[i].type === 'paragraph')
    .map((index) => ({
      index,
      section: sectionOf(blocks, index),
      sentences: sentencesOf(blocks[index], index).map((s) => {
        const text = squash(s.text);
        return { spans: s.spans, text, used: said.includes(text) || pieces.some((p) => text.startsWith(p)) };
      }),
    }));
}

function sectionOf(blocks: readonly Block[], index: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) if (blocks[i].type === 'heading') return squash(blockText(blocks[i]));
  return undefined;
}

export interface OriginPick {
  index: number;
  /** Sentence positions in that paragraph to keep, or 'all' for the paragraph whole. */
  sentences: number[] | 'all';
}

/** A slide body made of the picked sentences, one paragraph per source paragraph, in reading order. */
export function bodyFromOrigin(document: SpoolDocument, picks: readonly OriginPick[]): Block[] {
  const blocks = document.source?.blocks ?? [];
  return [...picks]
    .sort((a, b) => a.index - b.index)
    .flatMap((pick): Block[] => {
      const block = blocks[pick.index];
      if (!block) return [];
      if (pick.sentences === 'all') return [{ type: 'paragraph', spans: block.spans.map((s) => ({ ...s })) }];
      const keep = new Set(pick.sentences);
      const spans: Span[] = [];
      for (const s of sentencesOf(block, pick.index)) {
        if (!keep.has(s.index)) continue;
        if (spans.length) spans.push({ text: ' ' });
        spans.push(...s.spans);
      }
      return spans.length ? [{ type: 'paragraph', spans }] : [];
    });
}

/** The slide's body replaced by sentences of its article; its title, layout and images stay. */
export function applyOriginText(deck: Deck, args: { slideId: string; document: SpoolDocument; picks: readonly OriginPick[] }): Deck {
  const blocks = bodyFromOrigin(args.document, args.picks);
  if (blocks.length === 0) return deck;
  return updateSlide(deck, args.slideId, (slide) => ({ ...slide, blocks }));
}
