import type { Block, MediaRef, Span } from '../model/document.js';
import { blockText } from '../model/document.js';
import type { Box, LayoutContext } from './context.js';
import type { FlowStyle } from './flow.js';
import { layoutBlocks } from './flow.js';
import { setText } from './lines.js';
import { baseStyle, styleSpans } from './styles.js';
import { pageCapacity, takeBlocks } from './split.js';
import { placeImages } from './images.js';
import { centerIn } from './shift.js';
import type { LaidElement } from './types.js';

export interface TextSpec {
  title?: Span[];
  blocks: Block[];
  media: MediaRef[];
  /** Body style at scale 1. */
  body: FlowStyle;
  /** Title size at scale 1. */
  titleSize: number;
  /** Smallest scale text may shrink to before it continues on another page. */
  minScale: number;
  /** Vertically centre the text when it is shorter than the box. */
  center?: boolean;
}

export interface PagePart {
  elements: LaidElement[];
  bodySize: number;
  /** The page is a picture under a dark scrim: its header and footer are drawn in white. */
  onImage?: boolean;
}

const TITLE_GAP = 0.9;
const MIN_IMAGE_SHARE = 0.36;

/**
 * Fits a slide's title, text and images into a box: at full size if it can, else shrinking
 * toward `minScale`, else continuing on further pages at full size (split at sentence ends).
 * Images that don't get a readable share of a page move to a page of their own.
 */
export function composePages(ctx: LayoutContext, box: Box, spec: TextSpec): PagePart[] {
  const hasText = spec.blocks.length > 0 || (spec.title?.length ?? 0) > 0;
  const imageRoom = spec.media.length > 0 && hasText ? Math.max(MIN_IMAGE_SHARE * box.h, 110) : 0;

  // Text fits when it is short enough for the room and, since a word that cannot break (one wide
  // glyph, a long name in a big title) may still be wider than the box, narrow enough too.
  // A word cut in two (a long name in a big title) is avoided by a smaller size where one fits.
  const fits = (scale: number, room: number) => {
    const size = textSize(ctx, box.w, spec, scale, spec.blocks, true);
    return size.height <= room && size.widest <= box.w + 0.5 && (!size.split || scale <= spec.minScale);
  };

  if (!hasText) return [{ elements: centerIn(placeImages(ctx, spec.media, box), box), bodySize: spec.body.size }];

  // Text longer than a page could hold at the smallest size goes straight to continuation.
  const chars = spec.blocks.reduce((n, b) => n + blockText(b).length, 0);
  const hopeless = chars > pageCapacity(scaled(spec.body, spec.minScale), box.w, box.h);
  for (const reserve of hopeless ? [] : imageRoom ? [imageRoom, 0] : [0]) {
    const room = box.h - (reserve ? reserve + gapBelowText(spec) : 0);
    const scale = fitScale(spec.minScale, (s) => fits(s, room));
    if (scale === undefined) continue;
    const text = drawText(ctx, box, spec, scale, spec.blocks, true, room);
    const elements = [...text.elements];
    if (reserve) {
      const top = box.y + text.height + gapBelowText(spec);
      elements.push(...placeImages(ctx, spec.media, { x: box.x, y: top, w: box.w, h: box.y + box.h - top }));
    }
    const pages: PagePart[] = [{ elements, bodySize: spec.body.size * scale }];
    if (spec.media.length > 0 && !reserve) pages.push({ elements: centerIn(placeImages(ctx, spec.media, box), box), bodySize: spec.body.size * scale });
    return pages;
  }

  // Too long even at the smallest size: continue over pages at full size, or smaller still if a
  // single line would not fit the box (a cover on a landscape slide), since overflow is never allowed.
  const lineH = spec.body.size * (spec.body.lineHeight ?? 1.45);
  const tall = Math.max(0.2, Math.min(1, (box.h - 0.5) / lineH));
  let scale = fits(tall, Infinity) ? tall : fitScale(0.2, (s) => s <= tall && fits(s, Infinity)) ?? 0.2;
  // The title opens the first page whole: a title too tall for it (long words in a narrow card) is set smaller.
  const titleFits = (s: number) => titleBlockHeight(ctx, box.w, spec, s) <= box.h * 0.75;
  if (spec.title?.length && !titleFits(scale)) scale = fitScale(0.2, (s) => s <= scale && titleFits(s)) ?? 0.2;
  const body = scaled(spec.body, scale);
  const pages: PagePart[] = [];
  let rest = spec.blocks;
  let first = true;
  while (rest.length > 0 || first) {
    const titleH = first && spec.title?.length ? titleBlockHeight(ctx, box.w, spec, scale) : 0;
    const take = takeBlocks(rest, ctx, box.w, body, box.h - titleH);
    const text = drawText(ctx, box, { ...spec, center: false }, scale, take.taken, first, box.h);
    pages.push({ elements: text.elements, bodySize: body.size });
    rest = take.rest;
    first = false;
  }
  if (spec.media.length > 0) pages.push({ elements: centerIn(placeImages(ctx, spec.media, box), box), bodySize: spec.body.size });
  return pages;
}

