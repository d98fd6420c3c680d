/**
 * A figure that carries a post's point, read from the start of its first paragraph: `90% of…`,
 * `3× faster`, `$1.2M`, `48,000 subscribers`, `10x`. A year (`2015 was…`), a list number (`1.`)
 * or a bare small count (`3 things`) is not a figure worth setting huge.
 */
import type { Block, Span } from '../model/document.js';
import { blockText } from '../model/document.js';
import { splitSpansAt } from './hook.js';
import { leadingFigureText } from '../model/figures.js';

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
  const match = leadingFigureText(text.slice(start));
  if (!match) return undefined;
  const figure = match.trim();
  const [, rest] = splitSpansAt(block.spans, start + match.length);
  const caption = rest.map((s, i) => (i === 0 ? { ...s, text: s.text.replace(/^[\s,:;–—-]+/, '') } : s)).filter((s) => s.text.length > 0);
  return { figure, caption };
}
