import type { Slide } from '../../model/deck.js';
import type { Block } from '../../model/document.js';
import type { LayoutContext } from '../context.js';
import type { PagePart } from '../compose.js';
import { qrRects } from '../qr.js';
import { fitStack, placeStack, type Piece } from '../stack.js';
import { baseStyle } from '../styles.js';
import { textPiece } from './pieces.js';

/**
 * The link outro: the headline, a QR code to the source, its address written out (a link in the PDF),
 * and the follow-up line, centred. For a reader who meets the carousel on one screen and reads the
 * article on another. Undefined when the page is too short for it, and the outro follows instead.
 */
export function layoutLinkOutro(ctx: LayoutContext, slide: Slide, link: Block): PagePart[] | undefined {
  const t = ctx.design.typography;
  const box = ctx.box;
  const [head, ...rest] = slide.blocks.filter((b) => b !== link);
  const href = link.spans[0].href!;
  const fitted = fitStack(box, 0.35, (scale): Piece[] => {
    const pieces: Piece[] = [];
    const body = t.bodySize * scale;
    if (head) pieces.push(textPiece(ctx, head.spans, box.x, box.w, { style: baseStyle(ctx.fonts.title, t.titleSize * 1.05 * scale, ctx.theme.title, 700), lineHeight: 1.18, align: 'center', gap: body * 1.2 }));
    const side = Math.min(box.w * 0.5, box.h * 0.42) * scale;
    pieces.push({ h: side + body, w: side, draw: (y) => qrRects(href, box.x + (box.w - side) / 2, y, side) });
    pieces.push(textPiece(ctx, link.spans, box.x, box.w, { style: baseStyle(ctx.fonts.body, body * 1.05, ctx.accent, 700), lineHeight: 1.3, align: 'center', wrap: 'greedy', gap: rest.length ? body * 0.8 : 0 }));
    for (const block of rest) pieces.push(textPiece(ctx, block.spans, box.x, box.w, { style: baseStyle(ctx.fonts.body, body * 1.1, ctx.theme.muted, 400), lineHeight: 1.35, align: 'center', gap: body * 0.4 }));
    return pieces;
  });
  if (!fitted) return undefined;
  return [{ elements: placeStack(box, fitted.pieces, 0.5), bodySize: t.bodySize * fitted.scale }];
}
