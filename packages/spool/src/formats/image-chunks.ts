/**
 * The container structure of JPEG and PNG files: marker segments and chunks, without decoding any
 * image data. The image loader reads headers through these (node/image-header.ts), and the PDF
 * painter the data it embeds as is (pdf/pdf-bitmaps.ts), so both agree on what a file holds.
 */

export interface JpegSegment {
  marker: number;
  /** The segment's data, after its length field. */
  body: Uint8Array;
}

/**
 * A JPEG's marker segments from the start of image up to the start of scan (or the end of image),
 * in order; undefined when the bytes are not a JPEG or a segment runs past the end.
 */
export function jpegSegments(b: Uint8Array): JpegSegment[] | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  const segments: JpegSegment[] = [];
  let at = 2;
  for (;;) {
    if (at + 2 > b.length || b[at] !== 0xff) return undefined;
    const marker = b[at + 1];
    // Fill bytes before a marker, and markers that stand alone without a length.
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return segments;
    if (at + 4 > b.length) return undefined;
    const length = (b[at + 2] << 8) | b[at + 3];
    const end = at + 2 + length;
    if (length < 2 || end > b.length) return undefined;
    segments.push({ marker, body: b.subarray(at + 4, end) });
    at = end;
  }
}

/** Start-of-frame markers: every 0xC0-0xCF except DHT (C4), JPG (C8) and DAC (CC). */
export function isJpegFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

export interface PngChunk {
  type: string;
  body: Uint8Array;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function isPng(b: Uint8Array): boolean {
  return b.length >= 8 && PNG_SIGNATURE.every((v, i) => b[i] === v);
}

/**
 * A PNG's chunks after the signature (checked with isPng first), in order, up to and with IEND; `truncated` when one ran past
 * the end of the bytes (the chunks before it are still given).
 */
export function pngChunks(b: Uint8Array): { chunks: PngChunk[]; truncated: boolean } {
  const chunks: PngChunk[] = [];
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let at = 8; at + 8 <= b.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(b[at + 4], b[at + 5], b[at + 6], b[at + 7]);
    if (at + 8 + length > b.length) return { chunks, truncated: true };
    chunks.push({ type, body: b.subarray(at + 8, at + 8 + length) });
    if (type === 'IEND') break;
    at += 12 + length;
  }
  return { chunks, truncated: false };
}
