import type { Slide } from '../../model/deck.js';
import type { Box, LayoutContext } from '../context.js';
import type { PagePart, TextSpec } from '../compose.js';
import { composePages } from '../compose.js';
import { placeImages } from '../images.js';
import { setText } from '../lines.js';
import { baseStyle } from '../styles.js';
import { authorRow, hasIdentity } from './author.js';
import type { LaidElement } from '../types.js';
import { centerIn, extentY, shiftY } from '../shift.js';
import { leadX, markX } from './direction.js';
import { blockText } from '../../model/document.js';
import { wordCount } from '../../plan/choose-composition.js';
import { fitStack, placeStack, type Piece } from '../stack.js';
import { blocksPiece, rulePiece, textPiece } from './pieces.js';

function bodySpec(ctx: LayoutContext, slide: Slide): TextSpec {
  const t = ctx.design.typography;
  return {
    title: slide.title,
    blocks: slide.blocks,
    media: slide.media,
    body: { size: t.bodySize, color: ctx.theme.text, family: ctx.fonts.body, align: ctx.align },
    titleSize: t.titleSize,
    minScale: 0.75,
  };
}

const RULE_H = 4;

/** Title and body with a short accent rule on top; images below the text. */
export function layoutClassic(ctx: LayoutContext, slide: Slide): PagePart[] {
  const rule = ruleAt(ctx, markX(ctx, ctx.box, slide, 32), ctx.box.y);
  const inner = shrinkTop(ctx.box, RULE_H + ctx.design.typography.bodySize);
  return centerSingle(withFirst(composePages(ctx, inner, bodySpec(ctx, slide)), [rule]), ctx.box);
}

/** A large accent badge with the step number, then the text. */
export function layoutNumbered(ctx: LayoutContext, slide: Slide): PagePart[] {
  const d = 46;
  const x = leadX(ctx, ctx.box, slide, d);
  const badge: LaidElement = { type: 'rect', x, y: ctx.box.y, w: d, h: d, radius: d / 2, fill: ctx.accent };
  const label = String(ctx.ordinal).padStart(2, '0');
  const num = setText(ctx.engine, [{ text: label, style: baseStyle(ctx.fonts.title, 19, ctx.theme.onAccent, 700) }], x, ctx.box.y + (d - 19 * 1.2) / 2, d, 1.2, 'center');
  const inner = shrinkTop(ctx.box, d + ctx.design.typography.bodySize);
  return centerSingle(withFirst(composePages(ctx, inner, bodySpec(ctx, slide)), [badge, num.text]), ctx.box);
}

/**
 * Big bold text at the slide's optical centre, under a short accent rule: the shorter the text, the
 * larger it is set, balanced over its lines. Text too long for one slide even at body size, or with
 * images, is set in the flow and continues over pages.
 */
export function layoutStatement(ctx: LayoutContext, slide: Slide): PagePart[] {
  const t = ctx.design.typography;
  const chars = slide.blocks.reduce((n, b) => n + blockText(b).length, 0);
  const big = Math.max(t.bodySize, t.titleSize * (chars <= 60 ? 1.15 : chars <= 120 ? 0.95 : 0.8));
  if (slide.media.length === 0) {
    const box = ctx.box;
    const fitted = fitStack(box, t.bodySize / big, (scale): Piece[] => {
      const size = big * scale;
      const pieces: Piece[] = [rulePiece(ctx, markX(ctx, box, slide, 32), size * 0.75)];
      if (slide.title?.length) pieces.push(textPiece(ctx, slide.title, box.x, box.w, { style: baseStyle(ctx.fonts.title, size * 0.6, ctx.accent, 700), lineHeight: 1.2, gap: size * 0.5, align: ctx.align }));
      pieces.push(blocksPiece(ctx, slide.blocks, box.x, box.w, { size, color: ctx.theme.title, family: ctx.fonts.title, weight: 700, lineHeight: 1.2, wrap: 'balance', emphasis: ctx.emphasis, align: ctx.align }));
      return pieces;
    });
    if (fitted) return [{ elements: placeStack(box, fitted.pieces), bodySize: big * fitted.scale }];
  }
  const spec: TextSpec = {
    ...bodySpec(ctx, slide),
    body: { size: big, color: ctx.theme.title, family: ctx.fonts.title, weight: 700, lineHeight: 1.25, wrap: 'balance', align: ctx.align },
    titleSize: t.titleSize * 1.1,
    minScale: t.bodySize / big,
    center: slide.media.length === 0,
  };
  return composePages(ctx, ctx.box, spec);
}

/**
 * The image leads and the text captions it: one image whole at the full width (never cropped, a
 * chart keeps its labels), two to four as a grid with equal gutters, and the text below, set large
 * and bold when it is a short caption. The pair sits at the optical centre. Text too long to caption
 * an image continues in the flow, the image above it on the first page.
 */
