import type { Block } from '../model/document.js';
import { blockText } from '../model/document.js';
import { splitSpansAt } from '../plan/hook.js';
import { cutTable } from '../model/table.js';
import type { LayoutContext } from './context.js';
import type { FlowStyle } from './flow.js';
import { blockGap, layoutBlock } from './flow.js';

export interface Take {
  taken: Block[];
  rest: Block[];
}

/**
 * Takes as many blocks as fit in `maxHeight`; a block that straddles the bottom is split at the
 * last sentence end that fits (code at the last line end; a paragraph boundary is preferred; a word boundary, then a character
 * boundary, are the last resorts for a sentence or word longer than a whole page). Never drops text:
 * taken + rest hold every character.
 */
export function takeBlocks(blocks: readonly Block[], ctx: LayoutContext, width: number, style: FlowStyle, maxHeight: number): Take {
  const taken: Block[] = [];
  let used = 0;
  const capacity = pageCapacity(style, width, maxHeight);
  for (let i = 0; i < blocks.length; i++) {
    const gap = taken.length > 0 ? blockGap(style.size) : 0;
    const whole = blocks[i];
    // A block longer than a page could ever hold is only measured up to that much: without this a
    // post of 100,000 characters would be laid out whole again for every page it continues on.
    // A table is cut between rows only (see tableSplit); a huge one is measured whole.
    const long = whole.type !== 'table' && blockText(whole).length > capacity;
    const block = long ? cutBlock(whole, graphemeBefore(blockText(whole), capacity))[0] : whole;
    const height = long ? Infinity : layoutBlock(block, ctx, 0, 0, width, style).height;
    if (used + gap + height <= maxHeight) {
      taken.push(block);
      used += gap + height;
      continue;
    }
    const room = maxHeight - used - gap;
    const fits = (b: Block) => layoutBlock(b, ctx, 0, 0, width, style).height <= room;
    if (whole.type === 'table') {
      const split = splitToFit(whole, fits, rowEnds);
      if (split) return { taken: [...taken, split[0]], rest: [split[1], ...blocks.slice(i + 1)] };
      // No run of rows fits what is left: the table starts the next page, or takes a page of its own.
      return taken.length > 0 ? { taken, rest: blocks.slice(i) } : { taken: [whole], rest: blocks.slice(i + 1) };
    }
    if (long) {
      const split = splitToFit(block, fits, block.type === 'code' ? lineEnds : sentenceEnds) ?? (taken.length === 0 ? splitToFit(block, fits, wordEnds) ?? splitToFit(block, fits, graphemeEnds) : undefined);
      if (split) return { taken: [...taken, split[0]], rest: [restOf(whole, blockText(split[0]).length), ...blocks.slice(i + 1)] };
      if (taken.length > 0) return { taken, rest: blocks.slice(i) };
      const first = splitAtFirst(block);
      const cut = first ? blockText(first[0]).length : blockText(block).length;
      return { taken: [first ? first[0] : block], rest: [restOf(whole, cut), ...blocks.slice(i + 1)] };
    }
    const split =
      splitToFit(block, fits, block.type === 'code' ? lineEnds : sentenceEnds) ??
      (taken.length === 0 ? splitToFit(block, fits, wordEnds) ?? splitToFit(block, fits, graphemeEnds) : undefined);
    if (split) return { taken: [...taken, split[0]], rest: [split[1], ...blocks.slice(i + 1)] };
    if (taken.length === 0) {
      // Not even one word fits the room: take the block's first word anyway so pagination always advances.
      const first = splitAtFirst(block);
      return first ? { taken: [first[0]], rest: [first[1], ...blocks.slice(i + 1)] } : { taken: [block], rest: blocks.slice(i + 1) };
    }
    return { taken, rest: blocks.slice(i) };
  }
  return { taken, rest: [] };
}

type Cuts = (text: string) => number[];

