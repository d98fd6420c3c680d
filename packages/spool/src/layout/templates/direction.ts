import type { Slide } from '../../model/deck.js';
import { spansText } from '../../model/document.js';
import { isRightToLeft } from '../../text/bidi.js';
import type { Box } from '../context.js';
import type { TextEngine } from '../../text/types.js';

/** What the direction of a slide depends on: the document's declared direction, through the engine. */
type Directed = { engine: Pick<TextEngine, 'locale'> };

/** Whether a slide's text reads right to left: its title, else its first block, by the document's direction. */
export function readsRightToLeft(ctx: Directed, slide: Slide): boolean {
  return isRightToLeft(spansText(slide.title ?? slide.blocks[0]?.spans ?? []), ctx.engine.locale.direction);
}

/** Where a mark `w` wide that leads the text starts: on the right of a slide that reads right to left. */
export function leadX(ctx: Directed, box: Box, slide: Slide, w: number): number {
  return readsRightToLeft(ctx, slide) ? box.x + box.w - w : box.x;
}

/** Where a mark `w` wide that leads the text starts, on a slide set flush or centred. */
export function markX(ctx: Directed & { align: 'start' | 'center' }, box: Box, slide: Slide, w: number): number {
  return ctx.align === 'center' ? box.x + (box.w - w) / 2 : leadX(ctx, box, slide, w);
}
