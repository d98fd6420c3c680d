import { isJpegFrame, isPng, jpegSegments, pngChunks } from '../formats/image-chunks.js';

/**
 * Reads what deciding about an image needs from its first bytes, without decoding it or loading an
 * image library: format, size, EXIF orientation, and for JPEG and PNG the details that tell whether
 * the bytes can be embedded as they are. Covers JPEG, PNG, WebP and GIF; anything else, or a header
 * this does not follow, gives undefined so the caller can ask sharp instead.
 */

export interface ImageHeader {
  format: 'jpeg' | 'png' | 'webp' | 'gif';
  /** Stored size, before any EXIF rotation (as sharp's metadata reports it). */
  width: number;
  height: number;
  /** EXIF orientation, 1 (upright) to 8; 1 when the image has none. */
  orientation: number;
  /** Bits per sample: a PNG's bit depth (1 to 16), else 8. */
  bitDepth: number;
  /** JPEG colour components: 1 grey, 3 YCbCr or RGB, 4 CMYK or YCCK. */
  components?: number;
  /** PNG colour type: 0 grey, 2 RGB, 3 palette, 4 grey and alpha, 6 RGBA. */
  colourType?: number;
  /** A PNG stored interlaced (Adam7). */
  interlaced: boolean;
  /**
   * A still, opaque, lossy WebP: already photo-grade, so it converts to JPEG without measuring
   * its content first.
   */
  photo?: boolean;
}

export function readImageHeader(bytes: Uint8Array): ImageHeader | undefined {
  try {
    if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return readJpeg(bytes);
    if (isPng(bytes)) return readPng(bytes);
    if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return readWebp(bytes);
    if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return readGif(bytes);
  } catch {
    // A header that runs past the end of the bytes: let sharp have its say.
  }
  return undefined;
}

function ascii(b: Uint8Array, at: number, length: number): string {
  if (b.length < at + length) return '';
  return String.fromCharCode(...b.subarray(at, at + length));
}

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

/**
 * Markers up to the start of scan: the first frame header and the first Exif block. Frames other
 * than baseline, extended and progressive Huffman, or with other than 8-bit samples, are left to sharp.
 */
function readJpeg(b: Uint8Array): ImageHeader | undefined {
  const segments = jpegSegments(b);
  if (!segments) return undefined;
  let frame: { marker: number; precision: number; height: number; width: number; components: number } | undefined;
  let exif: Uint8Array | undefined;
  for (const { marker, body } of segments) {
    if (marker === 0xe1 && !exif && ascii(body, 0, 4) === 'Exif') exif = body.subarray(6);
    if (isJpegFrame(marker) && !frame) {
      if (body.length < 6) return undefined;
      frame = { marker, precision: body[0], height: (body[1] << 8) | body[2], width: (body[3] << 8) | body[4], components: body[5] };
    }
  }
  if (!frame || frame.marker > 0xc2 || frame.precision !== 8) return undefined;
  if (!(frame.width > 0 && frame.height > 0) || ![1, 3, 4].includes(frame.components)) return undefined;
  return {
    format: 'jpeg',
    width: frame.width,
    height: frame.height,
    orientation: exif ? exifOrientation(exif) : 1,
    bitDepth: 8,
    components: frame.components,
    interlaced: false,
  };
}

const PNG_DEPTHS: Record<number, readonly number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/** IHDR, then the chunks before the image data for an eXIf block (libpng reads no further for a header). */
function readPng(b: Uint8Array): ImageHeader | undefined {
  const data = view(b);
  if (b.length < 33 || ascii(b, 12, 4) !== 'IHDR' || data.getUint32(8) !== 13) return undefined;
  const width = data.getUint32(16);
  const height = data.getUint32(20);
  const bitDepth = b[24];
  const colourType = b[25];
  const interlace = b[28];
  if (!(width > 0 && height > 0) || width > 0x7fffffff || height > 0x7fffffff) return undefined;
  if (!PNG_DEPTHS[colourType]?.includes(bitDepth) || b[26] !== 0 || b[27] !== 0 || interlace > 1) return undefined;
  let orientation = 1;
  for (const { type, body } of pngChunks(b).chunks) {
    if (type === 'IDAT' || type === 'IEND') break;
    if (type === 'eXIf') {
      orientation = exifOrientation(body);
      break;
    }
  }
  return { format: 'png', width, height, orientation, bitDepth, colourType, interlaced: interlace === 1 };
}

