/**
 * Checks that a JPEG or PNG that will be embedded byte for byte is whole: a PDF reader handed a
 * file cut short fails on it ("invalid jpeg data", "premature end of file"), and a 40-byte PNG
 * header with no pixels breaks the export that shows it. A PNG's pixel data is inflated in full
 * (on libuv's threads, off the main one) and must be exactly the size its header promises; a JPEG
 * must reach its scan and close with its end-of-image marker. Neither needs an image library, so a
 * build whose images are all plain JPEG and PNG still never loads sharp.
 */
import { promisify } from 'node:util';
import { inflate } from 'node:zlib';
import { jpegSegments, pngChunks } from '../formats/image-chunks.js';

const inflateAsync = promisify(inflate);

/** The largest piece of a PNG's pixel data inflated in one go. */
const INFLATE_CHUNK = 8 * 1024 * 1024;

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Throws, saying what is wrong, when the file is not whole. */
export async function verifyWhole(bytes: Uint8Array, format: 'jpeg' | 'png'): Promise<void> {
  if (format === 'jpeg') return verifyJpeg(bytes);
  return verifyPng(bytes);
}

function verifyJpeg(b: Uint8Array): void {
  const segments = jpegSegments(b);
  if (!segments || segments.length === 0) throw new Error('its segments run past the end of the file');
  if (!segments.some((s) => s.marker >= 0xc0 && s.marker <= 0xcf && s.marker !== 0xc4 && s.marker !== 0xc8 && s.marker !== 0xcc)) {
    throw new Error('it has no frame header');
  }
  // The scan starts after the last header segment and runs to an end-of-image marker. Searching
  // from there, a thumbnail's own marker inside the EXIF data is never taken for the image's.
  const last = segments[segments.length - 1].body;
  const scan = last.byteOffset - b.byteOffset + last.length;
  for (let i = b.length - 2; i >= scan; i--) if (b[i] === 0xff && b[i + 1] === 0xd9) return;
  throw new Error('it is cut short: its image data never ends');
}

async function verifyPng(b: Uint8Array): Promise<void> {
  const { chunks, truncated } = pngChunks(b);
  const header = chunks.find((c) => c.type === 'IHDR')?.body;
  if (!header || header.length < 13) throw new Error('it has no image header');
  if (truncated || !chunks.some((c) => c.type === 'IEND')) throw new Error('it is cut short: it has no end chunk');
  const idat = chunks.filter((c) => c.type === 'IDAT').map((c) => c.body);
  if (idat.length === 0) throw new Error('it has no image data');
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const width = view.getUint32(0);
  const height = view.getUint32(4);
  const bitDepth = header[8];
  const channels = CHANNELS[header[9]] ?? 0;
  // Interlaced files are converted, not embedded, so only the plain layout is checked here.
  const rowBytes = Math.ceil((width * channels * bitDepth) / 8);
  const expected = height * (1 + rowBytes);
  const data = Buffer.concat(idat);
  let raw: Buffer;
  try {
    // In chunks of up to 8 MB: each chunk is a trip from libuv's threads back to the main one, and
    // at zlib's default of 16 KB a 1000 px RGBA image took 250 of them, so its check finished only
    // when the main thread was free, after layout, instead of during it.
    raw = await inflateAsync(data, { maxOutputLength: expected + 1, chunkSize: Math.min(expected + 1, INFLATE_CHUNK) });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new Error('its image data is larger than its header says');
    throw new Error('its image data is damaged or cut short');
  }
  if (raw.length !== expected) throw new Error(`its image data holds ${raw.length} of the ${expected} bytes its size needs`);
}
