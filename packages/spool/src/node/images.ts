import { createRequire } from 'node:module';
import { bundledFacePath } from './fonts.js';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Resvg as ResvgType } from '@resvg/resvg-js';
import type { ImageResource } from '../scene/types.js';
import { isPhotograph } from '../layout/images.js';
import { readImageHeader, type ImageHeader } from './image-header.js';
import { checkDecodes, convertWithSharp, readHeaderWithSharp, type ConvertJob, type SharpHeader } from './sharp-jobs.js';
import { svgTooCostly } from './svg-limits.js';
import { verifyWhole } from './image-verify.js';
import { RemoteImageError, remoteImageFetcher } from './remote-images.js';
import { ImageNotFoundError, ImageUnavailableError } from './image-unavailable.js';

let defaultFetcher: ((url: string) => Promise<Uint8Array>) | undefined;

/**
 * Loads the images a deck shows (post media, avatars, logos) into what both painters embed as is:
 * JPEG or PNG, upright, at most `maxSide` pixels on the long side; a PNG also 8 bits or fewer per
 * sample and not interlaced, so the PDF painter can embed its data as is. Everything else is
 * converted here once, so a PDF never has to decode WebP and a slide render never meets a 6000 px
 * photo. Headers are read here, without sharp; sharp is loaded only for what must be converted.
 */

export interface LoadImageOptions {
  /**
   * Fetches http(s) images; default: through the fetch guard, with a cache on disk
   * (`remoteImageFetcher`). Whatever it throws, the image could not be had (an ImageUnavailableError,
   * as for a file that is not there): the build leaves it out and says so.
   */
  fetchBytes?: (url: string) => Promise<Uint8Array>;
  /** Refused before decoding above this many pixels. Default 50 megapixels. */
  maxPixels?: number;
  /** Longer images are scaled down to this many pixels on the long side. Default 2160 (2x a 1080 slide). */
  maxSide?: number;
  /** Refused above this size in bytes. Default 50 MB. */
  maxBytes?: number;
  /**
   * Decode every pixel of an image embedded as it is (with sharp), not only check that the file is
   * whole. For the server's workers, which take files in from anyone; a build checks the structure.
   */
  decodeFully?: boolean;
  /** When set, local paths must resolve inside this folder (for servers handling untrusted decks). */
  root?: string;
  /**
   * Asked first for every source: bytes for addresses the host owns (the server's `asset:<id>`), or
   * undefined to read the source as usual. May throw to refuse a source.
   */
  resolve?: (src: string) => Promise<Uint8Array | undefined>;
}

const DEFAULT_MAX_PIXELS = 50_000_000;
const DEFAULT_MAX_SIDE = 2160;
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** Vector images are rasterised with this long side: a full slide width at export size. */
const SVG_RASTER_SIDE = 1080;
/** Longer and thinner than this, an image would be a line of a pixel or less on any slide. */
const MAX_ASPECT = 100;

/** Loads `src`: a path relative to baseDir, an absolute path, a file: or data: URI, or an http(s) URL. */
export async function loadImage(src: string, baseDir: string, opts: LoadImageOptions = {}): Promise<ImageResource> {
  return (await stageImage(src, baseDir, opts)).ready;
}

/**
 * An image whose size is known (read from its header and checked against the limits) while its
 * conversion may still be running off the main thread: layout needs only the size, painting the bytes.
 */
export interface StagedImage {
  width: number;
  height: number;
  /** A PNG with an alpha channel: drawn for a light page, it may vanish on a dark one. */
  alpha?: boolean;
  /** A photograph, by its file's bytes per pixel (layout's `isPhotograph`). */
  photo?: boolean;
  ready: Promise<ImageResource>;
}

export async function stageImage(src: string, baseDir: string, opts: LoadImageOptions = {}): Promise<StagedImage> {
  const bytes = await readSource(src, baseDir, opts);
  return stageFromBytes(bytes, src, opts);
}

