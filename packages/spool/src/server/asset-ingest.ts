import path from 'node:path';
import { imageFromBytes } from '../node/images.js';
import { textShaper } from '../node/fonts.js';
import { readSfnt } from '../formats/sfnt.js';
import { sfntFromWebFont } from './web-font.js';
import type { Store } from '../store/store.js';
import type { AssetInfo, AssetKind } from '../store/types.js';
import { HttpError } from './http-errors.js';
import type { AssetJobResult, DecodedImageData } from './worker-jobs.js';

/** Decoded images above this are refused before decoding (decompression bombs). */
export const MAX_IMAGE_PIXELS = 50_000_000;

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/svg+xml', 'image/avif', 'image/tiff'];
export const FONT_TYPES = [
  'font/ttf', 'font/otf', 'font/woff', 'font/woff2', 'font/sfnt',
  'application/font-sfnt', 'application/x-font-ttf', 'application/x-font-otf', 'application/font-woff', 'application/vnd.ms-opentype',
];

export interface UploadedAsset extends AssetInfo {
  /** Fonts: what the file says about itself, for the studio's font pickers. */
  family?: string;
  weight?: number;
  italic?: boolean;
}

/**
 * Images are decoded, checked and normalised once here, so exports embed them as they are. This
 * and `checkFont` run in a worker thread: they are the costly part of taking an upload in.
 */
export async function decodeImage(bytes: Uint8Array, name: string): Promise<DecodedImageData> {
  let image;
  try {
    image = await imageFromBytes(bytes, name, { maxPixels: MAX_IMAGE_PIXELS, decodeFully: true });
  } catch (err) {
    throw new HttpError(400, err instanceof Error ? err.message : String(err));
  }
  if (image.mime === 'image/svg+xml') throw new HttpError(400, `${name}: SVG is not stored as it is`);
  // A copy: the loader keeps its result cached, and what is returned may be moved to another thread.
  return { mime: image.mime, bytes: new Uint8Array(image.bytes), width: image.width, height: image.height };
}

/** Stores an image that `decodeImage` returned. */
export function storeImage(store: Store, image: DecodedImageData, name: string): AssetInfo {
  return store.assets.put({ kind: 'image', mime: image.mime, name, bytes: image.bytes, width: image.width, height: image.height });
}

/**
 * A font must load and shape in the same engine that lays slides out, or it is not accepted. Web
 * fonts are stored unwrapped, as the TrueType or OpenType font they carry.
 */
async function checkFont(bytes: Uint8Array, name: string): Promise<AssetJobResult> {
  let mime = fontMime(bytes);
  if (mime === 'collection') throw new HttpError(400, `${name}: font collections (.ttc) are not supported; upload a single font file`);
  if (!mime) throw new HttpError(400, `${name}: not a font (expected a TTF, OTF, WOFF or WOFF2 file)`);
  let sfnt = bytes;
  if (mime === 'font/woff' || mime === 'font/woff2') {
    try {
      sfnt = await sfntFromWebFont(bytes);
    } catch (err) {
      throw new HttpError(400, `${name}: not a usable font (${err instanceof Error ? err.message : String(err)})`);
    }
    mime = fontMime(sfnt);
    if (mime !== 'font/ttf' && mime !== 'font/otf') throw new HttpError(400, `${name}: not a usable font (the web font does not hold a TrueType or OpenType font)`);
  }
  const info = describeFont(sfnt, name);
  checkFontSets(sfnt, name);
  return { kind: 'font', mime, bytes: sfnt, ...info };
}

/** An upload checked and normalised, ready to store: what the `asset` job does in a worker. */
export async function checkUpload(bytes: Uint8Array, contentType: string, name: string): Promise<AssetJobResult> {
  if (bytes.byteLength === 0) throw new HttpError(400, `${name}: the upload is empty`);
  if (uploadKind(bytes, contentType) === 'font') return checkFont(bytes, name);
  return { kind: 'image', ...(await decodeImage(bytes, name)) };
}

/** Stores what `checkUpload` returned. */
export function storeUpload(store: Store, checked: AssetJobResult, name: string): UploadedAsset {
  if (checked.kind === 'image') return storeImage(store, checked, name);
  const { family, weight, italic } = checked;
  const { font: _font, ...stored } = store.assets.put({ kind: 'font', mime: checked.mime, name, bytes: checked.bytes, font: { family, weight, italic } });
  return { ...stored, family, weight, italic };
}

/** The declared type decides; a generic type is decided by the file's first bytes. */
function uploadKind(bytes: Uint8Array, contentType: string): AssetKind {
  if (FONT_TYPES.includes(contentType)) return 'font';
  if (IMAGE_TYPES.includes(contentType)) return 'image';
  return fontMime(bytes) ? 'font' : 'image';
}

/** Font formats by their signature. */
export function fontMime(bytes: Uint8Array): string | 'collection' | undefined {
  const tag = String.fromCharCode(...bytes.subarray(0, 4));
  if (tag === '\u0000\u0001\u0000\u0000' || tag === 'true') return 'font/ttf';
  if (tag === 'OTTO') return 'font/otf';
  if (tag === 'wOFF') return 'font/woff';
  if (tag === 'wOF2') return 'font/woff2';
  if (tag === 'ttcf') return 'collection';
  return undefined;
}

export interface FontDescription {
  family: string;
  /** The OS/2 weight class, rounded into the engine's 400..800 steps. */
  weight: 400 | 500 | 600 | 700 | 800;
  italic: boolean;
}

/** What a font file says about itself, read from its tables as the text engine reads them. */
export function describeFont(bytes: Uint8Array, name: string): FontDescription {
  let info;
  try {
    info = readSfnt(bytes);
  } catch (err) {
    const message = err instanceof Error ? err.message.replace(/^not a usable font: /, '') : String(err);
    throw new HttpError(400, `${name}: not a usable font (${message})`);
  }
  const weight = Math.min(800, Math.max(400, Math.round(info.weightClass / 100) * 100)) as FontDescription['weight'];
  const italic = info.italicAngle !== 0 || /italic|oblique/i.test(info.subfamilyName);
  return { family: info.familyName || path.parse(name).name, weight, italic };
}

/** Characters one of which a font must set with an outline: a letter or digit of a script Spool sets. */
const PROBES = 'Aa0АΑاאकกあ一가';

/**
 * The shaper maps and draws a sample: a font that sets none of the probe characters with an
 * outline would print nothing but boxes.
 */
function checkFontSets(bytes: Uint8Array, name: string): void {
  const face = { key: `upload:${name}`, bytes };
  const glyphs = textShaper.inspect(face);
  for (const ch of PROBES) {
    const id = textShaper.shape(face, ch).glyphs[0]?.id ?? 0;
    if (id !== 0 && glyphs.has(ch.codePointAt(0)!) && glyphs.path(id) !== '') return;
  }
  throw new HttpError(400, `${name}: not a usable font (it draws none of the letters and digits it was tried with: ${[...PROBES].join(' ')})`);
}

/** A safe display name for an upload: the last path part, printable, at most 120 characters. */
export function uploadName(raw: string | undefined, fallback: string): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 120);
  return clean || fallback;
}
