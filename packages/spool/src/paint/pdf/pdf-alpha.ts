import { createRequire } from 'node:module';
import type sharp from 'sharp';
import type { ImageResource, PaintResources, Scene } from '../../scene/types.js';
import { readPng } from './pdf-bitmaps.js';

/**
 * A PDF image has no alpha channel: a PNG with transparency is embedded as a colour image plus a
 * grey soft mask. sharp does the split off the main thread into two plain PNGs (8-bit, not
 * interlaced; the colour one RGB or grey), which the image writer then embeds without decoding.
 * sharp is loaded on first need, on this thread unless whoever loaded the image arranged another
 * splitter for its bytes (`splitPngWith`). Cached per image for the process.
 */

export interface SplitPng {
  colour: Buffer;
  alpha: Buffer;
}

/** Splits PNG bytes somewhere other than this thread, with the same result as `splitPngWithSharp`. */
export type PngSplitter = (bytes: Uint8Array) => Promise<SplitPng>;

const cache = new WeakMap<Uint8Array, Promise<SplitPng | undefined>>();
const splitters = new WeakMap<Uint8Array, PngSplitter>();

/**
 * Has these PNG bytes split by `splitter` (set by whoever loaded the image). With `now`, a PNG that
 * needs splitting is split at once rather than when a PDF first shows it.
 */
export function splitPngWith(bytes: Uint8Array, splitter: PngSplitter, now = false): void {
  splitters.set(bytes, splitter);
  if (now && pngNeedsSplit(bytes)) void split(bytes);
}

/** True for PNGs that need splitting: an alpha channel, or a palette with transparency. */
export function pngNeedsSplit(bytes: Uint8Array): boolean {
  const png = readPng(bytes);
  if (!png) return false;
  return png.colourType === 4 || png.colourType === 6 || (png.colourType === 3 && png.transparent !== undefined);
}

/** The split itself, given sharp: the same code runs on this thread and in an image worker. */
export async function splitPngWithSharp(lib: typeof sharp, bytes: Uint8Array): Promise<SplitPng> {
  const png = { compressionLevel: 6, adaptiveFiltering: false } as const;
  const [colour, alpha] = await Promise.all([
    lib(bytes).removeAlpha().png(png).toBuffer(),
    lib(bytes).ensureAlpha().extractChannel(3).png(png).toBuffer(),
  ]);
  return { colour, alpha };
}

async function splitHere(bytes: Uint8Array): Promise<SplitPng> {
  // Required, not imported: sharp's CommonJS build loads in about half the time.
  return splitPngWithSharp(createRequire(import.meta.url)('sharp') as typeof sharp, bytes);
}

function split(bytes: Uint8Array): Promise<SplitPng | undefined> {
  let pending = cache.get(bytes);
  if (!pending) {
    const run = splitters.get(bytes) ?? splitHere;
    pending = run(bytes).then(
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
