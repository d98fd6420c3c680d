import sharp from 'sharp';
import type { ImageResource, PaintResources, Scene } from '../../scene/types.js';

/**
 * pdfkit embeds JPEG and opaque PNG data as they are, but for a PNG with transparency it decodes
 * every pixel in JavaScript to split colour from alpha (about 45 ms for a 1000 px logo, on every
 * document). sharp does the split off the main thread into two plain PNGs, a colour image and a
 * grey soft mask, which pdfkit can then embed without decoding. Cached per image for the process.
 */

export interface SplitPng {
  colour: Buffer;
  alpha: Buffer;
}

const cache = new WeakMap<Uint8Array, Promise<SplitPng | undefined>>();

/** True for PNGs pdfkit would have to decode: an alpha channel, or a palette with transparency. */
export function pngNeedsSplit(bytes: Uint8Array): boolean {
  if (bytes.length < 33 || bytes[1] !== 0x50 || bytes[2] !== 0x4e || bytes[3] !== 0x47) return false;
  const colourType = bytes[25];
  if (colourType === 4 || colourType === 6) return true;
  if (colourType !== 3) return false;
  // Walk the chunks before the image data looking for a transparency chunk.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]);
    if (type === 'tRNS') return true;
    if (type === 'IDAT') return false;
    at += 12 + length;
  }
  return false;
}

function split(bytes: Uint8Array): Promise<SplitPng | undefined> {
  let pending = cache.get(bytes);
  if (!pending) {
    const png = { compressionLevel: 6, adaptiveFiltering: false } as const;
    pending = Promise.all([
      sharp(bytes).removeAlpha().png(png).toBuffer(),
      sharp(bytes).ensureAlpha().extractChannel(3).png(png).toBuffer(),
    ]).then(
      ([colour, alpha]) => ({ colour, alpha }),
      // pdfkit's own path still works; this is only a shortcut.
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