async function readSource(src: string, baseDir: string, opts: LoadImageOptions): Promise<Uint8Array> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const trimmed = src.trim();
  const own = opts.resolve && (await opts.resolve(trimmed));
  if (own) return own;
  if (/^data:/i.test(trimmed)) return decodeDataUri(trimmed, maxBytes);
  if (/^https?:\/\//i.test(trimmed)) {
    defaultFetcher ??= remoteImageFetcher();
    const bytes = await (opts.fetchBytes ?? defaultFetcher)(trimmed).catch((err: unknown) => {
      throw err instanceof ImageUnavailableError ? err : new RemoteImageError(err, trimmed);
    });
    if (bytes.byteLength > maxBytes) throw new Error(`${src}: ${bytes.byteLength} bytes is above the ${maxBytes} byte limit`);
    return bytes;
  }
  let path: string;
  if (/^file:/i.test(trimmed)) path = fileURLToPath(trimmed);
  else if (/^[a-z][a-z0-9+.-]+:/i.test(trimmed) && !/^[a-z]:[\\/]/i.test(trimmed)) {
    throw new Error(`${src}: unsupported image address (use a file path, a data: URI or an http(s) URL)`);
  } else path = resolve(baseDir, trimmed);
  if (opts.root) {
    const rel = relative(resolve(opts.root), path);
    if (rel.startsWith('..') || isAbsolute(rel)) throw new Error(`${src}: image path is outside ${opts.root}`);
  }
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error(`image is not a file: ${path}`);
    if (info.size > maxBytes) throw new Error(`${path}: ${info.size} bytes is above the ${maxBytes} byte limit`);
    return new Uint8Array(await readFile(path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ImageNotFoundError(path);
    throw err;
  }
}

function decodeDataUri(uri: string, maxBytes: number): Uint8Array {
  const comma = uri.indexOf(',');
  if (comma < 0) throw new Error('data: URI without a comma');
  const header = uri.slice(5, comma);
  const body = uri.slice(comma + 1);
  if (body.length > maxBytes * 1.4) throw new Error(`data: URI is above the ${maxBytes} byte limit`);
  if (/;base64$/i.test(header)) return new Uint8Array(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
  // Percent-encoded: each %XX is one byte, anything else is its UTF-8 bytes (as in SVG data URIs).
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '%' && /^[0-9a-f]{2}$/i.test(body.slice(i + 1, i + 3))) {
      bytes.push(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const cp = body.codePointAt(i) ?? 0;
      if (cp > 0xffff) i++;
      bytes.push(...encoder.encode(String.fromCodePoint(cp)));
    }
  }
  return new Uint8Array(bytes);
}

/** Checks and normalises image bytes; `name` appears in every error (a path, URL or upload name). */
export async function imageFromBytes(bytes: Uint8Array, name: string, opts: LoadImageOptions = {}): Promise<ImageResource> {
  return (await stageFromBytes(bytes, name, opts)).ready;
}

async function stageFromBytes(bytes: Uint8Array, name: string, opts: LoadImageOptions): Promise<StagedImage> {
  const maxPixels = opts.maxPixels ?? DEFAULT_MAX_PIXELS;
  const maxSide = opts.maxSide ?? DEFAULT_MAX_SIDE;
  const key = `img-${createHash('sha256').update(bytes).digest('hex').slice(0, 20)}`;
  // The same bytes under the same limits always normalise to the same result: convert them once per process.
  const cacheKey = `${key}:${maxPixels}:${maxSide}:${opts.decodeFully === true}`;
  const cached = normalised.get(cacheKey);
  if (cached) {
    const again: StagedImage = { width: cached.width, height: cached.height, ready: Promise.resolve(cached) };
    if (withAlpha.has(cached)) again.alpha = true;
    if (photographs.has(cached)) again.photo = true;
    return again;
  }
  const staged = await normaliseImage(bytes, name, key, maxPixels, maxSide, opts.decodeFully === true);
  const ready = staged.ready.then((image) => {
    remember(cacheKey, image);
    if (staged.alpha) withAlpha.add(image);
    if (staged.photo) photographs.add(image);
    return image;
  });
  // Awaited later by whoever paints; this only keeps an early failure from being reported as unhandled.
  ready.catch(() => undefined);
  return { ...staged, ready };
}

/** Converted images kept for the life of the process, oldest dropped first past a byte budget. */
const normalised = new Map<string, ImageResource>();
/** Those of them staged with an alpha channel, so a second staging says so too. */
const withAlpha = new WeakSet<ImageResource>();
/** And those that are photographs, judged on the bytes they came as. */
const photographs = new WeakSet<ImageResource>();
const CACHE_BYTES = 128 * 1024 * 1024;
let cachedBytes = 0;