/** Largest scale in [min, 1] (to 1/64) at which `fits` holds, or undefined. */
function fitScale(min: number, fits: (scale: number) => boolean): number | undefined {
  if (fits(1)) return 1;
  if (!fits(min)) return undefined;
  let lo = min;
  let hi = 1;
  while (hi - lo > 1 / 64) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

function gapBelowText(spec: TextSpec): number {
  return Math.min(20, Math.max(10, spec.body.size * 0.9));
}

function titleStyle(ctx: LayoutContext, spec: TextSpec, scale: number) {
  return baseStyle(ctx.fonts.title, spec.titleSize * scale, ctx.theme.title, 700);
}

function titleBlockHeight(ctx: LayoutContext, width: number, spec: TextSpec, scale: number): number {
  return titleBlock(ctx, width, spec, scale).height;
}

/** The title's height (with its gap to the text) and its widest line. */
function titleBlock(ctx: LayoutContext, width: number, spec: TextSpec, scale: number): { height: number; widest: number; split: boolean } {
  if (!spec.title?.length) return { height: 0, widest: 0, split: false };
  const set = setText(ctx.engine, styleSpans(spec.title, titleStyle(ctx, spec, scale), ctx.theme), 0, 0, width, 1.18, 'left', 'balance');
  return { height: set.height + (spec.blocks.length ? spec.body.size * scale * TITLE_GAP : 0), widest: set.width, split: cutsWord([set.text]) };
}

function scaled(style: FlowStyle, scale: number): FlowStyle {
  return { ...style, size: style.size * scale };
}

function textHeight(ctx: LayoutContext, width: number, spec: TextSpec, scale: number, blocks: Block[], withTitle: boolean): number {
  return textSize(ctx, width, spec, scale, blocks, withTitle).height;
}

/** Height of the title and text at a scale, their widest line, and whether a word had to be cut: one layout for all. */
function textSize(ctx: LayoutContext, width: number, spec: TextSpec, scale: number, blocks: Block[], withTitle: boolean): { height: number; widest: number; split: boolean } {
  const title = withTitle ? titleBlock(ctx, width, spec, scale) : { height: 0, widest: 0, split: false };
  const flow = layoutBlocks(blocks, ctx, 0, 0, width, scaled(spec.body, scale));
  return { height: title.height + flow.height, widest: Math.max(title.widest, widestLine(flow.elements)), split: title.split || cutsWord(flow.elements) };
}

/** Whether any laid line ends inside a word. */
export function cutsWord(elements: readonly LaidElement[]): boolean {
  return elements.some((e) => e.type === 'text' && e.lines.some((l) => l.line.splitWord));
}

function drawText(ctx: LayoutContext, box: Box, spec: TextSpec, scale: number, blocks: Block[], withTitle: boolean, room: number) {
  const total = textHeight(ctx, box.w, spec, scale, blocks, withTitle);
  let y = box.y + (spec.center ? Math.max(0, (room - total) / 2) : 0);
  const top = y;
  const elements: LaidElement[] = [];
  if (withTitle && spec.title?.length) {
    const align = spec.body.align ?? 'start';
    const set = setText(ctx.engine, styleSpans(spec.title, titleStyle(ctx, spec, scale), ctx.theme), box.x, y, box.w, 1.18, align, 'balance');
    elements.push(set.text);
    y += titleBlockHeight(ctx, box.w, spec, scale);
  }
  const flow = layoutBlocks(blocks, ctx, box.x, y, box.w, scaled(spec.body, scale));
  elements.push(...flow.elements);
  return { elements, height: y + flow.height - top };
}

/** How wide the widest laid line is. */
export function widestLine(elements: readonly LaidElement[]): number {
  let widest = 0;
  for (const element of elements) {
    if (element.type === 'text') for (const placed of element.lines) widest = Math.max(widest, placed.line.width);
  }
  return widest;
}
