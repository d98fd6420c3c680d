import type { Slide } from '../../model/deck.js';
import type { LayoutContext } from '../context.js';
import type { PagePart } from '../compose.js';
import { displayUrl } from '../chrome.js';
import { fitStack, placeStack, type Piece } from '../stack.js';
import { baseStyle, styleSpans } from '../styles.js';
import { button, textPiece } from './pieces.js';

/**
 * The subscribe outro: the call to action on a card of the accent colour (the headline large, the
 * second line under it) with the third line as a button in the page's colours, and the brand's
 * website under the card, where a reader types it. Undefined when the page is too short for it.
 */
export function layoutSubscribeOutro(ctx: LayoutContext, slide: Slide): PagePart[] | undefined {
  const t = ctx.design.typography;
  const box = ctx.box;
  const [head, second, third] = slide.blocks;
  const site = ctx.design.brand.website;
  const fitted = fitStack(box, 0.35, (scale): Piece[] => {
    const body = t.bodySize * scale;
    const pad = Math.max(16, 30 * scale);
    const innerX = box.x + pad;
    const innerW = box.w - pad * 2;
    const inner: Piece[] = [];
    if (head) inner.push(textPiece(ctx, head.spans, innerX, innerW, { style: baseStyle(ctx.fonts.title, t.titleSize * 0.95 * scale, ctx.theme.onAccent, 700), lineHeight: 1.16, align: 'center', gap: body * 0.8 }));
    if (second) inner.push(textPiece(ctx, second.spans, innerX, innerW, { style: baseStyle(ctx.fonts.body, body * 1.05, ctx.theme.onAccent, 400), lineHeight: 1.35, align: 'center', gap: third ? body * 1.3 : 0 }));
    // The button in the page's colours, the accent its text, so it reads as the one thing to press on the card.
    if (third) inner.push(button(ctx, styleSpans(third.spans, baseStyle(ctx.fonts.body, body * 1.05, ctx.accent, 700), ctx.theme), innerX, innerW, ctx.theme.background));
    const innerH = inner.reduce((n, p) => n + p.h, 0);
    const card: Piece = {
      h: innerH + pad * 2 + (site ? body * 1.1 : 0),
      w: Math.max(0, ...inner.map((p) => p.w + pad * 2)),
      split: inner.some((p) => p.split),
      draw: (y) => [{ type: 'rect', x: box.x, y, w: box.w, h: innerH + pad * 2, radius: Math.max(14, 26 * scale), fill: ctx.accent }, ...placeStack({ x: box.x, y: y + pad, w: box.w, h: innerH }, inner, 0)],
    };
    const pieces = [card];
    if (site) pieces.push(textPiece(ctx, [{ text: displayUrl(site), href: /^https?:\/\//i.test(site) ? site : `https://${site}` }], box.x, box.w, { style: baseStyle(ctx.fonts.body, body * 1.05, ctx.theme.text, 700), lineHeight: 1.3, align: 'center', wrap: 'greedy' }));
    return pieces;
  });
  if (!fitted) return undefined;
  return [{ elements: placeStack(box, fitted.pieces, 0.5), bodySize: t.bodySize * fitted.scale }];
}
