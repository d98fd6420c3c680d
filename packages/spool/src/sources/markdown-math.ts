/**
 * TeX in Markdown (`$…$` in a sentence, `$$…$$` on its own), which marked does not read and whose
 * backslashes and underscores it would take for escapes and emphasis. Formulas are taken out
 * before lexing, each replaced by one private-use character, and put back by the readers: an
 * inline one as text (formats/math-text.ts), a display one as a math block. Code is left alone,
 * and so are prices: `$5 and $10` has no formula in it.
 */

import { blockText, type Span } from '../model/document.js';
import { mathBlock, mathSpans } from '../model/math.js';
import type { ArticleItem } from '../model/article-items.js';

export interface MathFormulas {
  body: string;
  /** The TeX of each formula, by its placeholder's number. */
  formulas: string[];
}

/** Placeholders: U+E000 + n for a formula in a sentence, U+E800 + n for a display formula. */
const INLINE_BASE = 0xe000;
const DISPLAY_BASE = 0xe800;
const MAX_FORMULAS = 0x800;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// `$$` to `$$` within one paragraph: a blank line between two is not a formula.
const DISPLAY = /\$\$((?:(?!\n[ \t]*\n)[\s\S])+?)\$\$/g;
/** Text already holding characters of the placeholders' range is left as written. */
const PLACEHOLDER_RANGE = /[\ue000-\uefff]/;
// An opening `$` before a non-space, a closing one after a non-space and not before a digit.
const INLINE = /(?<![\\$\w])\$(?=[^\s$])((?:\\\$|[^$\n]){1,400}?)(?<=[^\s\\])\$(?![\d$])/g;

export function extractMath(markdown: string): MathFormulas {
  if (!markdown.includes('$') || PLACEHOLDER_RANGE.test(markdown)) return { body: markdown, formulas: [] };
  const formulas: string[] = [];
  const add = (tex: string, base: number): string | undefined => {
    if (formulas.length >= MAX_FORMULAS) return undefined;
    formulas.push(tex.trim());
    return String.fromCharCode(base + formulas.length - 1);
  };
  // Split into fenced code (kept) and the rest, where display formulas may span lines.
  const parts: { code: boolean; text: string }[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const open = FENCE.exec(line);
    const code = fence !== undefined || open !== null;
    if (fence && open && open[1][0] === fence[0] && open[1].length >= fence.length) fence = undefined;
    else if (!fence && open) fence = open[1];
    const last = parts[parts.length - 1];
    if (last && last.code === code) last.text += `\n${line}`;
    else parts.push({ code, text: line });
  }
  const body = parts.map((part) => {
    if (part.code) return part.text;
    return part.text
      .split(/(`+[^`\n]*`+)/)
      .map((piece, i) => {
        if (i % 2 === 1) return piece;
        const displayed = piece.replace(DISPLAY, (whole, tex: string, at: number, all: string) => {
          // Alone in its paragraph it is a display formula; inside a sentence it reads as text.
          const before = all.slice(0, at).split('\n').pop()!.trim();
          const after = all.slice(at + whole.length).split('\n')[0].trim();
          const alone = before === '' && after === '';
          const mark = add(tex, alone ? DISPLAY_BASE : INLINE_BASE);
          // Past the last placeholder a formula stays as its TeX, never lost.
          if (mark === undefined) return whole;
          return alone ? `\n\n${mark}\n\n` : mark;
        });
        return displayed.replace(INLINE, (whole: string, tex: string) => add(tex.replace(/\\\$/g, '$'), INLINE_BASE) ?? whole);
      })
      .join('');
  });
  return { body: body.join('\n'), formulas };
}

/** The formula a display placeholder stands for, when `text` is exactly one. */
export function displayFormula(text: string, formulas: readonly string[]): string | undefined {
  const t = text.trim();
  if (t.length !== 1) return undefined;
  const n = t.charCodeAt(0) - DISPLAY_BASE;
  return n >= 0 && n < formulas.length ? formulas[n] : undefined;
}

/**
 * Text with its inline placeholders expanded: `split` gets each stretch of plain text and each
 * formula (as TeX) in order.
 */
export function eachMathPart(text: string, formulas: readonly string[], visit: (part: string, tex: boolean) => void): void {
  let plain = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const inline = code - INLINE_BASE;
    const display = code - DISPLAY_BASE;
    const n = inline >= 0 && inline < MAX_FORMULAS ? inline : display >= 0 && display < MAX_FORMULAS ? display : -1;
    if (n >= 0 && n < formulas.length) {
      if (plain) visit(plain, false);
      plain = '';
      visit(formulas[n], true);
    } else plain += ch;
  }
  if (plain) visit(plain, false);
}

/** Spans with their formulas put back: inline ones as text with italic variables. */
export function expandMathSpans(spans: readonly Span[], formulas: readonly string[]): Span[] {
  if (formulas.length === 0) return [...spans];
  const out: Span[] = [];
  for (const span of spans) {
    eachMathPart(span.text, formulas, (part, tex) => {
      if (!tex) return void out.push({ ...span, text: part });
      // A short formula is not broken across lines: `T > 1` stays together.
      const pieces = mathSpans(part, span);
      const short = pieces.reduce((n, p) => n + p.text.length, 0) <= 30;
      out.push(...(short ? pieces.map((p) => ({ ...p, text: p.text.replace(/ /g, '\u00a0') })) : pieces));
    });
  }
  return out;
}

/** Text with its formulas put back as text. */
export function expandMathText(text: string, formulas: readonly string[]): string {
  return expandMathSpans([{ text }], formulas).map((s) => s.text).join('');
}

/** Items with their formulas put back: a paragraph that is one display formula becomes a math block. */
export function expandMathItems(items: readonly ArticleItem[], formulas: readonly string[]): ArticleItem[] {
  if (formulas.length === 0) return [...items];
  return items.map((item) => {
    if (item.kind !== 'block') return item;
    const { block } = item;
    const display = block.type === 'paragraph' ? displayFormula(blockText(block), formulas) : undefined;
    if (display !== undefined) return { ...item, block: mathBlock(display) };
    const cells = block.cells?.map((row) => row.map((cell) => expandMathSpans(cell, formulas)));
    return { ...item, block: { ...block, spans: expandMathSpans(block.spans, formulas), ...(cells ? { cells } : {}) } };
  });
}
