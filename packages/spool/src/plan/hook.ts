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
  const text = blockText(first);
  if (text.length <= MAX_HOOK_CHARS) return { title: first.spans.map((s) => ({ ...s })), rest: [...others] };
  const cut = firstSentenceEnd(text);
  if (cut <= 0 || cut > MAX_SENTENCE_CHARS || cut >= text.trimEnd().length) return { title: first.spans.map((s) => ({ ...s })), rest: [...others] };
  const [head, tail] = splitSpansAt(first.spans, cut);
  return { title: head, rest: [{ ...first, spans: trimStart(tail) }, ...others] };
}

/** Offset just after the first sentence (and the spaces after it), or -1. */
function firstSentenceEnd(text: string): number {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  for (const seg of segmenter.segment(text)) return seg.index + seg.segment.length;
  return -1;
}

export function splitSpansAt(spans: readonly Span[], offset: number): [Span[], Span[]] {
  const head: Span[] = [];
  const tail: Span[] = [];
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

function trimEnd(spans: Span[]): Span[] {
  if (spans.length) spans[spans.length - 1] = { ...spans[spans.length - 1], text: spans[spans.length - 1].text.trimEnd() };
  return spans.filter((s) => s.text.length > 0);
}

function trimStart(spans: Span[]): Span[] {
  if (spans.length) spans[0] = { ...spans[0], text: spans[0].text.trimStart() };
  return spans.filter((s) => s.text.length > 0);
}