export function layoutImageFocus(ctx: LayoutContext, slide: Slide, share = 0.62): PagePart[] {
  if (slide.media.length === 0) return layoutClassic(ctx, slide);
  const t = ctx.design.typography;
  const box = ctx.box;
  const caption = wordCount(slide.blocks.map(blockText).join(' ')) <= 25;
  const fitted = fitStack(box, 0.75, (scale): Piece[] => {
    const gap = t.bodySize * 0.9;
    const textPieces: Piece[] = [];
    if (slide.title?.length) textPieces.push(textPiece(ctx, slide.title, box.x, box.w, { style: baseStyle(ctx.fonts.title, t.titleSize * 0.7 * scale, ctx.theme.title, 700), lineHeight: 1.18, gap: gap * 0.6, align: ctx.align }));
    if (slide.blocks.length) {
      textPieces.push(caption
        ? blocksPiece(ctx, slide.blocks, box.x, box.w, { size: t.titleSize * 0.62 * scale, color: ctx.theme.title, family: ctx.fonts.title, weight: 700, lineHeight: 1.22, wrap: 'balance', emphasis: ctx.emphasis, align: ctx.align })
        : blocksPiece(ctx, slide.blocks, box.x, box.w, { size: t.bodySize * scale, color: ctx.theme.text, family: ctx.fonts.body, align: ctx.align }));
    }
    const textH = textPieces.reduce((n, p) => n + p.h, 0);
    // The image takes what the text leaves, up to three fifths of the box (a grid, seven tenths).
    const frame = Math.max(0, Math.min(box.h * share, box.h - textH - gap));
    const sized = placeImages(ctx, slide.media, { ...box, y: 0, h: frame });
    const imageH = sized.reduce((h, e) => Math.max(h, e.type === 'image' || e.type === 'rect' ? e.y + e.h : 0), 0);
    const image: Piece = {
      h: imageH + (textPieces.length ? gap : 0),
      w: 0,
      draw: (y) => sized.map((e) => shiftY(e, y)),
    };
    return [image, ...textPieces];
  });
  if (fitted && fitted.pieces[0].h > box.h * 0.3) return [{ elements: placeStack(box, fitted.pieces), bodySize: t.bodySize * fitted.scale }];
  const imageH = Math.round(box.h * 0.5);
  const hero = placeImages(ctx, slide.media, { ...box, h: imageH });
  const inner = shrinkTop(box, imageH + t.bodySize);
  return withFirst(composePages(ctx, inner, { ...bodySpec(ctx, slide), media: [] }), hero);
}

/**
 * Two to four images as a grid of equal gutters, cropped to their tiles as X shows them, taking
 * more of the slide than image focus gives one picture; alt text kept on each. One image is set
 * whole, as in image focus.
 */
export function layoutImageGrid(ctx: LayoutContext, slide: Slide): PagePart[] {
  return layoutImageFocus(ctx, slide, slide.media.length > 1 ? 0.7 : 0.62);
}

/** The post as a card: avatar, name and handle above its text, like on X. */
export function layoutPostCard(ctx: LayoutContext, slide: Slide): PagePart[] {
  const pad = 22;
  const headH = hasIdentity(slide.author) ? 40 : -14;
  const inner: Box = { x: ctx.box.x + pad, y: ctx.box.y + pad + headH + 14, w: ctx.box.w - pad * 2, h: ctx.box.h - pad * 2 - headH - 14 };
  const parts = composePages(ctx, inner, bodySpec(ctx, slide));
  const cards = parts.map((part) => {
    const bottom = extentY(part.elements)?.bottom ?? inner.y;
    const cardH = Math.min(ctx.box.h, bottom - ctx.box.y + pad);
    const card: LaidElement = {
      type: 'rect', x: ctx.box.x, y: ctx.box.y, w: ctx.box.w, h: cardH, radius: 18, fill: ctx.theme.surface,
      stroke: { color: ctx.theme.muted, width: 0.6 }, opacity: 1,
    };
    const head = authorRow(ctx, slide.author, ctx.box.x + pad, ctx.box.y + pad, 36, ctx.design.typography.bodySize * 0.85);
    return { ...part, elements: [card, ...head, ...part.elements] };
  });
  return centerSingle(cards, ctx.box);
}

/** A slide that fits on one page sits in the middle of it; continued text keeps to the top. */
function centerSingle(parts: PagePart[], box: Box): PagePart[] {
  return parts.length === 1 ? [{ ...parts[0], elements: centerIn(parts[0].elements, box) }] : parts;
}

function ruleAt(ctx: LayoutContext, x: number, y: number): LaidElement {
  return { type: 'rect', x, y, w: 32, h: RULE_H, radius: 2, fill: ctx.accent };
}

function shrinkTop(box: Box, by: number): Box {
  return { x: box.x, y: box.y + by, w: box.w, h: box.h - by };
}

function withFirst(parts: PagePart[], extra: LaidElement[]): PagePart[] {
  return parts.map((p, i) => (i === 0 ? { ...p, elements: [...extra, ...p.elements] } : p));
}
