import type { Slide } from '../../model/deck.js';
import type { LayoutContext } from '../context.js';
import type { PagePart } from '../compose.js';
import { composePages } from '../compose.js';
import { placeStack } from '../stack.js';
import { layoutBlocks } from '../flow.js';
import { layoutLinkOutro } from './outro-link.js';
import { layoutSubscribeOutro } from './outro-subscribe.js';
import { button } from './pieces.js';
import { hookBlocks, layoutImageCover, layoutPhotoCover, subtitlePieces } from './covers.js';
import { blockText } from '../../model/document.js';
import { setText } from '../lines.js';
import { baseStyle, styleSpans } from '../styles.js';
import { authorRow, avatar, hasIdentity } from './author.js';
import type { LaidElement } from '../types.js';
import { centreX, extentY, shiftY } from '../shift.js';
import { markX, readsRightToLeft } from './direction.js';

/** The hook: a large title, the first post's image if there is room, and the author at the bottom. */
export function layoutCover(ctx: LayoutContext, slide: Slide): PagePart[] {
  const style = ctx.design.coverStyle;
  const other = style === 'image' ? layoutImageCover(ctx, slide) : style === 'photo' ? layoutPhotoCover(ctx, slide) : undefined;
  if (other) return other;
  const t = ctx.design.typography;
  const box = ctx.box;
  const authorH = hasIdentity(slide.author) ? 48 : 0;
  const rule: LaidElement = { type: 'rect', x: markX(ctx, box, slide, 48), y: box.y, w: 48, h: 5, radius: 2.5, fill: ctx.accent };
  const fullBox = { x: box.x, y: box.y + 5 + t.bodySize * 1.2, w: box.w, h: box.h - authorH - 5 - t.bodySize * 2.2 };
  // A titled cover sets its subtitle (an article's dek, its date) under the title, smaller and muted.
  const subtitle = slide.title?.length ? coverSubtitle(ctx, slide, fullBox) : undefined;
  const textBox = subtitle ? { ...fullBox, h: fullBox.h - subtitle.height - subtitle.gap } : fullBox;
  const blocks = hookBlocks(slide);
  // The cover's promise is the largest text of the deck: the shorter it is, the larger it is set.
  const chars = blocks.reduce((n, b) => n + blockText(b).length, 0);
  const size = t.titleSize * (chars <= 50 ? 1.6 : chars <= 90 ? 1.35 : 1.2);
  const parts = composePages(ctx, textBox, {
    blocks,
    media: slide.media,
    body: { size, color: ctx.theme.title, family: ctx.fonts.title, weight: 700, lineHeight: 1.12, wrap: 'balance', emphasis: ctx.emphasis, align: ctx.align },
    titleSize: t.titleSize,
    minScale: 0.45 * ((t.titleSize * 1.2) / size),
    center: slide.media.length === 0,
  });
  const row = authorRow(ctx, slide.author, box.x, box.y + box.h - authorH + 4, 44, t.bodySize);
  // A centred cover centres its author too.
  const author = ctx.align === 'center' ? centreX(row, box) : row;
  let elements = parts[0].elements;
  if (subtitle) {
    // Title and subtitle are centred together where the title alone was.
    const extent = extentY(elements) ?? { top: textBox.y, bottom: textBox.y };
    const groupH = extent.bottom - extent.top + subtitle.gap + subtitle.height;
    const top = slide.media.length === 0 ? fullBox.y + Math.max(0, (fullBox.h - groupH) / 2) : extent.top;
    const shift = top - extent.top;
    elements = [...elements.map((e) => shiftY(e, shift)), ...subtitle.place(extent.bottom + shift + subtitle.gap)];
  }
  return [{ ...parts[0], elements: [rule, ...elements, ...author] }, ...parts.slice(1)];
}

/** The subtitle lines of a titled cover, measured first and placed under the title later. */
function coverSubtitle(ctx: LayoutContext, slide: Slide, box: { x: number; y: number; w: number }) {
  const align = ctx.align === 'center' ? 'center' : readsRightToLeft(ctx, slide) ? 'right' : 'left';
  const pieces = subtitlePieces(ctx, slide, box.x, box.w, ctx.theme.muted, align, 1, 0);
  if (pieces.length === 0) return undefined;
  const height = pieces.reduce((h, p) => h + p.h, 0);
  const place = (y: number): LaidElement[] => placeStack({ ...box, y, h: height }, pieces, 0);
  return { height, gap: ctx.design.typography.bodySize * 1.1, place };
}

