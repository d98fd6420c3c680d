import sharp from 'sharp';
import type { ImageItem, ImageResource, PaintResources, Scene } from '../../scene/types.js';
import { placeImage, type ImagePlacement } from '../../scene/geometry.js';

/**
 * resvg resamples images with a bicubic filter over the whole drawn area, even the part a `cover`
 * crop hides, and decodes the full bitmap on every slide: a full-bleed photo cost about 80 ms.
 * Cropping and scaling once with sharp (Lanczos, sharper on large reductions) to exactly the device
 * pixels the image covers, at pixel-aligned positions, lets resvg copy pixels without a filter.
 * Results are cached per source bytes, size and fit, so an avatar on every slide is scaled once.
 */

interface Scaled {
  bytes: Uint8Array;
  mime: ImageResource['mime'];
}

const cache = new WeakMap<Uint8Array, Map<string, Promise<Scaled>>>();

/** The part of the source image a crop keeps, in its pixels. */
interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

function scaleOnce(res: ImageResource, width: number, height: number, crop: Region | undefined): Promise<Scaled> {
  let bySize = cache.get(res.bytes);
  if (!bySize) {
    bySize = new Map();
    cache.set(res.bytes, bySize);
  }
  const key = `${width}x${height}${crop ? `c${crop.left},${crop.top},${crop.width},${crop.height}` : 'f'}`;
  let pending = bySize.get(key);
  if (!pending) {
    // The kept part is cut out exactly where the placement says (which may not be the middle), then scaled.
    const resized = (crop ? sharp(res.bytes).extract(crop) : sharp(res.bytes)).resize(width, height, { fit: 'fill', kernel: 'lanczos3' });
    // JPEG stays JPEG: resvg decodes it several times faster than a PNG of the same photo.
    const encoded =
      res.mime === 'image/jpeg'
        ? resized.jpeg({ quality: 95, mozjpeg: false, chromaSubsampling: '4:4:4' })
        : resized.png({ compressionLevel: 1, adaptiveFiltering: false });
    const mime = res.mime;
    pending = encoded.toBuffer().then((b) => ({ bytes: new Uint8Array(b.buffer, b.byteOffset, b.byteLength), mime }));
    // A failed scale must not stay cached; the caller falls back to the original image.
    pending.catch(() => bySize?.delete(key));
    bySize.set(key, pending);
  }
  return pending;
}

export interface PrescaledScene {
  scene: Scene;
  resources: PaintResources;
  /** Keys of images now drawn 1:1 at whole pixels (see SvgPaintOptions.pixelExactImages). */
  pixelExact: Set<string>;
}

/** Replaces every raster image by a copy cropped and scaled to the whole pixels it covers. */
export async function prescaleImages(scene: Scene, resources: PaintResources): Promise<PrescaledScene> {
  const k = scene.pixelWidth / scene.width;
  const replaced = new Map<string, ImageResource>();
  const jobs: Promise<unknown>[] = [];
  const items = scene.items.map((item) => {
    if (item.type !== 'image') return item;
    const res = resources.image(item.key);
    if (!res || (res.mime !== 'image/jpeg' && res.mime !== 'image/png')) return item;
    const place = placeImage(item, res.width, res.height);
    const left = Math.round(place.clip.x * k);
    const top = Math.round(place.clip.y * k);
    const width = Math.round((place.clip.x + place.clip.w) * k) - left;
    const height = Math.round((place.clip.y + place.clip.h) * k) - top;
    if (width < 1 || height < 1) return item;
    const crop = item.fit === 'cover' && place.overflows ? keptRegion(place, res.width, res.height) : undefined;
    const key = `${item.key}\u0000${width}x${height}${crop ? `c${crop.left},${crop.top},${crop.width},${crop.height}` : 'f'}`;
    if (!replaced.has(key)) {
      const copy: ImageResource = { ...res, key, width, height };
      replaced.set(key, copy);
      jobs.push(
        scaleOnce(res, width, height, crop).then(
          (s) => Object.assign(copy, s),
          () => replaced.delete(key),
        ),
      );
    }
    const exact: ImageItem = { ...item, key, x: left / k, y: top / k, w: width / k, h: height / k, fit: 'fill' };
    exact.radius = place.radius;
    return { exact, original: item };
  });
  if (jobs.length === 0) return { scene, resources, pixelExact: new Set() };
  await Promise.all(jobs);
  // Images whose scaling failed are drawn from the original bitmap as before.
  const finalItems = items.map((it) =>
    'exact' in it ? (replaced.has(it.exact.key) ? it.exact : it.original) : it,
  );
  return {
    scene: { ...scene, items: finalItems },
    resources: {
      face: (key) => resources.face(key),
      image: (key) => replaced.get(key) ?? resources.image(key),
    },
    pixelExact: new Set(replaced.keys()),
  };
}

/** The source pixels under the clip of a placement that overflows its box. */
function keptRegion(place: ImagePlacement, imageWidth: number, imageHeight: number): Region {
  const sx = imageWidth / place.draw.w;
  const sy = imageHeight / place.draw.h;
  const left = Math.max(0, Math.min(imageWidth - 1, Math.round((place.clip.x - place.draw.x) * sx)));
  const top = Math.max(0, Math.min(imageHeight - 1, Math.round((place.clip.y - place.draw.y) * sy)));
  const width = Math.max(1, Math.min(imageWidth - left, Math.round(place.clip.w * sx)));
  const height = Math.max(1, Math.min(imageHeight - top, Math.round(place.clip.h * sy)));
  return { left, top, width, height };
}
