import type { MediaRef } from '../model/document.js';
import type { Box, LayoutContext } from './context.js';
import type { LaidElement } from './types.js';

const RADIUS = 12;
const GUTTER = 8;

/**
 * One image is shown whole (contain) at the largest size the box allows; two to four share the
 * box as a grid of cropped tiles, as X shows them. Unknown images are skipped (the host has warned).
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
    return [{ type: 'image', src: known[0].src, x: box.x + (box.w - w) / 2, y: box.y, w, h, fit: 'contain', radius: RADIUS, alt: known[0].alt }];
  }
  const tiles = known.slice(0, 4);
  const cols = 2;
  const rows = tiles.length > 2 ? 2 : 1;
  const w = (box.w - GUTTER) / cols;
  const h = Math.min((box.h - GUTTER * (rows - 1)) / rows, w);
  return tiles.map((m, i) => {
    // Three images: the first spans the left column, as on X.
    const tall = tiles.length === 3 && i === 0;
    const col = tiles.length === 3 ? (i === 0 ? 0 : 1) : i % cols;
    const row = tiles.length === 3 ? (i === 0 ? 0 : i - 1) : Math.floor(i / cols);
    return {
      type: 'image' as const, src: m.src, x: box.x + col * (w + GUTTER), y: box.y + row * (h + GUTTER),
      w, h: tall ? h * 2 + GUTTER : h, fit: 'cover' as const, radius: RADIUS, alt: m.alt,
    };
  });
}
