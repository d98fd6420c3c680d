/**
 * An article as the condenser reads it: sections (the text under each heading), each a run of
 * paragraphs, lists, quotations, code and images, every paragraph cut into sentences that keep their
 * marks. Paragraph numbers index the article's blocks in reading order: what each slide records as
 * where it came from.
 */
import type { Block, MediaRef, Span } from '../model/document.js';
import { blockText } from '../model/document.js';
import { sentenceStarts, countWords } from '../model/sentences.js';
import { sliceSpans } from '../model/article-items.js';
import type { ArticleItem, ItemFlags } from '../model/article-items.js';

/** A sentence that asks (its closing quote or bracket after the mark). */
export const QUESTION = /\?\s*["”’)]*$/;
/** A sentence that introduces what follows it. */
export const LEAD_IN = /:\s*$/;

export interface Sentence {
  spans: Span[];
  text: string;
  words: number;
  /** The paragraph it belongs to (an index into the outline's blocks) and its place in it. */
  paragraph: number;
  index: number;
  /** Sentences in that paragraph. */
  of: number;
}

export type Unit =
  | { kind: 'sentence'; sentence: Sentence }
  | { kind: 'list'; items: Array<{ block: Block; paragraph: number }>; leadIn?: Sentence }
  | { kind: 'quote'; block: Block; paragraph: number }
  | { kind: 'code'; block: Block; paragraph: number };

export interface Section {
  heading?: { block: Block; paragraph: number };
  units: Unit[];
  images: MediaRef[];
  /** Position of the section in the article, 0 for the text before the first heading. */
  index: number;
}

export interface Outline {
  /** Every text block of the article in reading order (headings too). */
  blocks: Block[];
  /** Mojibake repair flags of each block, for the warnings of the slides made from it. */
  flags: ItemFlags[];
  sections: Section[];
  words: number;
}

export function outlineOf(items: readonly ArticleItem[]): Outline {
  const blocks: Block[] = [];
  const flags: ItemFlags[] = [];
  const sections: Section[] = [];
  let section: Section = { units: [], images: [], index: 0 };
  let words = 0;
  let headings = 0;
  let list: Extract<Unit, { kind: 'list' }> | undefined;
  const push = (unit: Unit) => {
    if (unit.kind !== 'list') list = undefined;
    section.units.push(unit);
  };
  for (const item of items) {
    if (item.kind === 'image') {
      section.images.push(item.media);
      continue;
    }
    const block = item.block;
    const paragraph = blocks.push(block) - 1;
    flags.push({ repaired: item.repaired, unrecoverable: item.unrecoverable });
    const text = blockText(block);
    words += countWords(text);
    if (block.type === 'heading') {
      if (section.units.length > 0 || section.heading || section.images.length > 0) sections.push(section);
      section = { heading: { block, paragraph }, units: [], images: [], index: ++headings };
      list = undefined;
    } else if (block.type === 'listItem') {
      if (!list) {
        // A sentence that introduces the list (it ends with a colon) leads it in.
        const last = section.units[section.units.length - 1];
        const leadIn = last?.kind === 'sentence' && LEAD_IN.test(last.sentence.text) ? last.sentence : undefined;
        if (leadIn) section.units.pop();
        list = { kind: 'list', items: [], leadIn };
        section.units.push(list);
      }
      list.items.push({ block, paragraph });
    } else if (block.type === 'quote') push({ kind: 'quote', block, paragraph });
    // Code and tables are kept whole: a slide shows them as they are or not at all.
    else if (block.type === 'code' || block.type === 'table') push({ kind: 'code', block, paragraph });
    else for (const sentence of sentencesOf(block, paragraph)) push({ kind: 'sentence', sentence });
  }
  if (section.units.length > 0 || section.heading) sections.push(section);
  // A list of one item is a sentence like the others.
  for (const s of sections) {
    s.units = s.units.flatMap((u) =>
      u.kind === 'list' && u.items.length < 2
        ? [...(u.leadIn ? [{ kind: 'sentence', sentence: u.leadIn } as Unit] : []), ...u.items.flatMap((it) => sentencesOf(it.block, it.paragraph).map((sentence): Unit => ({ kind: 'sentence', sentence })))]
        : [u],
    );
  }
  return { blocks, flags, sections, words };
}

export function sentencesOf(block: Block, paragraph: number): Sentence[] {
  const text = blockText(block);
  const bounds = [0, ...sentenceStarts(text), text.length];
  const out: Sentence[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const spans = sliceSpans(block.spans, bounds[i], bounds[i + 1]);
    const sentenceText = spans.map((s) => s.text).join('');
    if (sentenceText.trim() === '') continue;
    out.push({ spans, text: sentenceText, words: countWords(sentenceText), paragraph, index: out.length, of: 0 });
  }
  for (const s of out) s.of = out.length;
  return out;
}

/** The text a unit shows, for ranking. */
export function unitText(unit: Unit): string {
  switch (unit.kind) {
    case 'sentence':
      return unit.sentence.text;
    case 'list':
      return [unit.leadIn?.text ?? '', ...unit.items.map((i) => blockText(i.block))].join(' ');
    default:
      return blockText(unit.block);
  }
}