/** Simple lossy (VP8), lossless (VP8L) or extended (VP8X: canvas size, and EXIF when flagged). */
function readWebp(b: Uint8Array): ImageHeader | undefined {
  const data = view(b);
  const chunk = ascii(b, 12, 4);
  const base = { format: 'webp' as const, orientation: 1, bitDepth: 8, interlaced: false };
  if (chunk === 'VP8 ') {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return undefined;
    const width = data.getUint16(26, true) & 0x3fff;
    const height = data.getUint16(28, true) & 0x3fff;
    return width > 0 && height > 0 ? { ...base, width, height, photo: true } : undefined;
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return undefined;
    const bits = data.getUint32(21, true);
    return { ...base, width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk !== 'VP8X') return undefined;
  const flags = b[20];
  const width = 1 + (b[24] | (b[25] << 8) | (b[26] << 16));
  const height = 1 + (b[27] | (b[28] << 8) | (b[29] << 16));
  let orientation = 1;
  if (flags & 0x08) {
    for (let at = 12; at + 8 <= b.length; ) {
      const length = data.getUint32(at + 4, true);
      if (ascii(b, at, 4) === 'EXIF') {
        const body = b.subarray(at + 8, at + 8 + length);
        orientation = exifOrientation(ascii(body, 0, 6) === 'Exif\0\0' ? body.subarray(6) : body);
        break;
      }
      at += 8 + length + (length & 1);
    }
  }
  // Flags: 0x10 alpha, 0x02 animation. The image data of a still lossy picture is a `VP8 ` chunk.
  let lossy = false;
  for (let at = 12; at + 8 <= b.length; ) {
    if (ascii(b, at, 4) === 'VP8 ') lossy = true;
    at += 8 + data.getUint32(at + 4, true) + (data.getUint32(at + 4, true) & 1);
  }
  return { ...base, width, height, orientation, photo: lossy && !(flags & 0x10) && !(flags & 0x02) };
}

/**
 * The logical screen, grown to hold the first frame if that frame reaches past it (as libnsgif,
 * sharp's GIF reader, does).
 */
function readGif(b: Uint8Array): ImageHeader | undefined {
  const data = view(b);
  let width = data.getUint16(6, true);
  let height = data.getUint16(8, true);
  let at = 13;
  if (b[10] & 0x80) at += 3 * (1 << ((b[10] & 0x07) + 1));
  while (at < b.length) {
    const block = b[at];
    if (block === 0x2c) {
      const right = data.getUint16(at + 1, true) + data.getUint16(at + 5, true);
      const bottom = data.getUint16(at + 3, true) + data.getUint16(at + 7, true);
      width = Math.max(width, right);
      height = Math.max(height, bottom);
      break;
    }
    if (block !== 0x21) break;
    // An extension: its label, then sub-blocks until an empty one.
    at += 2;
    while (at < b.length && b[at] !== 0) at += b[at] + 1;
    at++;
  }
  if (!(width > 0 && height > 0)) return undefined;
  return { format: 'gif', width, height, orientation: 1, bitDepth: 8, interlaced: false };
}

const TYPE_SIZES: Record<number, number> = { 3: 2, 4: 4, 8: 2, 9: 4 };

/** The Orientation tag of the first IFD of a TIFF-structured EXIF block; 1 when absent or not 1-8, as sharp reports it. */
export function exifOrientation(tiff: Uint8Array): number {
  if (tiff.length < 8) return 1;
  const order = ascii(tiff, 0, 2);
  if (order !== 'II' && order !== 'MM') return 1;
  const le = order === 'II';
  const data = view(tiff);
  const ifd = data.getUint32(4, le);
  if (ifd + 2 > tiff.length) return 1;
  const count = data.getUint16(ifd, le);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return 1;
    if (data.getUint16(entry, le) !== 0x0112) continue;
    const type = data.getUint16(entry + 2, le);
    const size = TYPE_SIZES[type];
    const components = data.getUint32(entry + 4, le);
    if (!size || components < 1) return 1;
    const at = size * components > 4 ? data.getUint32(entry + 8, le) : entry + 8;
    if (at + size > tiff.length) return 1;
    const value =
      type === 3 ? data.getUint16(at, le) : type === 8 ? data.getInt16(at, le) : type === 4 ? data.getUint32(at, le) : data.getInt32(at, le);
    return value >= 1 && value <= 8 ? value : 1;
  }
  return 1;
}