function remember(cacheKey: string, image: ImageResource): void {
  normalised.set(cacheKey, image);
  cachedBytes += image.bytes.length;
  for (const [k, v] of normalised) {
    if (cachedBytes <= CACHE_BYTES) break;
    normalised.delete(k);
    cachedBytes -= v.bytes.length;
  }
}

/**
 * JPEG and PNG that both painters embed as they are: JPEG in grey or colour (not CMYK), PNG of 8
 * bits or fewer per sample, not interlaced, of a standard colour type.
 */
function embeddableAs(header: ImageHeader | SharpHeader): 'image/jpeg' | 'image/png' | undefined {
  // Only headers read here qualify: an image sharp had to read is converted, to be safe.
  if (!('bitDepth' in header)) return undefined;
  if (header.format === 'jpeg' && (header.components === 1 || header.components === 3)) return 'image/jpeg';
  const pngOk = !header.interlaced && header.bitDepth <= 8 && [0, 2, 3, 4, 6].includes(header.colourType ?? -1);
  if (header.format === 'png' && pngOk) return 'image/png';
  return undefined;
}

async function normaliseImage(
  bytes: Uint8Array,
  name: string,
  key: string,
  maxPixels: number,
  maxSide: number,
  decodeFully: boolean,
): Promise<StagedImage> {
  const label = name.startsWith('data:') ? `${name.slice(0, 40)}…` : name;

  // Header only: sizes are checked here, before anything is decoded.
  let header: ImageHeader | SharpHeader | undefined = readImageHeader(bytes);
  // SVG is recognised here, so its own checks speak (a DOCTYPE, an entity) rather than a decoder's.
  if (!header && looksLikeSvg(bytes)) return done(rasteriseSvg(bytes, label, key, maxPixels));
  if (!header) {
    try {
      header = await readHeaderWithSharp(bytes);
    } catch {
      throw new Error(`${label}: not a readable image (expected JPEG, PNG, WebP, GIF, AVIF, TIFF or SVG)`);
    }
  }
  if (header.format === 'svg') return done(rasteriseSvg(bytes, label, key, maxPixels));
  const { width, height, orientation } = header;
  if (!(width > 0 && height > 0)) throw new Error(`${label}: image has no size`);
  if (width * height > maxPixels) {
    const mp = (n: number) => `${Math.round(n / 1e5) / 10} MP`;
    throw new Error(`${label}: ${width}x${height} (${mp(width * height)}) is above the ${mp(maxPixels)} limit`);
  }
  if (Math.max(width, height) / Math.min(width, height) > MAX_ASPECT) {
    throw new Error(`${label}: ${width}x${height} is too long and thin to show on a slide (at most ${MAX_ASPECT} to 1)`);
  }

  const tooBig = Math.max(width, height) > maxSide;
  // Judged on the bytes as they came, whatever they are converted to.
  const photograph = isPhotograph(bytes.length, width, height, header.format);
  const asIs = orientation > 1 || tooBig ? undefined : embeddableAs(header);
  if (asIs) {
    // Embedded as they are, so decoded once first: a PDF must never carry bytes that do not decode.
    const image: ImageResource = { key, mime: asIs, bytes, width, height };
    const staged: StagedImage = { width, height, ready: verifyDecodes(image, asIs === 'image/jpeg' ? 'jpeg' : 'png', label, maxPixels, decodeFully) };
    if ('colourType' in header && (header.colourType === 4 || header.colourType === 6)) staged.alpha = true;
    if (photograph) staged.photo = true;
    return staged;
  }
  // EXIF orientations 5-8 turn the picture a quarter: its upright size has the sides swapped.
  const quarterTurn = orientation >= 5;
  const photo = 'photo' in header && header.photo === true;
  const job: ConvertJob = { bytes, format: header.format, maxPixels, maxSide: tooBig ? maxSide : undefined, photo };
  return {
    width: quarterTurn ? height : width,
    height: quarterTurn ? width : height,
    ...(photograph ? { photo: true } : {}),
    ready: convertImage(job, label, key),
  };
}

