/**
 * Typographer's marks: straight quotes become curly ones, `--` a dash, `...` an ellipsis. Code,
 * links, mentions, hashtags and bare URLs keep their characters as written: there a straight quote
 * or two hyphens mean something.
 *
 * A quote's side is read from its neighbours across span boundaries, so `"<b>bold</b>"` still gets
 * an opening and a closing mark; an apostrophe inside or at the end of a word (`don't`, `’90s`,
 * `students'`) is a right single quote, as in print.
 */
import type { Block, Span } from './document.js';

/** The marks for one run of text whose characters before and after are known. */
function smarten(text: string, before: string, after: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const prev = i > 0 ? text[i - 1] : before;
    const next = i + 1 < text.length ? text[i + 1] : after;
    if (c === '"') out += opens(prev, next) ? '“' : '”';
    else if (c === "'") out += apostrophe(prev, next) || !opens(prev, next) ? '’' : '‘';
    else if (c === '.' && prev !== '.' && text.startsWith('...', i) && text[i + 3] !== '.') {
      out += '…';
      i += 2;
    } else if (c === '-' && text[i + 1] === '-' && text[i + 2] !== '-' && prev !== '-') {
      // A spaced ` -- ` is an em dash; `1--2` between figures an en dash.
      out += /\d/.test(prev) && /\d/.test(text[i + 2] ?? after) ? '–' : '—';
      i += 1;
    } else out += c;
  }
  return out;
}

/** A quote opens after a space, an opening bracket or dash, or at the start; otherwise it closes. */
function opens(prev: string, next: string): boolean {
  if (prev === '' || /[\s([{\u2014\u2013\-/“‘]/u.test(prev)) return next !== '' && !/\s/.test(next);
  return false;
}

/** Inside a word (`don't`) or before a year's figures after a space (`'90s`). */
function apostrophe(prev: string, next: string): boolean {
  if (/[\p{L}\p{N}]/u.test(prev) && /[\p{L}]/u.test(next)) return true;
  return (prev === '' || /\s/.test(prev)) && /\d/.test(next) && /^\d/.test(next);
}

/** Spans whose text is theirs to keep exactly: code, links and tagged runs. */
function literal(span: Span): boolean {
  return !!(span.code || span.href || span.tag);
}

export function smartenSpans(spans: readonly Span[]): Span[] {
  const texts = spans.map((s) => s.text);
  return spans.map((span, k) => {
    if (literal(span) || !/["'.-]/.test(span.text)) return span;
    const before = (texts[k - 1] ?? '').slice(-1);
    const after = (texts[k + 1] ?? '').slice(0, 1);
    const text = smarten(span.text, before, after);
    return text === span.text ? span : { ...span, text };
  });
}

export function smartenBlocks(blocks: readonly Block[]): Block[] {
  return blocks.map((block) => {
    const spans = smartenSpans(block.spans);
    return spans.every((s, k) => s === block.spans[k]) ? block : { ...block, spans };
  });
}
