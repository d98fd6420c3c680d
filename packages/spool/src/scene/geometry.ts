import type { ImageItem } from './types.js';

/**
 * Geometry every painter must agree on, kept in one place so the PDF, the SVG preview and the PNG
 * export cannot drift apart. Browser-safe: the PDF painter imports it from here.
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ImagePlacement {
  /** Where the whole image is drawn (may overflow the item's box for `cover`). */
  draw: Box;
  /** The visible part: the item's box intersected with `draw`. */
  clip: Box;
  /** True when `draw` overflows the box, so the painter must clip even without a radius. */
  overflows: boolean;
  radius: number;
}

export function placeImage(item: ImageItem, imageWidth: number, imageHeight: number): ImagePlacement {
  const box: Box = { x: item.x, y: item.y, w: item.w, h: item.h };
  let draw = box;
  if (item.fit !== 'fill' && imageWidth > 0 && imageHeight > 0 && item.w > 0 && item.h > 0) {
    const scale =
      item.fit === 'cover'
        ? Math.max(item.w / imageWidth, item.h / imageHeight)
        : Math.min(item.w / imageWidth, item.h / imageHeight);
    const w = imageWidth * scale;
    const h = imageHeight * scale;
    const focusY = item.fit === 'cover' ? Math.min(1, Math.max(0, item.focusY ?? 0.5)) : 0.5;
    draw = { x: item.x + (item.w - w) / 2, y: item.y + (item.h - h) * focusY, w, h };
  }
  const clip = intersect(box, draw);
  const overflows = clip.w < draw.w - 1e-6 || clip.h < draw.h - 1e-6;
  return { draw, clip, overflows, radius: clampRadius(item.radius ?? 0, clip.w, clip.h) };
}

function intersect(a: Box, b: Box): Box {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const w = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - x);
  const h = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - y);
  return { x, y, w, h };
}

/** SVG clamps rx itself but a PDF path does not; clamping here keeps both the same. */
export function clampRadius(radius: number, w: number, h: number): number {
  if (!(radius > 0)) return 0;
  return Math.min(radius, Math.abs(w) / 2, Math.abs(h) / 2);
}