async function verifyDecodes(image: ImageResource, format: 'jpeg' | 'png', label: string, maxPixels: number, decodeFully: boolean): Promise<ImageResource> {
  try {
    await verifyWhole(image.bytes, format);
    if (decodeFully) await checkDecodes(image.bytes, maxPixels);
  } catch (err) {
    throw new Error(`${label}: the ${format.toUpperCase()} file is damaged or cut short and cannot be shown (${err instanceof Error ? err.message : String(err)})`);
  }
  return image;
}

/** Text that opens with an SVG root, after any XML declaration, comments and DOCTYPE. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  return /^\s*</.test(head) && /<svg[\s>/]/i.test(head);
}

function done(image: ImageResource): StagedImage {
  return { width: image.width, height: image.height, ready: Promise.resolve(image) };
}

async function convertImage(job: ConvertJob, label: string, key: string): Promise<ImageResource> {
  try {
    const converted = await convertWithSharp(job);
    return { key, ...converted };
  } catch (err) {
    throw new Error(`${label}: could not convert the image (${err instanceof Error ? err.message : String(err)})`);
  }
}

/**
 * User SVG is untrusted: it is only ever rasterised by resvg, never embedded in our SVG or PDF.
 * resvg reads images named by local path, so any reference other than an in-document `#id` or a
 * bitmap data URI is refused, as are entity declarations that could assemble one.
 */
function rasteriseSvg(bytes: Uint8Array, label: string, key: string, maxPixels: number): ImageResource {
  const text = new TextDecoder().decode(bytes);
  if (/<!ENTITY/i.test(text)) throw new Error(`${label}: SVG with entity declarations is not accepted`);
  if (/<!DOCTYPE[^>]*\[/i.test(text)) throw new Error(`${label}: SVG with an internal DOCTYPE subset is not accepted`);
  const external = /\bhref\s*=\s*(["'])\s*(?!#|data:image\/(?:png|jpeg|gif|webp)[;,])/i;
  if (external.test(text)) throw new Error(`${label}: SVG refers to external files or nested SVG; embed bitmaps as data: URIs`);
  // Before resvg reads it: reading expands <use> references, and drawing runs the filters.
  const costly = svgTooCostly(text, SVG_RASTER_SIDE);
  if (costly) throw new Error(`${label}: this SVG would take too long to draw: ${costly}`);
  // resvg loads on the first SVG image: most decks have none.
  const { Resvg } = requireHere('@resvg/resvg-js') as { Resvg: typeof ResvgType };
  let svg: ResvgType;
  try {
    svg = new Resvg(text, { font: svgFonts(), logLevel: 'off' });
  } catch (err) {
    throw new Error(`${label}: not a valid SVG (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!(svg.width > 0 && svg.height > 0)) throw new Error(`${label}: SVG has no size`);
  const scale = SVG_RASTER_SIDE / Math.max(svg.width, svg.height);
  const fitTo =
    svg.width >= svg.height
      ? { mode: 'width' as const, value: SVG_RASTER_SIDE }
      : { mode: 'height' as const, value: SVG_RASTER_SIDE };
  if (svg.width * scale * svg.height * scale > maxPixels) throw new Error(`${label}: SVG is too large to rasterise`);

  const image = new Resvg(text, { font: svgFonts(), logLevel: 'off', fitTo }).render();
  return { key, mime: 'image/png', bytes: toUint8(image.asPng()), width: image.width, height: image.height };
}

function toUint8(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/**
 * Text in a user's SVG (chart labels, wordmarks) is drawn with the bundled faces: never the
 * machine's fonts, so a build looks the same everywhere. Generic families map onto them too.
 */
function svgFonts() {
  // Font files, not buffers: resvg-js ignores fitTo when given fontBuffers.
  fontFiles ??= (['sans', 'serif', 'mono'] as const).flatMap((family) =>
    ([400, 700] as const).flatMap((weight) => {
      const file = bundledFacePath(family, weight, false);
      return file ? [requireHere.resolve(file)] : [];
    }),
  );
  return {
    loadSystemFonts: false,
    fontFiles,
    defaultFontFamily: 'Inter',
    sansSerifFamily: 'Inter',
    serifFamily: 'Source Serif 4',
    monospaceFamily: 'JetBrains Mono',
  };
}

let fontFiles: string[] | undefined;
const requireHere = createRequire(import.meta.url);
