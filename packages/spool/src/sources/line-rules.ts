/**
 * The line conventions posts use instead of markup: `## ` and `# ` headings, `1. ` numbered items,
 * `- `, `* `, `• ` bullets and `> ` quotes. Shared by post HTML, post text and pasted threads, so the
 * same line means the same block wherever it comes from. The model has no line breaks inside a block
 * (code aside): every line is a block of its own.
 */
import type { Block, Span } from '../model/document.js';
import { linkifyBlocks } from '../model/linkify.js';
import { splitFences } from '../model/code-fences.js';
import { splitSpansAt } from '../plan/hook.js';

export type BlockHint =
  | { type: 'paragraph' }
  | { type: 'heading'; level: number }
  | { type: 'listItem'; ordered: boolean; ordinal?: number }
  | { type: 'quote' };

const HEADING = /^(#{1,6})[ \t\u00a0]+(?=\S)/;
// Up to three digits: `2015. was the year` starts a sentence, not a list.
const ORDERED = /^(\d{1,3})[.)][ \t\u00a0]+(?=\S)/;
const BULLET = /^[-*•◦▪‣][ \t\u00a0]+(?=\S)/;
const QUOTE = /^>[ \t\u00a0]*(?=\S)/;

/** The block a line's prefix asks for, and how many characters that prefix takes. */
export function lineRule(text: string): { hint: BlockHint; length: number } | undefined {
  let m = HEADING.exec(text);
  if (m) return { hint: { type: 'heading', level: Math.min(m[1].length, 3) }, length: m[0].length };
  m = ORDERED.exec(text);
  if (m) return { hint: { type: 'listItem', ordered: true, ordinal: Number(m[1]) }, length: m[0].length };
  m = BULLET.exec(text);
  if (m) return { hint: { type: 'listItem', ordered: false }, length: m[0].length };
  m = QUOTE.exec(text);
  if (m) return { hint: { type: 'quote' }, length: m[0].length };
  return undefined;
}

/**
 * One line of styled text -> one block, or nothing when the line is blank. Without a hint from the
 * markup (`<li>`, `<h2>`, a Markdown paragraph...), the line's own prefix decides.
 */
export function lineToBlock(spans: readonly Span[], hint?: BlockHint): Block | undefined {
  let line = trimLine(spans);
  if (!hint) {
    const rule = lineRule(line.map((s) => s.text).join(''));
    if (rule) {
      hint = rule.hint;
      line = trimLine(splitSpansAt(line, rule.length)[1]);
    }
  }
  line = tidySpans(line);
  if (line.length === 0) return undefined;
  if (!hint || hint.type === 'paragraph') return { type: 'paragraph', spans: line };
  if (hint.type === 'heading') return { type: 'heading', level: hint.level, spans: line };
  if (hint.type === 'quote') return { type: 'quote', spans: line };
  return hint.ordered
    ? { type: 'listItem', ordered: true, ordinal: hint.ordinal ?? 1, spans: line }
    : { type: 'listItem', ordered: false, spans: line };
}

/**
 * Post text (no markup): one block per non-blank line, line rules applied, then links found; code
 * between fences (```) becomes one code block with its lines as written.
 */
export function parsePostText(text: string): Block[] {
  const blocks: Block[] = [];
  for (const part of splitFences(text)) {
    if (part.kind === 'code') {
      blocks.push(part.block);
      continue;
    }
    for (const raw of part.text.split(/\r\n|\r|\n/)) {
      const block = lineToBlock([{ text: cleanText(raw) }]);
      if (block) blocks.push(block);
    }
  }
  return linkifyBlocks(blocks);
}

/** Control characters can't be drawn and some break PDF text; tabs become spaces. */
export function cleanText(text: string): string {
  return text.replace(/\t/g, ' ').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

function trimLine(spans: readonly Span[]): Span[] {
  const out = spans.map((s) => ({ ...s }));
  while (out.length > 0 && out[0].text.trimStart() === '') out.shift();
  while (out.length > 0 && out[out.length - 1].text.trimEnd() === '') out.pop();
  if (out.length === 0) return out;
  out[0].text = out[0].text.trimStart();
  out[out.length - 1].text = out[out.length - 1].text.trimEnd();
  return out;
}


function sameMarks(a: Span, b: Span): boolean {
  return (
    !!a.bold === !!b.bold && !!a.italic === !!b.italic && !!a.code === !!b.code && a.href === b.href && a.tag === b.tag
  );
}

/**
 * Empty spans go, neighbours with the same marks merge, and spaces at the edges of a link or code span
 * move outside it so underlines and code boxes hug their words.
 */
export function tidySpans(spans: readonly Span[]): Span[] {
  const pieces: Span[] = [];
  for (const span of spans) {
    if (span.text === '') continue;
    if (!span.href && !span.code) {
      pieces.push(span);
      continue;
    }
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(span.text) as RegExpExecArray;
    const outside: Span = { text: '', ...(span.bold ? { bold: true } : {}), ...(span.italic ? { italic: true } : {}) };
    if (m[1]) pieces.push({ ...outside, text: m[1] });
    if (m[2]) pieces.push({ ...span, text: m[2] });
    if (m[3]) pieces.push({ ...outside, text: m[3] });
  }
  const merged: Span[] = [];
  for (const span of pieces) {
    const last = merged[merged.length - 1];
    if (last && sameMarks(last, span) && !span.tag) last.text += span.text;
    else merged.push({ ...span });
  }
  return merged;
}
