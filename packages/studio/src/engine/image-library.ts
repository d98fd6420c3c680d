import { isPhotograph, type ImageInfo, type ImageResource } from 'spool/core';
import { api } from '../api/client.js';

const PAINTABLE = new Set(['image/png', 'image/jpeg', 'image/svg+xml']);
/** The size the export gives emoji images (src/node/resources.ts). */
const EMOJI_SIZE = 36;
/** Images this page redrew as PNG itself. */
const redrawn = new WeakSet<ImageResource>();
/** Photographs, judged as the export judges them: on the bytes they came as (see layout's isPhotograph). */
const photographs = new WeakSet<ImageResource>();

/**
 * Image bytes and sizes for layout and painting. Layout needs each image's size before it can
 * place it, painting needs the bytes; both come from one fetch. Lookups never wait: an image not
 * here yet is noted, fetched by `loadPending`, and the slide is drawn again when it arrives.
 */
export class ImageLibrary {
  private readonly images = new Map<string, ImageResource | null>();
  private readonly pending = new Set<string>();
  private readonly inflight = new Map<string, Promise<void>>();
  /** Goes up whenever an image arrives, so cached layouts made without it are redone. */
  version = 0;

  readonly lookup = (src: string): ImageInfo | undefined => {
    const image = this.get(src);
    if (!image) return undefined;
    // As the export reads it: a PNG whose header says it has an alpha channel (see node/images.ts).
    // Pictures redrawn here as PNG (WebP, GIF) always have one, and are judged as the export judges them: opaque.
    const alpha = image.mime === 'image/png' && !redrawn.has(image) && hasAlphaChannel(image.bytes);
    const photo = photographs.has(image);
    return alpha || photo ? { width: image.width, height: image.height, ...(alpha ? { alpha } : {}), ...(photo ? { photo } : {}) } : image;
  };

  readonly resource = (key: string): ImageResource | undefined => this.get(key);

  private get(key: string): ImageResource | undefined {
    const have = this.images.get(key);
    if (have === undefined) this.pending.add(key);
    return have ?? undefined;
  }

  /** True once an image has arrived or is known to be missing for good. */
  settled(key: string): boolean {
    return this.images.has(key);
  }

  /** Images noted and not yet asked for, or asked for and still on their way. */
  hasPending(): boolean {
    return this.pending.size > 0 || this.inflight.size > 0;
  }

  /**
   * Fetches the images noted since the last call; resolves true once they (and any still on their
   * way from an earlier call) have arrived. A caller that comes while a fetch runs waits for it, so
   * an arrival is never lost to a render that was given up (React runs effects twice in development).
   */
  async loadPending(): Promise<boolean> {
    const fresh = [...this.pending].filter((k) => !this.images.has(k) && !this.inflight.has(k));
    this.pending.clear();
    for (const key of fresh) {
      const load = loadResource(key)
        .catch(() => null)
        .then((image) => {
          this.images.set(key, image);
          this.inflight.delete(key);
          this.version++;
        });
      this.inflight.set(key, load);
    }
    const waiting = [...this.inflight.values()];
    if (waiting.length === 0) return false;
    await Promise.all(waiting);
    return true;
  }
}

async function loadResource(key: string): Promise<ImageResource | null> {
  if (key.startsWith('emoji:')) {
    const bytes = await api.emojiSvg(key.slice(6));
    return bytes ? { key, mime: 'image/svg+xml', bytes, width: EMOJI_SIZE, height: EMOJI_SIZE } : null;
  }
  let blob: Blob;
  if (key.startsWith('asset:')) blob = await api.asset(key.slice(6));
  else if (key.startsWith('data:image/')) blob = await (await fetch(key)).blob();
  // Remote and file paths are the server's to resolve; the page's CSP keeps it to its own origin.
  else return null;
  return toResource(key, blob);
}

/** PNG, JPEG and SVG paint as they are; anything else (WebP, GIF) is redrawn as PNG. */
async function toResource(key: string, blob: Blob): Promise<ImageResource | null> {
  const mime = blob.type.split(';')[0].trim().toLowerCase();
  const image = await decode(blob);
  if (!image) return null;
  const { width, height } = image;
  const photo = isPhotograph(blob.size, width, height, mime);
  if (PAINTABLE.has(mime)) {
    const resource: ImageResource = { key, mime: mime as ImageResource['mime'], bytes: new Uint8Array(await blob.arrayBuffer()), width, height };
    if (photo) photographs.add(resource);
    return resource;
  }
  const canvas = new OffscreenCanvas(width, height);
  canvas.getContext('2d')!.drawImage(image.source, 0, 0);
  const png = await canvas.convertToBlob({ type: 'image/png' });
  const resource: ImageResource = { key, mime: 'image/png', bytes: new Uint8Array(await png.arrayBuffer()), width, height };
  redrawn.add(resource);
  if (photo) photographs.add(resource);
  return resource;
}

async function decode(blob: Blob): Promise<{ source: CanvasImageSource; width: number; height: number } | null> {
  const url = URL.createObjectURL(blob);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const width = img.naturalWidth || EMOJI_SIZE;
    const height = img.naturalHeight || EMOJI_SIZE;
    return { source: img, width, height };
  } catch {
    return null;
  } finally {
    // The decoded image keeps its pixels; the URL is only needed to start decoding.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

/** A PNG's IHDR colour type (byte 25) is 4 (grey and alpha) or 6 (colour and alpha). */
function hasAlphaChannel(bytes: Uint8Array): boolean {
  return bytes.length > 25 && bytes[0] === 0x89 && bytes[1] === 0x50 && (bytes[25] === 4 || bytes[25] === 6);
}
