import { clampRadius, parseColour, placeImage, safeColor, type FontFace, type ImageResource, type Paint, type PaintResources, type PathItem, type RectItem, type Scene } from 'spool/core';

/**
 * Paints a scene into a 2D canvas: the small pictures of slides in the strip and the design tiles.
 * It draws what the SVG painter writes, item for item (the same glyph outlines, geometry and
 * colours), so a thumbnail is the slide; the large preview stays the engine's SVG itself.
 *
 * Why a second painter: an SVG shown through `<img>`, or drawn into a canvas, keeps a document of
 * its own alive in the page until the garbage collector finds it, and Chromium's scheduler visits
 * every such document on every task it runs. With 300 thumbnails each task cost about 0.3 ms more,
 * and a keystroke, which runs dozens of tasks before its frame, reached the screen twice as late as
 * on a 13-slide deck. Pixels drawn here hold no document at all.
 */

type Context = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/** A decoded picture, ready to draw. */
export type Bitmap = ImageBitmap;

/** Glyph outlines as Path2D, per face and glyph: a slide draws the same letters again and again. */
const outlines = new WeakMap<FontFace, Map<number, Path2D | null>>();

function glyphPath(face: FontFace, id: number): Path2D | null {
  let byGlyph = outlines.get(face);
  if (!byGlyph) outlines.set(face, (byGlyph = new Map()));
  let path = byGlyph.get(id);
  if (path === undefined) {
    const d = face.glyphPath(id).trim();
    path = d ? new Path2D(d) : null;
    byGlyph.set(id, path);
  }
  return path;
}

/** The fewest pixels across an SVG picture is drawn into: an emoji is 36 units, shown larger on a sharp screen. */
const SVG_PICTURE_PX = 96;
/** The most pixels across a picture is kept at: the widest thumbnail is 112 CSS pixels, at up to 3 device pixels each. */
const BITMAP_MAX_PX = 640;

/** Pictures decoded once per resource; an emoji drawn on forty slides is decoded once. */
const bitmaps = new WeakMap<ImageResource, Promise<Bitmap | null>>();

async function decode(res: ImageResource): Promise<Bitmap | null> {
  const blob = new Blob([res.bytes as Uint8Array<ArrayBuffer>], { type: res.mime });
  if (res.mime !== 'image/svg+xml') {
    // A photograph is kept only as large as a thumbnail can show it, not at its 12 megapixels.
    const fit = Math.min(1, BITMAP_MAX_PX / Math.max(res.width, res.height));
    const size = fit < 1 ? { resizeWidth: Math.max(1, Math.round(res.width * fit)), resizeHeight: Math.max(1, Math.round(res.height * fit)), resizeQuality: 'high' as const } : {};
    return createImageBitmap(blob, size).catch(() => null);
  }
  // An SVG picture (an emoji, a logo) is drawn through an image element, into pixels enough for
  // any thumbnail (createImageBitmap of an SVG image gives a blank bitmap); its document is let go at once.
  const url = URL.createObjectURL(blob);
  const image = new Image();
  try {
    image.src = url;
    await image.decode();
    const scale = Math.max(1, SVG_PICTURE_PX / Math.max(res.width, res.height));
    const canvas = new OffscreenCanvas(Math.max(1, Math.round(res.width * scale)), Math.max(1, Math.round(res.height * scale)));
    canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.transferToImageBitmap();
  } catch {
    return null;
  } finally {
    image.removeAttribute('src');
    URL.revokeObjectURL(url);
  }
}

/** Decodes every picture the scene draws (once per resource), so painting it needs no wait. */
export async function sceneBitmaps(scene: Scene, resources: PaintResources): Promise<Map<string, Bitmap>> {
  const out = new Map<string, Bitmap>();
  await Promise.all(
    scene.items.map(async (item) => {
      if (item.type !== 'image' || out.has(item.key)) return;
      const res = resources.image(item.key);
      if (!res || !(res.width > 0) || !(res.height > 0)) return;
      let pending = bitmaps.get(res);
      if (!pending) bitmaps.set(res, (pending = decode(res)));
      const bitmap = await pending;
      if (bitmap) out.set(item.key, bitmap);
    }),
  );
  return out;
}

