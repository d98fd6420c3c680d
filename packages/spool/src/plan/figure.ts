/**
 * A figure that carries a post's point, read from the start of its first paragraph: `90% of…`,
 * `3× faster`, `$1.2M`, `48,000 subscribers`, `10x`. A year (`2015 was…`), a list number (`1.`)
 * or a bare small count (`3 things`) is not a figure worth setting huge.
 */
import type { Block, Span } from '../model/document.js';
import { blockText } from '../model/document.js';
import { splitSpansAt } from './hook.js';

const LEADING_FIGURE =
  /^(?:[~≈+]\s?)?(?:[$€£¥₹]\s?)?\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})*(?:[.,]\d+)?(?:\s?(?:%|×|x|X|k|K|M|B|bn|m|pp|\+))*(?=[\s,.;:!?)]|$)/u;

export interface Figure {
  /** The figure as written, e.g. `$1.2M` or `90%`. */
  figure: string;
  /** The rest of the first block, its caption, with marks kept. */
  caption: Span[];
}

/** The leading figure of a block, or undefined when it does not lead with one worth showing. */
export function leadingFigure(block: Block | undefined): Figure | undefined {
  if (!block || block.type !== 'paragraph') return undefined;
  const text = blockText(block);
  const start = text.length - text.trimStart().length;
  const match = LEADING_FIGURE.exec(text.slice(start));
  if (!match) return undefined;
  const figure = match[0].trim();
  if (!carries(figure)) return undefined;
  const [, rest] = splitSpansAt(block.spans, start + match[0].length);
  const caption = rest.map((s, i) => (i === 0 ? { ...s, text: s.text.replace(/^[\s,:;–—-]+/, '') } : s)).filter((s) => s.text.length > 0);
  return { figure, caption };
}

/** A unit, a currency, or a number big enough to impress by itself (not a year). */
function carries(figure: string): boolean {
  if (/[%×$€£¥₹+]|\d\s?(?:x|X|k|K|M|B|bn|m|pp)$/.test(figure)) return true;
  const digits = figure.replace(/\D/g, '');
  const value = Number(digits);
  if (/^\d{4}$/.test(figure) && value >= 1800 && value <= 2100) return false;
  return digits.length >= 4 || /[,.\u202f\u00a0 ]\d{3}/.test(figure);
}
