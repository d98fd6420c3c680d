import path from 'node:path';
import { imageFromBytes } from '../node/images.js';
import { create, type Font } from 'fontkit';
import { padGlyfTable } from '../text/face.js';
import type { Store } from '../store/store.js';
import type { AssetInfo, AssetKind } from '../store/types.js';
import { HttpError } from './http-errors.js';

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

/** Images are decoded, checked and normalised once here, so exports embed them as they are. */
export async function storeImage(store: Store, bytes: Uint8Array, name: string): Promise<AssetInfo> {
  let image;
  try {
    image = await imageFromBytes(bytes, name, { maxPixels: MAX_IMAGE_PIXELS });
  } catch (err) {
    throw new HttpError(400, err instanceof Error ? err.message : String(err));
  }
  return store.assets.put({ kind: 'image', mime: image.mime, name, bytes: image.bytes, width: image.width, height: image.height });
}

/** A font must load and shape in the same engine that lays slides out, or it is not accepted. */
export function storeFont(store: Store, bytes: Uint8Array, name: string): UploadedAsset {
  const mime = fontMime(bytes);
  if (mime === 'collection') throw new HttpError(400, `${name}: font collections (.ttc) are not supported; upload a single font file`);
  if (!mime) throw new HttpError(400, `${name}: not a font (expected a TTF, OTF, WOFF or WOFF2 file)`);
  const info = describeFont(bytes, name);
  return { ...store.assets.put({ kind: 'font', mime, name, bytes }), ...info };
}

export async function storeUpload(store: Store, bytes: Uint8Array, contentType: string, name: string): Promise<UploadedAsset> {
  if (bytes.byteLength === 0) throw new HttpError(400, `${name}: the upload is empty`);
  return uploadKind(bytes, contentType) === 'font' ? storeFont(store, bytes, name) : storeImage(store, bytes, name);
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

export function describeFont(bytes: Uint8Array, name: string): FontDescription {
  try {
    // The same padding the text engine applies before handing bytes to fontkit.
    const opened = create(Buffer.from(padGlyfTable(bytes)));
    if (!('layout' in opened)) throw new Error('font collections are not supported');
    const font: Font = opened;
    // Shaping a sample and drawing a glyph touches the tables that layout and painting read.
    const run = font.layout('Spool Aa 0123');
    if (font.numGlyphs < 2 || run.glyphs.length === 0) throw new Error('it has no glyphs');
    font.getGlyph(run.glyphs[0].id).path.toSVG();
    const weightClass = font['OS/2']?.usWeightClass ?? 400;
    const weight = Math.min(800, Math.max(400, Math.round(weightClass / 100) * 100)) as FontDescription['weight'];
    const italic = font.italicAngle !== 0 || /italic|oblique/i.test(font.subfamilyName ?? '');
    const family = font.getName('preferredFamily', 'en') ?? font.familyName;
    return { family: family || path.parse(name).name, weight, italic };
  } catch (err) {
    throw new HttpError(400, `${name}: not a usable font (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** A safe display name for an upload: the last path part, printable, at most 120 characters. */
export function uploadName(raw: string | undefined, fallback: string): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 120);
  return clean || fallback;
}
