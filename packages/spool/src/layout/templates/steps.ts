import type { Slide } from '../../model/deck.js';
import type { Block } from '../../model/document.js';
import type { LayoutContext } from '../context.js';
import type { PagePart } from '../compose.js';
import { setText } from '../lines.js';
import { fitStack, placeStack, type Piece } from '../stack.js';
import { baseStyle, styleSpans } from '../styles.js';
import type { LaidElement } from '../types.js';
import { cutsWord } from '../compose.js';
import { shiftY } from '../shift.js';
import { layoutClassic } from './content.js';
import { readsRightToLeft } from './direction.js';
import { blocksPiece, textPiece } from './pieces.js';

/** A few short steps grow into the page, up to a third larger, filling at most three quarters of it. */
const GROW = { ceiling: 1.35, fill: 0.75 };

/**
 * A list as steps: each item beside a large numeral (or an accent mark for a bulleted list), items
 * evenly spaced with hairlines between them, the title and any introduction above. A list too long
 * for one slide is set as a classic slide, which continues it over pages.
 */
export function layoutSteps(ctx: LayoutContext, slide: Slide): PagePart[] {
  const items = slide.blocks.filter((b) => b.type === 'listItem');
  if (items.length === 0) return layoutClassic(ctx, slide);
  const intro = slide.blocks.slice(0, slide.blocks.indexOf(items[0]));
  const after = slide.blocks.slice(slide.blocks.indexOf(items[items.length - 1]) + 1);
  const t = ctx.design.typography;
  const box = ctx.box;
  const rtl = readsRightToLeft(ctx, slide);
  const fitted = fitStack(box, 0.72, (scale): Piece[] => {
    const body = t.bodySize * scale;
    const pieces: Piece[] = [];
    if (slide.title?.length) {
      pieces.push(textPiece(ctx, slide.title, box.x, box.w, { style: baseStyle(ctx.fonts.title, t.titleSize * 0.62 * scale, ctx.theme.title, 700), lineHeight: 1.2, gap: body * 1.3, align: ctx.align }));
    }
    if (intro.length) pieces.push(blocksPiece(ctx, intro, box.x, box.w, { size: body, color: ctx.theme.text, family: ctx.fonts.body }, body * 1.1));
    const numerals = numeralColumn(ctx, items, body);
    items.forEach((item, i) => pieces.push(stepPiece(ctx, item, i, i === items.length - 1 && after.length === 0, body, rtl, numerals)));
    if (after.length) pieces.push(blocksPiece(ctx, after, box.x, box.w, { size: body, color: ctx.theme.text, family: ctx.fonts.body }));
    return pieces;
  }, GROW);
  if (!fitted) return layoutClassic(ctx, slide);
  return [{ elements: placeStack(box, fitted.pieces), bodySize: t.bodySize * fitted.scale }];
}

const numeralStyle = (ctx: LayoutContext, body: number) => baseStyle(ctx.fonts.title, body * 1.9, ctx.accent, 700);
const numeralLabel = (item: Block, index: number) => String(item.ordinal ?? index + 1).padStart(2, '0');

/**
 * The width of the numerals' column: the widest numeral the list sets, and never narrower than `00`,
 * so every item's text starts at one edge. Figures are proportional (in Inter a 4 is wider than a 0).
 */
function numeralColumn(ctx: LayoutContext, items: readonly Block[], body: number): number {
  const style = numeralStyle(ctx, body);
  const labels = ['00', ...items.map(numeralLabel)];
  return Math.max(...labels.map((text) => ctx.engine.measure([{ text, style }])));
}

/**
 * One item: its numeral (or mark) in a column of its own, `numerals` wide, at the outer margin, the
 * text beside it past a gap, a hairline below.
 */
function stepPiece(ctx: LayoutContext, item: Block, index: number, last: boolean, body: number, rtl: boolean, numerals: number): Piece {
  const box = ctx.box;
  const numeralSize = body * 1.9;
  const style = numeralStyle(ctx, body);
  const column = item.ordered ? numerals + body * 0.9 : body * 1.6;
  const textW = box.w - column;
  const textX = rtl ? box.x : box.x + column;
  const texts = styleSpans(item.spans, baseStyle(ctx.fonts.body, body * 1.08, ctx.theme.text, 400), ctx.theme);
  const lineHeight = 1.38;
  const text = setText(ctx.engine, texts, textX, 0, textW, lineHeight, 'start', 'pretty');
  const rowH = Math.max(text.height, numeralSize * 1.05);
  const gap = last ? 0 : body * 1.5;
  return {
    h: rowH + gap,
    w: text.width + column,
    split: cutsWord([text.text]),
    draw: (y) => {
      const out: LaidElement[] = [];
      const markX = rtl ? box.x + box.w - column : box.x;
      if (item.ordered) {
        // The numeral's cap height lines up with the item's first line. It is set in the whole column,
        // gap included, so it never wraps, and aligned to the margin's side.
        const numY = y + (body * 1.08 * lineHeight - numeralSize) / 2 - numeralSize * 0.02;
        out.push(setText(ctx.engine, [{ text: numeralLabel(item, index), style }], markX, numY, column, 1, rtl ? 'right' : 'left').text);
      } else {
        const d = body * 0.62;
        out.push({ type: 'rect', x: rtl ? box.x + box.w - d : markX, y: y + (body * 1.08 * lineHeight - d) / 2, w: d, h: d, radius: d * 0.3, fill: ctx.accent });
      }
      out.push(shiftY(text.text, y));
      if (!last) out.push({ type: 'rect', x: box.x, y: y + rowH + gap / 2, w: box.w, h: 0.8, fill: ctx.theme.muted, opacity: 0.28 });
      return out;
    },
  };
}
