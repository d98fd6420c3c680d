import { createRequire } from 'node:module';
import type sharp from 'sharp';
import type { ImageResource, PaintResources, Scene } from '../../scene/types.js';
import { readPng } from './pdf-bitmaps.js';

/**
 * A PDF image has no alpha channel: a PNG with transparency is embedded as a colour image plus a
 * grey soft mask. sharp does the split off the main thread into two plain PNGs (8-bit, not
 * interlaced; the colour one RGB or grey), which the image writer then embeds without decoding.
 * sharp is loaded on first need. Cached per image for the process.
 */

export interface SplitPng {
  colour: Buffer;
  alpha: Buffer;
}

const cache = new WeakMap<Uint8Array, Promise<SplitPng | undefined>>();

/** True for PNGs that need splitting: an alpha channel, or a palette with transparency. */
export function pngNeedsSplit(bytes: Uint8Array): boolean {
  const png = readPng(bytes);
  if (!png) return false;
  return png.colourType === 4 || png.colourType === 6 || (png.colourType === 3 && png.transparent !== undefined);
}

async function splitWithSharp(bytes: Uint8Array): Promise<SplitPng> {
  // Required, not imported: sharp's CommonJS build loads in about half the time.
  const lib = createRequire(import.meta.url)('sharp') as typeof sharp;
  const png = { compressionLevel: 6, adaptiveFiltering: false } as const;
  const [colour, alpha] = await Promise.all([
    lib(bytes).removeAlpha().png(png).toBuffer(),
    lib(bytes).ensureAlpha().extractChannel(3).png(png).toBuffer(),
  ]);
  return { colour, alpha };
}

function split(bytes: Uint8Array): Promise<SplitPng | undefined> {
  let pending = cache.get(bytes);
  if (!pending) {
    pending = splitWithSharp(bytes).then(
      (parts) => parts,
      // The image writer decides what to do with a PNG that could not be split.
      () => undefined,
    );
    cache.set(bytes, pending);
  }
  return pending;
}

/** Splits every transparent PNG the scenes show, keyed by resource for the image writer. */
export async function splitTransparentPngs(
  scenes: readonly Scene[],
  resources: PaintResources,
): Promise<Map<ImageResource, SplitPng>> {
  const wanted = new Set<ImageResource>();
  for (const scene of scenes) {
    for (const item of scene.items) {
      if (item.type !== 'image') continue;
      const res = resources.image(item.key);
      if (res?.mime === 'image/png' && pngNeedsSplit(res.bytes)) wanted.add(res);
    }
  }
  const out = new Map<ImageResource, SplitPng>();
  await Promise.all(
    [...wanted].map(async (res) => {
      const parts = await split(res.bytes);
      if (parts) out.set(res, parts);
    }),
  );
  return out;
}