/** Largest prefix, cut at one of `cuts`, that still fits; undefined when none does. */
function splitToFit(block: Block, fits: (b: Block) => boolean, cuts: Cuts): [Block, Block] | undefined {
  const text = blockText(block);
  const ends = cuts(text).filter((e) => e > 0 && e < text.length);
  let lo = 0;
  let hi = ends.length - 1;
  let best: [Block, Block] | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const parts = cutBlock(block, ends[mid]);
    if (fits(parts[0])) {
      best = parts;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

function splitAtFirst(block: Block): [Block, Block] | undefined {
  const text = blockText(block);
  const end = [...wordEnds(text), ...graphemeEnds(text)].find((e) => e > 0 && e < text.length);
  return end === undefined ? undefined : cutBlock(block, end);
}

/**
 * More characters than fit on a page of this size, whatever the text: lines that fit, times a line
 * of the narrowest glyphs (a tenth of the size each; real glyphs are wider).
 */
export function pageCapacity(style: FlowStyle, width: number, height: number): number {
  const size = Math.max(1, style.size);
  const lines = Math.max(1, height / (size * (style.lineHeight ?? 1.2)) + 1);
  return Math.ceil(lines * (width / (size * 0.1) + 1));
}

function graphemeBefore(text: string, limit: number): number {
  let end = 0;
  for (const seg of segmenter('grapheme').segment(text.slice(0, limit + 8))) {
    const next = seg.index + seg.segment.length;
    if (next > limit) break;
    end = next;
  }
  return Math.max(end, 1);
}

/** What remains of a block once its first `offset` characters went on a page. */
function restOf(block: Block, offset: number): Block {
  return cutBlock(block, offset)[1];
}

/** The tail of a split list item or quote continues the same block without repeating its marker. */
function cutBlock(block: Block, offset: number): [Block, Block] {
  if (block.type === 'table') {
    // A table continues between rows, under its header again (rowEnds offers only cuts that leave rows on both sides).
    const parts = cutTable(block, blockText(block).slice(0, offset).split('\n').length);
    if (parts) return parts;
  }
  const [head, tail] = splitSpansAt(block.spans, offset);
  if (block.type === 'code') {
    // Code continues with its indents: only the line break at the cut goes.
    const rest = tail.map((s, i) => (i === 0 ? { ...s, text: s.text.replace(/^\n/, '') } : s)).filter((s) => s.text.length > 0);
    const kept = head.map((s, i) => (i === head.length - 1 ? { ...s, text: s.text.replace(/\n$/, '') } : s));
    return [{ ...block, spans: kept }, { ...block, spans: rest }];
  }
  const trimmed = tail.map((s, i) => (i === 0 ? { ...s, text: s.text.trimStart() } : s)).filter((s) => s.text.length > 0);
  const rest: Block = block.type === 'listItem' ? { type: 'paragraph', spans: trimmed } : { ...block, spans: trimmed };
  return [{ ...block, spans: head }, rest];
}

// Made on first use: building ICU's break iterators costs milliseconds at start-up, and most
// decks never split a block.
const segmenters = new Map<'sentence' | 'word' | 'grapheme', Intl.Segmenter>();
function segmenter(granularity: 'sentence' | 'word' | 'grapheme'): Intl.Segmenter {
  let s = segmenters.get(granularity);
  if (!s) segmenters.set(granularity, (s = new Intl.Segmenter('en', { granularity })));
  return s;
}

function sentenceEnds(text: string): number[] {
  return [...segmenter('sentence').segment(text)].map((s) => s.index + s.segment.length);
}

function wordEnds(text: string): number[] {
  return [...segmenter('word').segment(text)].filter((s) => s.isWordLike).map((s) => s.index + s.segment.length);
}

/** After each line break: where code may continue on the next page. */
/** Where a table may continue on the next page: after its second row or later, before its last. */
function rowEnds(text: string): number[] {
  return lineEnds(text).slice(1);
}

function lineEnds(text: string): number[] {
  const ends: number[] = [];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) ends.push(at + 1);
  return ends;
}

/** Between any two characters: only for a single word longer than a whole page. */
function graphemeEnds(text: string): number[] {
  return [...segmenter('grapheme').segment(text)].map((s) => s.index + s.segment.length);
}
