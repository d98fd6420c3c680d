/**
 * Article -> a carousel's worth of posts, offline and extractive: the sentences that carry each
 * section, picked by TextRank weighted like an editor reads (score.ts), at most 40 words a slide,
 * section headings as slide titles, lists kept as steps, quotations as quotes. Every word on a slide
 * is the author's; a clause cut short ends in "…". Each post records the paragraphs it came from.
 */
import type { Block, MediaRef, Span } from '../model/document.js';
import { blockText } from '../model/document.js';
import { countWords } from '../model/sentences.js';
import { leadingFigureText } from '../model/figures.js';
import { sliceSpans, type ArticleItem, type PostDraft } from '../model/article-items.js';
import { LEAD_IN, outlineOf, QUESTION, unitText, type Outline, type Section, type Sentence, type Unit } from './outline.js';
import { textRank } from './rank.js';
import { DANGLING, SLIDE_MAX_WORDS, unitWeight } from './score.js';
import { contentTerms } from './words.js';

export interface CondenseOptions {
  /** Slides in the whole carousel, cover and outro included; default 8-12 by the article's length. */
  slides?: number;
  /** The headline: its words weigh on the ranking, and a sentence that repeats it is not a slide. */
  title?: string;
  /** The cover's subtitle: a sentence that says it is not a slide too. */
  subtitle?: string;
}

export interface CondensedDraft extends PostDraft {
  /** Indices into the article's blocks of the paragraphs this post's text came from. */
  from: number[];
}

export interface Condensed {
  drafts: CondensedDraft[];
  /** The article's text blocks in reading order, which `from` indexes. */
  blocks: Block[];
}

export const MIN_SLIDES = 3;
export const MAX_SLIDES = 60;

/** About one slide per 200 words past the first thousand, between 8 and 12. */
export function defaultSlideCount(words: number): number {
  return Math.max(8, Math.min(12, Math.round(5 + words / 200)));
}

interface Pick {
  /** Unit indices within the section, in order. */
  units: number[];
  blocks: Block[];
  media: MediaRef[];
  from: number[];
  /** Position in the article, for putting slides back in reading order. */
  order: number;
}

export function condenseArticle(items: readonly ArticleItem[], opts: CondenseOptions = {}): Condensed {
  const outline = outlineOf(items);
  const total = Math.max(MIN_SLIDES, Math.min(MAX_SLIDES, Math.round(opts.slides ?? defaultSlideCount(outline.words))));
  const body = total - 2; // the cover and the outro
  const scores = scoreUnits(outline, opts.title, opts.subtitle);
  const slots = allocate(outline.sections, scores, body);
  const picks: Pick[] = [];
  outline.sections.forEach((section, si) => {
    const used = new Set<number>();
    const order = section.units
      .map((_, ui) => ui)
      .filter((ui) => scores[si][ui] > 0)
      .sort((a, b) => scores[si][b] - scores[si][a]);
    const mine: Pick[] = [];
    for (const ui of order) {
      if (mine.length >= slots[si]) break;
      if (used.has(ui)) continue;
      const pick = pickUnit(section, ui, scores[si], used);
      if (pick) mine.push({ ...pick, order: si * 1e6 + Math.min(...pick.units) });
    }
    mine.sort((a, b) => a.order - b.order);
    // The heading titles the section's first slide, unless that is a quotation or leads with a
    // figure: those stand alone, as a quote and a stat.
    const lead = mine[0]?.blocks[0];
    const alone = lead?.type === 'quote' || (lead?.type === 'paragraph' && leadingFigureText(blockText(lead).trimStart()) !== undefined);
    const titled = alone ? undefined : mine[0];
    if (titled && section.heading) {
      titled.blocks.unshift(section.heading.block);
      titled.from.unshift(section.heading.paragraph);
    }
    if (mine.length > 0 && section.images.length > 0) {
      const light = mine.find((p) => p.blocks.every((b) => b.type !== 'code') && countWords(p.blocks.map(blockText).join(' ')) <= SLIDE_MAX_WORDS);
      if (light) light.media = section.images.slice(0, 1);
    }
    picks.push(...mine);
  });
  picks.sort((a, b) => a.order - b.order);
  const drafts = picks.map((p): CondensedDraft => {
    const from = [...new Set(p.from)].sort((a, b) => a - b);
    return {
      blocks: p.blocks,
      media: p.media,
      from,
      repaired: from.some((i) => outline.flags[i]?.repaired),
      unrecoverable: from.some((i) => outline.flags[i]?.unrecoverable),
    };
  });
  return { drafts, blocks: outline.blocks };
}

