import type { Slide } from '../../model/deck.js';
import { leadingFigure } from '../../plan/figure.js';
import type { LayoutContext } from '../context.js';
import type { PagePart } from '../compose.js';
import { fitStack, placeStack, type Piece } from '../stack.js';
import { baseStyle } from '../styles.js';
import type { TextStyle } from '../../text/types.js';
import { layoutClassic } from './content.js';
import { markX } from './direction.js';
import { blocksPiece, rulePiece, textPiece } from './pieces.js';

/**
 * A figure that carries the point, set huge in the accent colour, with the rest of its sentence as a
 * bold caption and any further text below it. A slide that does not lead with a figure, or whose
 * text is too long for one slide, is set as a classic slide.
 */
export function layoutStat(ctx: LayoutContext, slide: Slide): PagePart[] {
  const [first, ...others] = slide.blocks;
  const figure = leadingFigure(first);
  if (!figure) return layoutClassic(ctx, slide);
  const t = ctx.design.typography;
  const box = ctx.box;
  // The figure is as large as one line of the box allows, up to three and a half titles.
  const figureSize = Math.min(t.titleSize * 3.4, largestOnOneLine(ctx, figure.figure, box.w, t.titleSize * 3.4));
  const fitted = fitStack(box, 0.6, (scale): Piece[] => {
    const style = baseStyle(ctx.fonts.title, figureSize * Math.max(scale, 0.8), ctx.accent, 700);
    const pieces: Piece[] = [
      // Set tight, the figure's commas reach below its line: the rule keeps its gap below them.
      textPiece(ctx, [{ text: figure.figure }], box.x, box.w, {
        style,
        lineHeight: FIGURE_LINE_HEIGHT,
        wrap: 'greedy',
        gap: t.bodySize * 0.5 + descenderOverhang(ctx, style),
        align: ctx.align,
      }),
      rulePiece(ctx, markX(ctx, box, slide, 48), t.bodySize * 0.9, 48, 5),
    ];
    if (figure.caption.length) {
      pieces.push(textPiece(ctx, figure.caption, box.x, box.w, {
        style: baseStyle(ctx.fonts.title, t.titleSize * 0.78 * scale, ctx.theme.title, 700),
        lineHeight: 1.2,
        gap: others.length ? t.bodySize * scale : 0,
        align: ctx.align,
      }));
    }
    if (others.length) pieces.push(blocksPiece(ctx, others, box.x, box.w, { size: t.bodySize * scale, color: ctx.theme.text, family: ctx.fonts.body, align: ctx.align }));
    return pieces;
  });
  if (!fitted) return layoutClassic(ctx, slide);
  return [{ elements: placeStack(box, fitted.pieces), bodySize: t.bodySize * fitted.scale }];
}

const FIGURE_LINE_HEIGHT = 1.02;

/** How far the face's descenders reach below a line of `style` set at the figure's line height. */
function descenderOverhang(ctx: LayoutContext, style: TextStyle): number {
  const m = ctx.engine.metrics(style);
  // A line centres the face's ascent and descent in its pitch (lines.ts), so each end overhangs by half the excess.
  return Math.max(0, ((m.ascent + m.descent) * style.size - style.size * FIGURE_LINE_HEIGHT) / 2);
}

/** The largest size, up to `max`, at which `text` fits on one line `width` wide. */
function largestOnOneLine(ctx: LayoutContext, text: string, width: number, max: number): number {
  const at = ctx.engine.measure([{ text, style: baseStyle(ctx.fonts.title, max, ctx.accent, 700) }]);
  return at <= width ? max : (max * width) / at;
}
