import type { MediaRef } from '../model/document.js';
import type { Box, LayoutContext } from './context.js';
import type { ImageInfo, LaidElement, LaidImage } from './types.js';
import { relativeLuminance } from '../design/contrast.js';

const RADIUS = 12;
const GUTTER = 8;

/**
 * One image is shown whole (contain) at the largest size the box allows; two to four share the
 * box as a grid of tiles, as X shows them: cropped when little is lost, whole on a card when a crop
 * would cut deep. Unknown images are skipped (the host has warned).
 */
export function placeImages(ctx: LayoutContext, media: readonly MediaRef[], box: Box): LaidElement[] {
  const known = media.filter((m) => ctx.images(m.src));
  if (known.length === 0 || box.h < 24) return [];
  if (known.length === 1) {
    const info = ctx.images(known[0].src)!;
    const aspect = info.width / info.height;
    let w = box.w;
    let h = w / aspect;
    if (h > box.h) {
      h = box.h;
      w = h * aspect;
    }
    const image: LaidImage = { type: 'image', src: known[0].src, x: box.x + (box.w - w) / 2, y: box.y, w, h, fit: 'contain', radius: RADIUS, alt: known[0].alt };
    return onCard(ctx, info, image);
  }
  const tiles = known.slice(0, 4);
  const cols = 2;
  const rows = tiles.length > 2 ? 2 : 1;
  const w = (box.w - GUTTER) / cols;
  const h = Math.min((box.h - GUTTER * (rows - 1)) / rows, w);
  return tiles.flatMap((m, i): LaidElement[] => {
    // Three images: the first spans the left column, as on X.
    const tall = tiles.length === 3 && i === 0;
    const col = tiles.length === 3 ? (i === 0 ? 0 : 1) : i % cols;
    const row = tiles.length === 3 ? (i === 0 ? 0 : i - 1) : Math.floor(i / cols);
    const tile = { x: box.x + col * (w + GUTTER), y: box.y + row * (h + GUTTER), w, h: tall ? h * 2 + GUTTER : h };
    const info = ctx.images(m.src)!;
    // A photo is cropped to its tile; a picture the crop would cut deep into (a chart, a diagram
    // with its labels at the edges) is shown whole on a card of the tile's size instead.
    const crop = cropLoss(info.width / info.height, tile.w / tile.h) <= MAX_CROP;
    const image: LaidImage = { type: 'image', src: m.src, ...tile, fit: crop ? 'cover' : 'contain', radius: RADIUS, alt: m.alt };
    return crop ? onCard(ctx, info, image) : card(image, info.alpha && darkPage(ctx) ? LIGHT_CARD : ctx.theme.surface);
  });
}

const LIGHT_CARD = '#FFFFFF';

/** Pages dark enough that a transparent picture's dark lines and labels would not show on them. */
function darkPage(ctx: LayoutContext): boolean {
  return relativeLuminance(ctx.theme.background) < 0.3;
}

/** A transparent picture on a dark page gets a white card under it; any other is drawn as it is. */
function onCard(ctx: LayoutContext, info: ImageInfo, image: LaidImage): LaidElement[] {
  return info.alpha && darkPage(ctx) ? card(image, LIGHT_CARD) : [image];
}

/** A card of `fill` where the image was, the image a little inside it. */
function card(image: LaidImage, fill: string): LaidElement[] {
  return [{ type: 'rect', x: image.x, y: image.y, w: image.w, h: image.h, radius: RADIUS, fill }, { ...image, ...inset(image, 6), radius: RADIUS / 2 }];
}

/** Most of an image's width or height a crop may take away before the image is shown whole. */
const MAX_CROP = 0.15;

/** Share of the image a crop to `tile`'s aspect cuts away. */
function cropLoss(image: number, tile: number): number {
  return 1 - Math.min(image, tile) / Math.max(image, tile);
}

function inset(b: Box, by: number): Box {
  return { x: b.x + by, y: b.y + by, w: Math.max(1, b.w - by * 2), h: Math.max(1, b.h - by * 2) };
}