/** Each unit's score: its centrality in the whole article times its editorial weight; 0 for none. */
function scoreUnits(outline: Outline, title: string | undefined, subtitle: string | undefined): number[][] {
  const units = outline.sections.flatMap((s) => s.units);
  const terms = units.map((u) => contentTerms(unitText(u)));
  const ranks = textRank(terms);
  const titleTerms = contentTerms(title ?? '');
  const titleText = squash(title ?? '');
  const subtitleText = squash(subtitle ?? '');
  let k = 0;
  return outline.sections.map((section) => {
    const focus = new Set([...titleTerms, ...contentTerms(section.heading ? blockText(section.heading.block) : '')]);
    return section.units.map((unit, ui) => {
      const at = k++;
      const rank = ranks[at];
      // A sentence that only repeats the headline is on the cover already.
      if (unit.kind === 'sentence') {
        const text = squash(unit.sentence.text);
        if ((titleText && text.startsWith(titleText)) || (subtitleText && text === subtitleText)) return 0;
      }
      const weight = unitWeight(unit, section, focus, ui === 0, terms[at]);
      // Where mis-decoded text lost characters for good, a stray letter of another script stands in
      // for what was there (`sits at just 71% โ it learned`): such a sentence is a slide last.
      const lost = unit.kind === 'sentence' && outline.flags[unit.sentence.paragraph]?.unrecoverable && STRAY_LETTER.test(unit.sentence.text);
      return rank * weight * (lost ? 0.3 : 1);
    });
  });
}

/**
 * Slides per section: every section with something worth saying gets one while they last, best
 * first; the rest go where the remaining value is highest (D'Hondt), never more than a section has
 * units to fill.
 */
function allocate(sections: readonly Section[], scores: readonly number[][], body: number): number[] {
  const best = scores.map((list) => [...list].sort((a, b) => b - a));
  const value = best.map((list) => (list[0] ?? 0) + 0.5 * (list[1] ?? 0) + 0.25 * (list[2] ?? 0));
  const worth = value.filter((v) => v > 0).sort((a, b) => a - b);
  const floor = worth.length ? worth[Math.floor(worth.length / 2)] * 0.35 : 0;
  const slots = sections.map(() => 0);
  const capacity = best.map((list) => list.filter((s) => s > 0.15).length);
  let left = body;
  const byValue = sections.map((_, i) => i).sort((a, b) => value[b] - value[a]);
  for (const i of byValue) {
    if (left === 0) break;
    if (value[i] > floor && capacity[i] > 0) {
      slots[i] = 1;
      left--;
    }
  }
  while (left > 0) {
    let bestIndex = -1;
    let bestQuote = 0;
    sections.forEach((_, i) => {
      if (slots[i] === 0 || slots[i] >= capacity[i]) return;
      // The next slide's worth: the section's next best unit, shared with those already given.
      const quote = (best[i][slots[i]] ?? 0) / (1 + slots[i] * 0.35);
      if (quote > bestQuote) {
        bestQuote = quote;
        bestIndex = i;
      }
    });
    if (bestIndex < 0) break;
    slots[bestIndex]++;
    left--;
  }
  return slots;
}

function pickUnit(section: Section, ui: number, scores: readonly number[], used: Set<number>): Omit<Pick, 'order'> | undefined {
  const unit = section.units[ui];
  used.add(ui);
  switch (unit.kind) {
    case 'list':
      return { units: [ui], ...stepsOf(unit), media: [] };
    case 'quote':
      return { units: [ui], blocks: [{ ...unit.block, spans: capSpans(unit.block.spans, SLIDE_MAX_WORDS) }], from: [unit.paragraph], media: [] };
    case 'code':
      return { units: [ui], blocks: [unit.block], from: [unit.paragraph], media: [] };
    case 'sentence':
      return { ...sentenceRun(section, ui, scores, used), media: [] };
  }
}

