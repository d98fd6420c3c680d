/**
 * The two covers beside the title-led one (fixed.ts): image-led, the first post's image full-bleed
 * under a dark scrim with the hook on it in white; and photo-led, the author's picture large over the
 * hook and their name. Each gives way to the title-led cover when it has nothing to show.
 */
import type { Slide } from '../../model/deck.js';
import { blockText, type Block } from '../../model/document.js';
import type { LayoutContext } from '../context.js';
import type { PagePart } from '../compose.js';
import { fitStack, placeStack, type Piece } from '../stack.js';
import type { Align } from '../lines.js';
import { baseStyle } from '../styles.js';
import type { LaidElement } from '../types.js';
import { authorRow, avatar, hasIdentity, pictureOf } from './author.js';
import { markX } from './direction.js';
import { rulePiece, textPiece } from './pieces.js';
import { centreX } from '../shift.js';

/**
 * Black at this opacity over any image, white included, leaves at most #666666 under the text:
 * white text keeps 5.7:1 on it, past WCAG AA, whatever the photo.
 */
export const SCRIM_OPACITY = 0.6;

/** What a cover says: the document's title when the plan gave it one, else the first post's opening. */
export function hookBlocks(slide: Slide): Block[] {
  return slide.title?.length ? [{ type: 'paragraph', spans: slide.title }] : slide.blocks;
}

/**
 * A titled cover's subtitle lines (an article's dek, then its date), set smaller under the hook, in
 * every cover style; `after` is the room left below the last line.
 */
export function subtitlePieces(ctx: LayoutContext, slide: Slide, x: number, width: number, colour: string, align: Align, scale: number, after: number): Piece[] {
  if (!slide.title?.length) return [];
  const t = ctx.design.typography;
  const size = t.bodySize * 1.2 * scale;
  const lines = slide.blocks.filter((b) => blockText(b).trim() !== '');
  return lines.map((block, i) =>
    textPiece(ctx, block.spans, x, width, {
      style: baseStyle(ctx.fonts.body, i === 0 ? size : size * 0.8, colour, 400),
      lineHeight: 1.35,
      align,
      gap: i + 1 < lines.length ? t.bodySize * 0.5 : after,
    }),
  );
}

function hookSize(ctx: LayoutContext, blocks: readonly Block[]): number {
  const chars = blocks.reduce((n, b) => n + blockText(b).length, 0);
  return ctx.design.typography.titleSize * (chars <= 50 ? 1.5 : chars <= 90 ? 1.3 : 1.15);
}

export function layoutImageCover(ctx: LayoutContext, slide: Slide): PagePart[] | undefined {
  const media = slide.media.find((m) => ctx.images(m.src));
  if (!media) return undefined;
  const t = ctx.design.typography;
  const box = ctx.box;
  const blocks = hookBlocks(slide);
  const size = hookSize(ctx, blocks);
  const white = '#FFFFFF';
  const fitted = fitStack(box, 0.45, (scale): Piece[] => {
    const pieces: Piece[] = [rulePiece(ctx, markX(ctx, box, slide, 48), t.bodySize * 0.9, 48, 5)];
    for (const block of blocks) pieces.push(textPiece(ctx, block.spans, box.x, box.w, { style: baseStyle(ctx.fonts.title, size * scale, white, 700), lineHeight: 1.12, align: ctx.align, gap: t.bodySize * 1.2 }));
    pieces.push(...subtitlePieces(ctx, slide, box.x, box.w, white, ctx.align === 'center' ? 'center' : 'start', scale, t.bodySize * 1.1));
    if (hasIdentity(slide.author)) {
      const row = (y: number) => authorRow(ctx, slide.author, box.x, y, 44, t.bodySize, { name: white, handle: white });
      pieces.push({ h: 48, w: 0, draw: (y) => (ctx.align === 'center' ? centreX(row(y), box) : row(y)) });
    }
    return pieces;
  });
  if (!fitted) return undefined;
  const backdrop: LaidElement[] = [
    { type: 'image', src: media.src, x: 0, y: 0, w: ctx.width, h: ctx.height, fit: 'cover', radius: 0, alt: media.alt },
    { type: 'rect', x: 0, y: 0, w: ctx.width, h: ctx.height, fill: '#000000', opacity: SCRIM_OPACITY },
  ];
  // The hook sits low, where a photo's subject rarely is, and clear of the footer.
  return [{ elements: [...backdrop, ...placeStack(box, fitted.pieces, 0.92)], bodySize: t.bodySize * fitted.scale, onImage: true }];
}

export function layoutPhotoCover(ctx: LayoutContext, slide: Slide): PagePart[] | undefined {
  const author = slide.author;
  if (!hasIdentity(author)) return undefined;
  const t = ctx.design.typography;
  const box = ctx.box;
  const blocks = hookBlocks(slide);
  const size = hookSize(ctx, blocks) * 0.82;
  const fitted = fitStack(box, 0.4, (scale): Piece[] => {
    const d = Math.min(box.w * 0.42, box.h * 0.34) * scale;
    const pieces: Piece[] = [{ h: d + t.bodySize * 1.3, w: d, draw: (y) => avatar(ctx, author, pictureOf(ctx, author), box.x + (box.w - d) / 2, y, d) }];
    for (const block of blocks) pieces.push(textPiece(ctx, block.spans, box.x, box.w, { style: baseStyle(ctx.fonts.title, size * scale, ctx.theme.title, 700), lineHeight: 1.14, align: 'center', emphasis: ctx.emphasis, gap: t.bodySize }));
    pieces.push(...subtitlePieces(ctx, slide, box.x, box.w, ctx.theme.muted, 'center', scale, t.bodySize * 1.1));
    const handle = author.handle ? `@${author.handle.replace(/^@/, '')}` : '';
    const byline = [author.name, handle].filter(Boolean).join('  ');
    pieces.push(textPiece(ctx, [{ text: byline }], box.x, box.w, { style: baseStyle(ctx.fonts.body, t.bodySize, ctx.theme.muted, 700), lineHeight: 1.3, align: 'center', wrap: 'balance' }));
    return pieces;
  });
  if (!fitted) return undefined;
  return [{ elements: placeStack(box, fitted.pieces, 0.5), bodySize: t.bodySize * fitted.scale }];
}