/** A chapter break: the section number in the accent colour over a large title, centred vertically. */
export function layoutSection(ctx: LayoutContext, slide: Slide): PagePart[] {
  const t = ctx.design.typography;
  const box = ctx.box;
  const number = String(ctx.section).padStart(2, '0');
  const numSize = t.titleSize * 1.6;
  const numH = numSize * 1.1 + t.bodySize;
  const parts = composePages(ctx, { ...box, y: box.y + numH, h: box.h - numH }, {
    blocks: [{ type: 'paragraph', spans: slide.title ?? [] }, ...slide.blocks],
    media: slide.media,
    body: { size: t.titleSize * 1.15, color: ctx.theme.title, family: ctx.fonts.title, weight: 700, lineHeight: 1.18, wrap: 'balance', align: ctx.align },
    titleSize: t.titleSize,
    minScale: 0.6,
  });
  const extent = extentY(parts[0].elements);
  const textTop = extent?.top ?? box.y + numH;
  const textBottom = extent?.bottom ?? textTop;
  // Centre number + title together in the box.
  const blockH = numH + (textBottom - textTop);
  const shift = Math.max(0, (box.h - blockH) / 2);
  const align = ctx.align === 'center' ? 'center' : readsRightToLeft(ctx, slide) ? 'right' : 'left';
  const num = setText(ctx.engine, [{ text: number, style: baseStyle(ctx.fonts.title, numSize, ctx.accent, 700) }], box.x, box.y + shift, box.w, 1.1, align);
  const rule: LaidElement = { type: 'rect', x: markX(ctx, box, slide, 48), y: box.y + shift + numSize * 1.1 + t.bodySize * 0.35, w: 48, h: 4, radius: 2, fill: ctx.accent };
  const moved = parts[0].elements.map((e) => shiftY(e, shift));
  return [{ ...parts[0], elements: [num.text, rule, ...moved] }, ...parts.slice(1)];
}

/** Image posts: the title if the plan gave one, then the image as large as the slide allows. */
export function layoutImageSlide(ctx: LayoutContext, slide: Slide): PagePart[] {
  const t = ctx.design.typography;
  return composePages(ctx, ctx.box, {
    title: slide.title, blocks: slide.blocks, media: slide.media,
    body: { size: t.bodySize, color: ctx.theme.text, family: ctx.fonts.body }, titleSize: t.titleSize, minScale: 0.75,
  });
}

/**
 * The call to action: avatar, a large first line, a second line, and the third as a button. A link
 * outro (its last block a link the planner added) shows the address and a QR code to it instead,
 * and a subscribe outro sets the lines on an accent card.
 */
export function layoutOutro(ctx: LayoutContext, slide: Slide): PagePart[] {
  const last = slide.blocks[slide.blocks.length - 1];
  const linked = ctx.design.cta.style === 'link' && last?.spans[0]?.href ? layoutLinkOutro(ctx, slide, last) : undefined;
  if (linked) return linked;
  const subscribe = ctx.design.cta.style === 'subscribe' && slide.blocks.length > 0 ? layoutSubscribeOutro(ctx, slide) : undefined;
  if (subscribe) return subscribe;
  // Short pages (landscape) scale the whole stack down until it fits.
  for (let scale = 1; ; scale -= 0.1) {
    const stack = outroStack(ctx, slide, Math.max(scale, 0.3));
    const total = stack.reduce((sum, p) => sum + p.h, 0);
    if (total <= ctx.box.h || scale <= 0.3) {
      const elements: LaidElement[] = [];
      let y = ctx.box.y + Math.max(0, (ctx.box.h - total) / 2);
      for (const p of stack) {
        elements.push(...p.draw(y));
        y += p.h;
      }
      return [{ elements, bodySize: ctx.design.typography.bodySize * scale }];
    }
  }
}

function outroStack(ctx: LayoutContext, slide: Slide, scale: number) {
  const t = ctx.design.typography;
  const box = ctx.box;
  const body = t.bodySize * scale;
  const d = 84 * scale;
  const src = ctx.design.brand.avatar ?? slide.author?.avatar;
  const [head, second, third] = slide.blocks;
  const parts: { h: number; draw: (y: number) => LaidElement[] }[] = [];
  if (src || hasIdentity(slide.author)) parts.push({ h: d + body * 1.4, draw: (y) => avatar(ctx, slide.author, src, box.x + (box.w - d) / 2, y, d) });
  if (head) {
    const style = { size: t.titleSize * 1.05 * scale, color: ctx.theme.title, family: ctx.fonts.title, weight: 700 as const, align: 'center' as const, lineHeight: 1.18, wrap: 'balance' as const };
    const block = { ...head, type: 'paragraph' as const };
    const h = layoutBlocks([block], ctx, 0, 0, box.w, style).height;
    parts.push({ h: h + body, draw: (y) => layoutBlocks([block], ctx, box.x, y, box.w, style).elements });
  }
  if (second) {
    const style = { size: body * 1.15, color: ctx.theme.muted, family: ctx.fonts.body, align: 'center' as const };
    const h = layoutBlocks([second], ctx, 0, 0, box.w, style).height;
    parts.push({ h: h + body * 1.4, draw: (y) => layoutBlocks([second], ctx, box.x, y, box.w, style).elements });
  }
  if (third) parts.push(button(ctx, styleSpans(third.spans, baseStyle(ctx.fonts.body, body, ctx.theme.onAccent, 700), ctx.theme), box.x, box.w));
  return parts;
}