function paintStyle(ctx: Context, paint: Paint): string | CanvasGradient {
  if (typeof paint === 'string') return safeColor(paint);
  const gradient = ctx.createLinearGradient(paint.x1, paint.y1, paint.x2, paint.y2);
  for (const stop of paint.stops) {
    const offset = Math.min(1, Math.max(0, stop.offset));
    gradient.addColorStop(offset, withOpacity(safeColor(stop.color), stop.opacity));
  }
  return gradient;
}

/** A colour with a stop's opacity, as SVG's stop-opacity draws it (read as the PDF painter reads colours). */
function withOpacity(color: string, opacity: number | undefined): string {
  if (opacity === undefined || opacity >= 1) return color;
  const parsed = parseColour(color);
  if (!parsed) return color;
  const [r, g, b] = parsed.rgb.map((v) => Math.round(v * 255));
  return `rgba(${r}, ${g}, ${b}, ${parsed.opacity * Math.max(0, opacity)})`;
}

/** Fills and strokes the current path, or `path`, as a rect or path item asks. */
function fillAndStroke(ctx: Context, item: RectItem | PathItem, path?: Path2D): void {
  ctx.globalAlpha = alpha(item.opacity);
  if (item.fill !== undefined) {
    ctx.fillStyle = paintStyle(ctx, item.fill);
    if (path) ctx.fill(path);
    else ctx.fill();
  }
  if (item.stroke && item.stroke.width > 0) {
    ctx.strokeStyle = safeColor(item.stroke.color);
    ctx.lineWidth = item.stroke.width;
    if (path) ctx.stroke(path);
    else ctx.stroke();
  }
}

function alpha(opacity: number | undefined): number {
  return opacity !== undefined && opacity < 1 ? Math.max(0, opacity) : 1;
}

/**
 * Draws the scene to fill the context's canvas (`width` × `height` pixels). Pictures come from
 * `sceneBitmaps`; one it could not decode is left out, as the SVG painter leaves out one it cannot
 * embed.
 */
export function paintCanvas(ctx: Context, width: number, height: number, scene: Scene, resources: PaintResources, images: ReadonlyMap<string, Bitmap>): void {
  ctx.save();
  ctx.clearRect(0, 0, width, height);
  ctx.scale(width / scene.width, height / scene.height);
  for (const item of scene.items) {
    ctx.save();
    switch (item.type) {
      case 'rect': {
        const r = clampRadius(item.radius ?? 0, item.w, item.h);
        ctx.beginPath();
        if (r > 0) ctx.roundRect(item.x, item.y, item.w, item.h, r);
        else ctx.rect(item.x, item.y, item.w, item.h);
        fillAndStroke(ctx, item);
        break;
      }
      case 'path':
        fillAndStroke(ctx, item, new Path2D(item.d));
        break;
      case 'text': {
        const face = resources.face(item.face);
        const scale = item.size / face.unitsPerEm;
        if (!(scale > 0)) break;
        ctx.globalAlpha = alpha(item.opacity);
        ctx.fillStyle = safeColor(item.color);
        for (const g of item.glyphs) {
          const path = glyphPath(face, g.id);
          if (!path) continue;
          ctx.save();
          ctx.translate(item.x + g.x, item.y + g.y);
          ctx.scale(scale, -scale);
          ctx.fill(path);
          ctx.restore();
        }
        break;
      }
      case 'image': {
        const res = resources.image(item.key);
        const bitmap = images.get(item.key);
        if (!res || !bitmap) break;
        const place = placeImage(item, res.width, res.height);
        if (place.clip.w <= 0 || place.clip.h <= 0) break;
        ctx.globalAlpha = alpha(item.opacity);
        if (place.overflows || place.radius > 0) {
          ctx.beginPath();
          ctx.roundRect(place.clip.x, place.clip.y, place.clip.w, place.clip.h, place.radius);
          ctx.clip();
        }
        ctx.imageSmoothingQuality = 'high';
        ctx.drawImage(bitmap, place.draw.x, place.draw.y, place.draw.w, place.draw.h);
        break;
      }
      case 'link':
        break;
    }
    ctx.restore();
  }
  ctx.restore();
}
