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
  const infos = tiles.map((m) => ctx.images(m.src)!);
  const boxes = tiles.length === 3 ? threeTiles(infos.map((i) => i.width / i.height), box) : evenTiles(tiles.length, box);
  return tiles.flatMap((m, i): LaidElement[] => {
    const tile = boxes[i];
    const info = infos[i];
    // A picture is cropped to its tile when the crop takes little; one it would cut deep into (a
    // chart, a diagram with its labels at the edges) is shown whole on a card of the tile's size.
    const crop = cropLoss(info.width / info.height, tile.w / tile.h) <= (info.photo ? MAX_PHOTO_CROP : MAX_CROP);
    const image: LaidImage = { type: 'image', src: m.src, ...tile, fit: crop ? 'cover' : 'contain', radius: RADIUS, alt: m.alt, ...(crop && info.photo ? { focusY: PHOTO_FOCUS_Y } : {}) };
    return crop ? onCard(ctx, info, image) : card(image, info.alpha && darkPage(ctx) ? LIGHT_CARD : ctx.theme.surface);
  });
}

/** Two or four images: two columns of tiles of one height, squares or shorter. */
function evenTiles(count: number, box: Box): Box[] {
  const rows = count > 2 ? 2 : 1;
  const w = (box.w - GUTTER) / 2;
  const h = Math.min((box.h - GUTTER * (rows - 1)) / rows, w);
  return Array.from({ length: count }, (_, i) => ({ x: box.x + (i % 2) * (w + GUTTER), y: box.y + Math.floor(i / 2) * (h + GUTTER), w, h }));
}

/** Shares of the height the first of three pictures may take when it spans the top row. */
const TOP_SHARES = [0.5, 0.55, 0.6, 0.65];

/**
 * Three images: the first leads, spanning the left column as on X, or the top row when that fits it
 * better, as it does a wide picture, which a tall tile would show small on an empty card. The
 * arrangement whose tiles fit the pictures' shapes best wins, the first picture's fit counting twice.
 */
function threeTiles(aspects: readonly number[], box: Box): Box[] {
  const half = (box.w - GUTTER) / 2;
  const right = box.x + half + GUTTER;
  const misfit = (tiles: Box[]) => tiles.reduce((sum, t, i) => sum + (i === 0 ? 2 : 1) * cropLoss(aspects[i], t.w / t.h), 0);
  const side = Math.min((box.h - GUTTER) / 2, half);
  let best = [
    { x: box.x, y: box.y, w: half, h: side * 2 + GUTTER },
    { x: right, y: box.y, w: half, h: side },
    { x: right, y: box.y + side + GUTTER, w: half, h: side },
  ];
  let least = misfit(best);
  for (const share of TOP_SHARES) {
    // The first picture no taller than it is at the full width; the two under it no taller than wide.
    const top = Math.min((box.h - GUTTER) * share, box.w / aspects[0]);
    const below = Math.min(box.h - GUTTER - top, half);
    const y = box.y + top + GUTTER;
    const tiles = [{ x: box.x, y: box.y, w: box.w, h: top }, { x: box.x, y, w: half, h: below }, { x: right, y, w: half, h: below }];
    const loss = misfit(tiles);
    if (loss < least - 1e-9) [best, least] = [tiles, loss];
  }
  return best;
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
/** A photograph keeps its subject through a deeper crop, as every feed crops them. */
const MAX_PHOTO_CROP = 0.55;
/**
 * A photograph cut down to a wider tile keeps more of its top than its bottom: faces and the
 * subject sit high in most pictures (the rule of thirds), so a middle crop takes off heads.
 */
const PHOTO_FOCUS_Y = 1 / 3;

/**
 * Bytes per pixel past which an image file is taken for a photograph. Flat colours and sharp
 * edges (charts, diagrams, slides) compress far better than light and texture: the fixtures'
 * diagrams take 0.011-0.035 bytes a pixel, their photographs 0.115-0.174 (JPEG at quality 82),
 * and a camera's JPEG 0.3 and more. Read off the file's own size and pixel size, which the export
 * and the studio both have before anything is decoded, so both decide alike.
 */
const PHOTO_BYTES_PER_PIXEL = 0.07;

export function isPhotograph(fileBytes: number, width: number, height: number, mime: string): boolean {
  if (/svg/.test(mime) || !(width > 0 && height > 0)) return false;
  return fileBytes / (width * height) >= PHOTO_BYTES_PER_PIXEL;
}

/** Share of the image a crop to `tile`'s aspect cuts away. */
function cropLoss(image: number, tile: number): number {
  return 1 - Math.min(image, tile) / Math.max(image, tile);
}

function inset(b: Box, by: number): Box {
  return { x: b.x + by, y: b.y + by, w: Math.max(1, b.w - by * 2), h: Math.max(1, b.h - by * 2) };
}
