import type { Slide } from '../../model/deck.js';
import type { Block } from '../../model/document.js';
import { comparisonOf, type Side } from '../../plan/comparison.js';
import type { Box, LayoutContext } from '../context.js';
import type { PagePart } from '../compose.js';
import { fitStack, placeStack, type Piece } from '../stack.js';
import { baseStyle } from '../styles.js';
import type { LaidElement } from '../types.js';
import { layoutClassic } from './content.js';
import { blocksPiece, textPiece } from './pieces.js';

/**
 * Two sides set against each other, each on a panel under its label: side by side on square and
 * landscape slides, one above the other on portrait and story. The first side is the calm one (a
 * surface panel, a muted label); the second, the one the post argues for, is outlined in the accent.
 */
export function layoutComparison(ctx: LayoutContext, slide: Slide): PagePart[] {
  const comparison = comparisonOf(slide.blocks);
  if (!comparison) return layoutClassic(ctx, slide);
  const t = ctx.design.typography;
  const box = ctx.box;
  const stacked = box.h > box.w * 1.05;
  const fitted = fitStack(box, 0.7, (scale): Piece[] => {
    const body = t.bodySize * scale;
    const pieces: Piece[] = [];
    const lead: Block[] = comparison.lead;
    if (slide.title?.length) pieces.push(textPiece(ctx, slide.title, box.x, box.w, { style: baseStyle(ctx.fonts.title, t.titleSize * 0.72 * scale, ctx.theme.title, 700), lineHeight: 1.18, gap: body, align: ctx.align }));
    if (lead.length) {
      const [first, ...rest] = lead;
      pieces.push(textPiece(ctx, first.spans, box.x, box.w, { style: baseStyle(ctx.fonts.title, t.titleSize * 0.72 * scale, ctx.theme.title, 700), lineHeight: 1.18, gap: body, align: ctx.align }));
      if (rest.length) pieces.push(blocksPiece(ctx, rest, box.x, box.w, { size: body, color: ctx.theme.text, family: ctx.fonts.body }, body));
    }
    const gap = body * 0.8;
    if (stacked) {
      comparison.sides.forEach((side, i) => pieces.push(panelPiece(ctx, side, i, box.x, box.w, body, i === 0 ? gap : 0)));
    } else {
      const w = (box.w - gap) / 2;
      const panels = comparison.sides.map((side, i) => panelPiece(ctx, side, i, box.x + i * (w + gap), w, body, 0));
      const h = Math.max(...panels.map((p) => p.h));
      pieces.push({ h, w: box.w, split: panels.some((p) => p.split), draw: (y) => panels.flatMap((p) => p.draw(y, h)) });
    }
    return pieces;
  }, { ceiling: 1.3, fill: 0.75 });
  if (!fitted) return layoutClassic(ctx, slide);
  return [{ elements: placeStack(box, fitted.pieces), bodySize: t.bodySize * fitted.scale }];
}

interface Panel extends Piece {
  draw(y: number, height?: number): LaidElement[];
}

function panelPiece(ctx: LayoutContext, side: Side, index: number, x: number, w: number, body: number, below: number): Panel {
  const pad = body * 1.1;
  const inner: Box = { x: x + pad, y: 0, w: w - pad * 2, h: 0 };
  const accent = index === 1;
  const label = textPiece(ctx, [{ text: side.label.toUpperCase() }], inner.x, inner.w, {
    style: baseStyle(ctx.fonts.body, body * 0.78, accent ? ctx.accent : ctx.theme.muted, 700),
    lineHeight: 1.2,
    wrap: 'greedy',
    gap: body * 0.55,
  });
  const text = blocksPiece(ctx, side.blocks, inner.x, inner.w, { size: body, color: ctx.theme.text, family: ctx.fonts.body, lineHeight: 1.4 });
  const contentH = label.h + text.h;
  return {
    h: contentH + pad * 2 + below,
    w: Math.max(label.w, text.w) + pad * 2,
    split: !!(label.split || text.split),
    draw: (y, height) => {
      const h = height ?? contentH + pad * 2;
      const panel: LaidElement = accent
        ? { type: 'rect', x, y, w, h, radius: 14, fill: ctx.theme.surface, stroke: { color: ctx.accent, width: 1.6 } }
        : { type: 'rect', x, y, w, h, radius: 14, fill: ctx.theme.surface, stroke: { color: ctx.theme.muted, width: 0.6 }, opacity: 1 };
      return [panel, ...label.draw(y + pad), ...text.draw(y + pad + label.h)];
    },
  };
}
