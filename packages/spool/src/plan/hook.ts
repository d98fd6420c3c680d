import type { Block, Span } from '../model/document.js';
import { blockText } from '../model/document.js';

/**
 * A first block up to this long is the cover's hook whole: about a dozen words, what a reader takes
 * in at a glance. A longer one gives the cover its first sentence and the next slide the rest.
 */
export const MAX_HOOK_CHARS = 90;
/** A first sentence longer than this is no hook either; the block stays whole and is set smaller. */
const MAX_SENTENCE_CHARS = 180;

export interface HookSplit {
  title: Span[];
  rest: Block[];
}

/**
 * The cover's title is the first post's opening: the whole first block when it is short, else its
 * first sentence, with everything after kept for a content slide.
 */
export function splitHook(blocks: readonly Block[]): HookSplit {
  const [first, ...others] = blocks;
  if (!first) return { title: [], rest: [] };
  // A table, a formula or code is not a title: the post's first line of text is, and they keep their slide.
  if (first.type === 'table' || first.type === 'math' || first.type === 'code') {
    const at = blocks.findIndex((b) => b.type !== 'table' && b.type !== 'math' && b.type !== 'code');
    if (at < 0) return { title: [], rest: [...blocks] };
    const { title, rest } = splitHook([blocks[at]]);
    return { title, rest: [...blocks.slice(0, at), ...rest, ...blocks.slice(at + 1)] };
  }
  const text = blockText(first);
  if (text.length <= MAX_HOOK_CHARS) return { title: first.spans.map((s) => ({ ...s })), rest: [...others] };
  const cut = firstSentenceEnd(text);
  if (cut <= 0 || cut > MAX_SENTENCE_CHARS || cut >= text.trimEnd().length) return { title: first.spans.map((s) => ({ ...s })), rest: [...others] };
  const [head, tail] = splitSpansAt(first.spans, cut);
  return { title: head, rest: [{ ...first, spans: trimStart(tail) }, ...others] };
}

/**
 * A sentence ends at `.`, `!`, `?` or `…` (closing quotes and brackets kept with it) where the next
 * one begins with a capital, a figure or an opening quote.
 */
const SENTENCE_END = /[.!?…]+["”’)\]]*(\s+)(?=[\p{Lu}\p{N}"“‘(¿¡])/u;

/**
 * Offset just after the first sentence (and the spaces after it), or -1. A pattern rather than
 * Intl.Segmenter: the segmenter's first use loads ICU's sentence rules, a fifth of a short build.
 */
function firstSentenceEnd(text: string): number {
  const match = SENTENCE_END.exec(text);
  return match ? match.index + match[0].length : -1;
}

/** Spans, or any runs of text, cut `offset` characters in: the head with its end trimmed, and the tail. */
export function splitSpansAt<T extends { text: string }>(spans: readonly T[], offset: number): [T[], T[]] {
  const head: T[] = [];
  const tail: T[] = [];
  let pos = 0;
  for (const span of spans) {
    const end = pos + span.text.length;
    if (end <= offset) head.push({ ...span });
    else if (pos >= offset) tail.push({ ...span });
    else {
      head.push({ ...span, text: span.text.slice(0, offset - pos) });
      tail.push({ ...span, text: span.text.slice(offset - pos) });
    }
    pos = end;
  }
  return [trimEnd(head), tail];
}

function trimEnd<T extends { text: string }>(spans: T[]): T[] {
  if (spans.length) spans[spans.length - 1] = { ...spans[spans.length - 1], text: spans[spans.length - 1].text.trimEnd() };
  return spans.filter((s) => s.text.length > 0);
}

function trimStart(spans: Span[]): Span[] {
  if (spans.length) spans[0] = { ...spans[0], text: spans[0].text.trimStart() };
  return spans.filter((s) => s.text.length > 0);
}
