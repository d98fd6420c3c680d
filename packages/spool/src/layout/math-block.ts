/**
 * A display formula: MathJax's outlines, centred, a little larger than the text around it and
 * smaller when it is wider than the column. Without a typesetter (a host that has not loaded
 * MathJax) the formula is set as text, its variables in italic, so nothing is lost.
 */
import type { Block } from '../model/document.js';
import { blockText } from '../model/document.js';
import type { LayoutContext } from './context.js';
import type { Flow, FlowStyle } from './flow-style.js';
import { setText } from './lines.js';
import { baseStyle } from './styles.js';

/** A formula's em beside the body size; it may shrink to this share of that to fit the column. */
const MATH_SIZE = 1.15;
const SMALLEST = 0.45;

export function layoutMath(ctx: LayoutContext, block: Block, x: number, y: number, width: number, style: FlowStyle): Flow {
  const tex = block.tex ?? blockText(block);
  const formula = ctx.math?.(tex);
  if (!formula) {
    // The formula as text, as its spans read it.
    const base = baseStyle(style.family, style.size * 1.05, style.color, 400);
    const texts = block.spans.map((s) => ({ text: s.text, style: { ...base, italic: !!s.italic } }));
    const set = setText(ctx.engine, texts, x, y, width, 1.35, 'center', 'balance');
    return { elements: [set.text], height: set.height };
  }
  const wanted = style.size * MATH_SIZE;
  const size = Math.max(wanted * SMALLEST, Math.min(wanted, width / formula.width));
  const w = formula.width * size;
  const h = (formula.ascent + formula.descent) * size;
  // Centred in the column, or at the start when the slide reads from the start and it fills the line.
  const left = x + Math.max(0, (width - w) / 2);
  return {
    elements: [{ type: 'formula', x: left, y, w, h, size, ascent: formula.ascent, paths: formula.paths, fill: style.color, alt: tex }],
    height: h,
  };
}
