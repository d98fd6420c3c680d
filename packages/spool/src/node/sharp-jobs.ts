import { createRequire } from 'node:module';
import type sharp from 'sharp';

/**
 * Everything the image loader (images.ts) asks of sharp: headers it cannot read itself, and
 * conversions. Errors are sharp's own; the caller adds the image's name.
 */

type Sharp = typeof sharp;

/** Shannon entropy (bits) above which an opaque image is treated as a photo and stored as JPEG. */
const PHOTO_ENTROPY = 6;

/** What sharp's metadata says, for images image-header.ts does not read itself. */
export interface SharpHeader {
  format: string;
  width: number;
  height: number;
  orientation: number;
}

export interface ConvertJob {
  bytes: Uint8Array;
  /** The format the header named: JPEG stays JPEG, PNG stays PNG, anything else is chosen by content. */
  format: string;
  maxPixels: number;
  /** Scale down to this many pixels on the long side when set. */
  maxSide?: number;
  /** Known from the header to be a photo (a still, opaque, lossy WebP): JPEG without measuring. */
  photo?: boolean;
}

export interface Converted {
  mime: 'image/jpeg' | 'image/png';
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** The header of an image in a format only sharp reads (AVIF, TIFF...). */
export async function readHeaderWithSharp(bytes: Uint8Array): Promise<SharpHeader> {
  // Header only: sizes are checked by the caller, before anything is decoded.
  const meta = await requireSharp()(bytes, { limitInputPixels: false }).metadata();
  return { format: meta.format ?? '', width: meta.width ?? 0, height: meta.height ?? 0, orientation: meta.orientation ?? 1 };
}

/**
 * Decodes every pixel (at a reduced scale where the format allows, which still reads all of the
 * compressed data), so a file that is cut short or damaged fails here and not in a PDF reader.
 */
export async function checkDecodes(bytes: Uint8Array, maxPixels: number): Promise<void> {
  await requireSharp()(bytes, { limitInputPixels: maxPixels, failOn: 'error' })
    .resize(64, 64, { fit: 'inside', fastShrinkOnLoad: true })
    .raw()
    .toBuffer();
}

/** Upright, sRGB, within maxSide; opaque photos in other formats become JPEG, the rest PNG. */
export async function convertWithSharp(job: ConvertJob): Promise<Converted> {
  const lib = requireSharp();
  const input = () => lib(job.bytes, { limitInputPixels: job.maxPixels, failOn: 'error' });
  let toJpeg = job.format === 'jpeg' || job.photo === true;
  if (!toJpeg && job.format !== 'png') {
    const stats = await input().stats();
    toJpeg = stats.isOpaque && stats.entropy > PHOTO_ENTROPY;
  }
  let pipeline = input().rotate().toColourspace('srgb');
  if (job.maxSide) pipeline = pipeline.resize(job.maxSide, job.maxSide, { fit: 'inside', withoutEnlargement: true });
  const encoded = toJpeg
    ? pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 90, mozjpeg: false })
    : pipeline.png({ compressionLevel: 3, adaptiveFiltering: false });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return {
    mime: toJpeg ? 'image/jpeg' : 'image/png',
    bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    width: info.width,
    height: info.height,
  };
}

let loaded: Sharp | undefined;

/**
 * sharp, loaded on first use. Required rather than imported: its CommonJS build
 * loads in about half the time of its ES module build, and synchronously, so the job that needed it
 * starts at once instead of after whatever holds the event loop next.
 */
function requireSharp(): Sharp {
  loaded ??= createRequire(import.meta.url)('sharp') as Sharp;
  return loaded;
}
