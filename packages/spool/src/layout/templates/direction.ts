import type { Slide } from '../../model/deck.js';
import { spansText } from '../../model/document.js';
import { isRightToLeft } from '../../text/bidi.js';
import type { Box } from '../context.js';

/** Whether a slide's text reads right to left: its title, else its first block. */
export function readsRightToLeft(slide: Slide): boolean {
  return isRightToLeft(spansText(slide.title ?? slide.blocks[0]?.spans ?? []));
}

/** Where a mark `w` wide that leads the text starts: on the right of a slide that reads right to left. */
export function leadX(box: Box, slide: Slide, w: number): number {
  return readsRightToLeft(slide) ? box.x + box.w - w : box.x;
}

/** Where a mark `w` wide that leads the text starts, on a slide set flush or centred. */
export function markX(ctx: { align: 'start' | 'center' }, box: Box, slide: Slide, w: number): number {
  return ctx.align === 'center' ? box.x + (box.w - w) / 2 : leadX(box, slide, w);
}
