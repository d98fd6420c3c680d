import type { Slide } from '../../model/deck.js';
import { blockText } from '../../model/document.js';
import { quotationOf } from '../../plan/quotation.js';
import type { LayoutContext } from '../context.js';
import type { PagePart } from '../compose.js';
import { setText } from '../lines.js';
import { fitStack, placeStack, type Piece } from '../stack.js';
import { baseStyle } from '../styles.js';
import { layoutClassic } from './content.js';
import { readsRightToLeft } from './direction.js';
import { textPiece } from './pieces.js';

/**
 * A quotation: a large opening mark in the accent colour, the words big and balanced, and who said
 * them below when the post names them. Words too long for one slide are set as a classic slide.
 */
export function layoutQuote(ctx: LayoutContext, slide: Slide): PagePart[] {
  const quotation = quotationOf(slide.blocks) ?? { words: slide.blocks };
  const t = ctx.design.typography;
  const box = ctx.box;
  const rtl = readsRightToLeft(ctx, slide);
  const chars = quotation.words.reduce((n, b) => n + blockText(b).length, 0);
  // Shorter words are set larger, as a designer would, from a title-and-a-half down to body size.
  const size = t.titleSize * (chars <= 70 ? 1.05 : chars <= 140 ? 0.86 : 0.72);
  const spans = quotation.words.flatMap((b, i) => (i === 0 ? b.spans : [{ text: '\n' }, ...b.spans]));
  const fitted = fitStack(box, t.bodySize / size, (scale): Piece[] => {
    const markSize = size * 3 * Math.max(scale, 0.7);
    const mark: Piece = {
      // A serif mark in every theme: its curl reads as a quotation at any size, where a sans mark is two
      // slanted bars. Its ink sits in the top half of its em box, so the words start just under it.
      h: markSize * 0.42,
      w: 0,
      draw: (y) => [
        setText(ctx.engine, [{ text: rtl ? '”' : '“', style: baseStyle('serif', markSize, ctx.accent, 700) }], box.x, y - markSize * 0.12, box.w, 1, ctx.align === 'center' ? 'center' : rtl ? 'right' : 'left').text,
      ],
    };
    const words = textPiece(ctx, spans, box.x, box.w, {
      style: baseStyle(ctx.fonts.title, size * scale, ctx.theme.title, 700),
      lineHeight: 1.22,
      emphasis: ctx.emphasis,
      align: ctx.align,
      gap: quotation.by ? t.bodySize * 1.3 : 0,
    });
    const pieces = [mark, words];
    if (quotation.by) {
      pieces.push(textPiece(ctx, [{ text: '— ' }, ...quotation.by], box.x, box.w, { style: baseStyle(ctx.fonts.body, t.bodySize, ctx.theme.muted, 700), lineHeight: 1.35, align: ctx.align }));
    }
    return pieces;
  });
  if (!fitted) return layoutClassic(ctx, slide);
  return [{ elements: placeStack(box, fitted.pieces), bodySize: size * fitted.scale }];
}
