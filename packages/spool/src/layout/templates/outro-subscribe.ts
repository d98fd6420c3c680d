import type { Slide } from '../../model/deck.js';
import type { LayoutContext } from '../context.js';
import type { PagePart } from '../compose.js';
import { displayUrl } from '../chrome.js';
import { setText } from '../lines.js';
import { fitStack, placeStack, type Piece } from '../stack.js';
import { baseStyle, styleSpans } from '../styles.js';
import { breakText } from '../wrap.js';
import { textPiece } from './pieces.js';

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
    if (third) inner.push(pill(ctx, third.spans, innerX, innerW, body * 1.05));
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

/** The button: the line in the accent colour on a pill of the page's background. */
function pill(ctx: LayoutContext, spans: Slide['blocks'][number]['spans'], x: number, width: number, size: number): Piece {
  const texts = styleSpans(spans, baseStyle(ctx.fonts.body, size, ctx.accent, 700), ctx.theme);
  const padX = size * 1.3;
  const lines = breakText(ctx.engine, texts, width - padX * 2, 'balance');
  const textW = Math.max(0, ...lines.map((l) => l.width));
  const h = lines.length * size * 1.35 + size * 1.4;
  const w = textW + padX * 2;
  return {
    h,
    w,
    draw: (y) => {
      const bx = x + (width - w) / 2;
      const set = setText(ctx.engine, texts, bx + padX, y + size * 0.7, textW + 0.5, 1.35, 'center', 'balance');
      return [{ type: 'rect', x: bx, y, w, h, radius: Math.min(h / 2, 28), fill: ctx.theme.background }, set.text];
    },
  };
}
