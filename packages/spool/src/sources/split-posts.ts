/**
 * Articles come as long paragraphs under headings; carousels want one slide-sized post at a time.
 * Each heading becomes a heading-only post (the planner turns it into a section slide or the next
 * slide's title), the paragraphs under it are packed together while they fit, and a paragraph too long
 * for one post is cut at sentence boundaries into pieces of even length.
 */
import type { Block } from '../model/document.js';
import { sliceSpans, type ArticleItem, type PostDraft } from '../model/article-items.js';
import { blockText } from '../model/document.js';
import { countWords, sentenceStarts } from '../model/sentences.js';
import type { SplitOptions } from './types.js';

export { sliceSpans, type ArticleItem, type ItemFlags, type PostDraft } from '../model/article-items.js';

export const DEFAULT_SPLIT: Required<SplitOptions> = { minWords: 60, maxWords: 90 };

export function splitIntoPosts(items: readonly ArticleItem[], opts: SplitOptions = {}): PostDraft[] {
  const maxWords = Math.max(10, opts.maxWords ?? DEFAULT_SPLIT.maxWords);
  const minWords = Math.min(maxWords, Math.max(1, opts.minWords ?? DEFAULT_SPLIT.minWords));
  const pieces = items.map((item) => (item.kind === 'block' && item.block.type !== 'heading' ? cutBlock(item.block, maxWords) : []));
  const sizes = pieces.map((list) => list.map((b) => countWords(blockText(b))));
  // Words from each item to the end of its section (the next heading or image).
  const sectionRest: number[] = new Array(items.length + 1).fill(0);
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    sectionRest[i] = item.kind === 'block' && item.block.type !== 'heading' ? sum(sizes[i]) + sectionRest[i + 1] : 0;
  }

  const drafts: PostDraft[] = [];
  let current: PostDraft | undefined;
  let words = 0;
  const flush = () => {
    if (current && (current.blocks.length > 0 || current.media.length > 0)) drafts.push(current);
    current = undefined;
    words = 0;
  };
  const add = (item: ArticleItem, block?: Block) => {
    current ??= { blocks: [], media: [], repaired: false, unrecoverable: false };
    if (block) current.blocks.push(block);
    if (item.kind === 'image') current.media.push(item.media);
    current.repaired ||= !!item.repaired;
    current.unrecoverable ||= !!item.unrecoverable;
  };

  items.forEach((item, i) => {
    if (item.kind === 'image' || item.block.type === 'heading') {
      flush();
      add(item, item.kind === 'block' ? item.block : undefined);
      flush();
      return;
    }
    pieces[i].forEach((piece, k) => {
      const n = sizes[i][k];
      const rest = sum(sizes[i].slice(k)) + sectionRest[i + 1];
      // Full when the piece won't fit, or when the post has its share and the section won't fit anyway.
      if (words > 0 && (words + n > maxWords || (words >= minWords && words + rest > maxWords))) flush();
      add(item, piece);
      words += n;
    });
  });
  flush();
  return drafts;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * A block that fits stays whole. A longer one is cut at sentence boundaries into as few pieces as the
 * limit allows, made as even as the sentences allow (no 80 + 80 + 20).
 */
export function cutBlock(block: Block, maxWords: number): Block[] {
  const text = blockText(block);
  if (countWords(text) <= maxWords) return [block];
  const bounds = [0, ...sentenceStarts(text), text.length];
  const sentences = bounds.slice(0, -1).map((from, i) => countWords(text.slice(from, bounds[i + 1])));
  const fewest = packSentences(sentences, maxWords).length;
  let cuts = packSentences(sentences, maxWords);
  for (let cap = Math.ceil(sum(sentences) / fewest); cap < maxWords; cap++) {
    const tried = packSentences(sentences, cap);
    if (tried.length <= fewest) {
      cuts = tried;
      break;
    }
  }
  if (cuts.length <= 1) return [block];
  const ranges = [...cuts.map((sentence) => bounds[sentence]), text.length];
  return ranges.slice(0, -1).map((from, i) => {
    const spans = sliceSpans(block.spans, from, ranges[i + 1]);
    if (i === 0) return { ...block, spans };
    // Only the first piece carries the bullet or number; the rest continue the same item.
    return block.type === 'listItem' ? { type: 'paragraph', spans } : { ...block, spans };
  });
}

/** Index of the first sentence of each piece when sentences are packed greedily under `cap` words. */
function packSentences(sentences: readonly number[], cap: number): number[] {
  const starts: number[] = [];
  let words = 0;
  sentences.forEach((n, i) => {
    if (i === 0 || words + n > cap) {
      starts.push(i);
      words = 0;
    }
    words += n;
  });
  return starts;
}