/** A sentence, with the one before it when it leans on it, and the next ones while the slide is short. */
function sentenceRun(section: Section, ui: number, scores: readonly number[], used: Set<number>): { units: number[]; blocks: Block[]; from: number[] } {
  const at = (i: number): Sentence | undefined => {
    const u = section.units[i];
    return u?.kind === 'sentence' ? u.sentence : undefined;
  };
  const s = at(ui)!;
  const run = [ui];
  let words = s.words;
  const neighbour = (i: number) => {
    const n = at(i);
    return n && n.paragraph === s.paragraph && !used.has(i) ? n : undefined;
  };
  const before = neighbour(ui - 1);
  const asks = (t: string) => QUESTION.test(t);
  // A question and its answer are one point; so are a sentence and the one it leans on.
  const leansBack = before && (asks(before.text) || (DANGLING.test(s.text) && !LEAD_IN.test(before.text)));
  if (before && leansBack && words + before.words <= SLIDE_MAX_WORDS) {
    run.unshift(ui - 1);
    words += before.words;
  }
  for (let next = ui + 1; words < 22 || asks(at(next - 1)?.text ?? ''); next++) {
    const n = neighbour(next);
    const answers = asks(at(next - 1)!.text);
    if (!n || words + n.words > SLIDE_MAX_WORDS || (!answers && scores[next] < scores[ui] * 0.45)) break;
    run.push(next);
    words += n.words;
  }
  for (const i of run) used.add(i);
  const spans: Span[] = [];
  for (const i of run) {
    const sentence = at(i)!;
    if (spans.length) spans.push({ text: ' ' });
    spans.push(...(words > SLIDE_MAX_WORDS ? capSpans(sentence.spans, SLIDE_MAX_WORDS) : sentence.spans));
  }
  return { units: run, blocks: [{ type: 'paragraph', spans }], from: [s.paragraph] };
}

/** A list kept as steps: each item down to its label or first sentence, the lead-in as the intro. */
function stepsOf(unit: Extract<Unit, { kind: 'list' }>): { blocks: Block[]; from: number[] } {
  const items = unit.items.slice(0, 6);
  const perItem = Math.max(6, Math.floor((SLIDE_MAX_WORDS + 10) / items.length));
  const blocks: Block[] = [];
  const from: number[] = [];
  if (unit.leadIn && unit.leadIn.words <= 16) {
    blocks.push({ type: 'paragraph', spans: unit.leadIn.spans });
    from.push(unit.leadIn.paragraph);
  }
  for (const item of items) {
    blocks.push({ ...item.block, spans: labelOf(item.block.spans, perItem) });
    from.push(item.paragraph);
  }
  return { blocks, from };
}

/** `Label (gloss): explanation…` -> `Label (gloss)`; otherwise the first sentence, capped. */
function labelOf(spans: readonly Span[], maxWords: number): Span[] {
  const text = spans.map((s) => s.text).join('');
  const label = /^(.{3,90}?)\s*(?::|\s[–—-])\s+\S/u.exec(text);
  if (label && countWords(label[1]) <= Math.max(maxWords, 10)) return cutSpans(spans, label[1].length, false);
  const end = /[.!?](?=\s+\p{Lu})/u.exec(text);
  if (end && countWords(text.slice(0, end.index + 1)) <= maxWords) return cutSpans(spans, end.index + 1, false);
  return capSpans(spans, maxWords);
}

/**
 * Spans cut to at most `maxWords` words, at the last clause mark (a comma, semicolon or dash) that
 * keeps at least half of them, else at a word; a cut ends in "…".
 */
export function capSpans(spans: readonly Span[], maxWords: number): Span[] {
  const text = spans.map((s) => s.text).join('');
  if (countWords(text) <= maxWords) return spans.map((s) => ({ ...s }));
  const wordEnds = [...text.matchAll(/\S+/g)].map((m) => m.index + m[0].length);
  const limit = wordEnds[maxWords - 1];
  const head = text.slice(0, limit);
  const clause = Math.max(head.lastIndexOf(', '), head.lastIndexOf('; '), head.lastIndexOf(' – '), head.lastIndexOf(' — '));
  const cut = clause > 0 && countWords(head.slice(0, clause)) >= maxWords / 2 ? clause : limit;
  return cutSpans(spans, cut, true);
}

/** The spans before `offset`, without the clause mark they stop on; "…" after them when cut short. */
function cutSpans(spans: readonly Span[], offset: number, ellipsis: boolean): Span[] {
  const out = sliceSpans(spans, 0, offset);
  const last = out[out.length - 1];
  if (last) last.text = last.text.replace(/[\s,;:–—-]+$/u, '') + (ellipsis ? '…' : '');
  return out.filter((s) => s.text.length > 0);
}

/** A lone letter outside the Latin script between spaces: what lost bytes leave behind in Latin text. */
const STRAY_LETTER = /(?:^|\s)[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\s](?=\s|$)/u;

function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
