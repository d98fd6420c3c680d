import { blockText, type Block } from '../model/document.js';
import type { LayoutContext } from './context.js';
import { layoutCodeCard } from './code-block.js';
import { layoutTable } from './table.js';
import { layoutMath } from './math-block.js';
import { setText } from './lines.js';
import { baseStyle, styleSpans, type Emphasis } from './styles.js';
import { isRightToLeft } from '../text/bidi.js';
import type { LaidElement } from './types.js';
import type { Flow, FlowStyle } from './flow-style.js';

export type { Flow, FlowStyle } from './flow-style.js';

const PARAGRAPH_GAP = 0.7;
const BODY_LINE_HEIGHT = 1.45;
const HEADING_LINE_HEIGHT = 1.22;
/** Code's size beside body text, and the smallest it is set at before its lines wrap (layout units). */
const CODE_SIZE = 0.85;
const CODE_FLOOR = 9;

/** Gap above a block that follows another, in units of the body size. */
export function blockGap(size: number): number {
  return size * PARAGRAPH_GAP;
}

/** Lays one block out at (x, y): paragraphs, headings, list items with hanging markers, quotes with a rule, code on a card. */
export function layoutBlock(block: Block, ctx: LayoutContext, x: number, y: number, width: number, style: FlowStyle): Flow {
  const { engine, theme } = ctx;
  const align = style.align ?? 'start';
  const lh = style.lineHeight ?? BODY_LINE_HEIGHT;
  const wrap = style.wrap ?? 'pretty';
  const base = baseStyle(style.family, style.size, style.color, style.weight ?? 400);
  switch (block.type) {
    case 'heading': {
      const size = style.size * (block.level === 1 || block.level === undefined ? 1.25 : 1.12);
      const head = baseStyle(ctx.fonts.title, size, theme.title, 700);
      const set = setText(engine, styleSpans(block.spans, head, theme), x, y, width, HEADING_LINE_HEIGHT, align, 'balance');
      return { elements: [set.text], height: set.height };
    }
    case 'listItem': {
      // A right-to-left item hangs its marker on the right, read as `.1` (a right-to-left mark sets its order).
      const rtl = isRightToLeft(blockText(block), engine.locale.direction);
      const marker = block.ordered ? `${rtl ? '\u200f' : ''}${block.ordinal ?? 1}.` : '•';
      const markerStyle = { ...base, weight: 700 as const, color: ctx.accent };
      const indent = Math.max(engine.measure([{ text: '00.', style: markerStyle }]) + style.size * 0.5, style.size * 1.6);
      const mark = setText(engine, [{ text: marker, style: markerStyle }], rtl ? x + width - indent : x, y, indent, lh, rtl ? 'right' : 'left');
      const body = setText(engine, styleSpans(block.spans, base, theme), rtl ? x : x + indent, y, width - indent, lh, rtl ? 'right' : 'left', wrap);
      return { elements: [mark.text, body.text], height: Math.max(mark.height, body.height) };
    }
    case 'quote': {
      const indent = style.size * 0.9;
      const rtl = isRightToLeft(blockText(block), engine.locale.direction);
      const quoteStyle = { ...base, italic: true };
      const body = setText(engine, styleSpans(block.spans, quoteStyle, theme), rtl ? x : x + indent, y, width - indent, lh, align, wrap);
      const barX = rtl ? x + width - 3 : x;
      const bar: LaidElement = { type: 'rect', x: barX, y: y + style.size * 0.2, w: 3, h: Math.max(0, body.height - style.size * 0.4), radius: 1.5, fill: ctx.accent };
      return { elements: [bar, body.text], height: body.height };
    }
    case 'table':
      return layoutTable(ctx, block, x, y, width, style);
    case 'math':
      return layoutMath(ctx, block, x, y, width, style);
    case 'code': {
      // Code a little under the text around it, as in print; smaller still before a line wraps.
      const card = layoutCodeCard(ctx, block, x, y, width, style.size * CODE_SIZE, Math.max(CODE_FLOOR, style.size * 0.55));
      return { elements: card.elements, height: card.height };
    }
    default: {
      const set = setText(engine, styleSpans(block.spans, base, theme, style.emphasis), x, y, width, lh, align, wrap);
      return { elements: [set.text], height: set.height };
    }
  }
}

/** Lays a run of blocks out top to bottom with paragraph gaps. */
export function layoutBlocks(blocks: readonly Block[], ctx: LayoutContext, x: number, y: number, width: number, style: FlowStyle): Flow {
  const elements: LaidElement[] = [];
  let cursor = y;
  blocks.forEach((block, i) => {
    if (i > 0) cursor += blockGap(style.size);
    const flow = layoutBlock(block, ctx, x, cursor, width, style);
    elements.push(...flow.elements);
    cursor += flow.height;
  });
  return { elements, height: cursor - y };
}
