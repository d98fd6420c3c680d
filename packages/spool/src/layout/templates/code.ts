import type { Slide } from '../../model/deck.js';
import { blockText } from '../../model/document.js';
import { wordCount } from '../../plan/choose-composition.js';
import { layoutCodeCard } from '../code-block.js';
import type { LayoutContext } from '../context.js';
import type { PagePart } from '../compose.js';
import { shiftY } from '../shift.js';
import { fitStack, placeStack, type Piece } from '../stack.js';
import { baseStyle } from '../styles.js';
import { layoutClassic } from './content.js';
import { blocksPiece, textPiece } from './pieces.js';

/** Smallest code size, as a share of the body size, before lines wrap or the code continues over pages. */
const CODE_FLOOR = 0.55;

/**
 * Code as the slide's subject: the words that lead into it above (large and bold when they are
 * short, as a headline for the code), the code on an editor card at the largest size that keeps
 * every line whole, and the words after it below as a caption. Code too long for one slide, or a
 * slide with more than one block of code, is set in the flow and continues over pages.
 */
export function layoutCode(ctx: LayoutContext, slide: Slide): PagePart[] {
  const at = slide.blocks.findIndex((b) => b.type === 'code');
  const after = slide.blocks.slice(at + 1);
  if (at < 0 || after.some((b) => b.type === 'code') || slide.media.length > 0) return layoutClassic(ctx, slide);
  const code = slide.blocks[at];
  const before = slide.blocks.slice(0, at);
  const t = ctx.design.typography;
  const box = ctx.box;
  const headline = wordCount(before.map(blockText).join(' ')) <= 24;
  const size = t.bodySize * 1.05;
  const fitted = fitStack(box, CODE_FLOOR / 1.05, (scale): Piece[] => {
    const gap = t.bodySize * 0.9;
    const pieces: Piece[] = [];
    if (slide.title?.length) {
      pieces.push(textPiece(ctx, slide.title, box.x, box.w, { style: baseStyle(ctx.fonts.title, t.titleSize * 0.62, ctx.theme.title, 700), lineHeight: 1.18, gap: gap * 0.6, align: ctx.align }));
    }
    if (before.length) {
      pieces.push(headline
        ? blocksPiece(ctx, before, box.x, box.w, { size: t.titleSize * 0.62, color: ctx.theme.title, family: ctx.fonts.title, weight: 700, lineHeight: 1.2, wrap: 'balance', emphasis: ctx.emphasis, align: ctx.align }, gap)
        : blocksPiece(ctx, before, box.x, box.w, { size: t.bodySize, color: ctx.theme.text, family: ctx.fonts.body, align: ctx.align }, gap));
    }
    // The card is set at this scale's size exactly: a line too long for it wraps, and the stack
    // takes a wrapped card only at its floor, so a smaller size that keeps lines whole always wins.
    const card = layoutCodeCard(ctx, code, box.x, 0, box.w, size * scale, size * scale);
    pieces.push({ h: card.height + (after.length ? gap : 0), w: card.width, split: card.wrapped, draw: (y) => card.elements.map((e) => shiftY(e, y)) });
    if (after.length) pieces.push(blocksPiece(ctx, after, box.x, box.w, { size: t.bodySize * 0.9, color: ctx.theme.muted, family: ctx.fonts.body, align: ctx.align }));
    return pieces;
  });
  if (!fitted) return layoutClassic(ctx, slide);
  return [{ elements: placeStack(box, fitted.pieces), bodySize: size * fitted.scale }];
}
