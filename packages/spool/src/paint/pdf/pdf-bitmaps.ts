import { isJpegFrame, isPng, jpegSegments, pngChunks } from '../../formats/image-chunks.js';
import { name, PdfRaw, type PdfDict, type PdfFile, type PdfRef } from './pdf-objects.js';

/**
 * JPEG and PNG data embedded in a PDF as they are, without decoding a pixel: a JPEG is a DCTDecode
 * stream, a PNG's compressed image data is a FlateDecode stream with PNG predictors (ISO 32000-1,
 * 7.4.4.4). Images reach the painter normalised (see node/images.ts): JPEG in grey, RGB or CMYK;
 * PNG 8 bits or fewer per channel, not interlaced. A PNG with transparency arrives split into a
 * colour PNG and a grey alpha PNG, the alpha becoming the colour image's soft mask.
 */

export function embedJpeg(file: PdfFile, bytes: Uint8Array, label: string): PdfRef {
  const info = readJpeg(bytes);
  if (!info) throw new Error(`${label}: not a JPEG the PDF painter can embed`);
  const space = info.components === 1 ? 'DeviceGray' : info.components === 4 ? 'DeviceCMYK' : 'DeviceRGB';
  const dict: PdfDict = {
    Type: name('XObject'),
    Subtype: name('Image'),
    Width: info.width,
    Height: info.height,
    ColorSpace: name(space),
    BitsPerComponent: 8,
    Filter: name('DCTDecode'),
  };
  // Adobe's CMYK JPEGs store inverted values.
  if (info.components === 4 && info.adobe) dict.Decode = [1, 0, 1, 0, 1, 0, 1, 0];
  return file.stream(dict, bytes, { compress: false });
}

export function embedPng(file: PdfFile, bytes: Uint8Array, label: string, softMask?: PdfRef): PdfRef {
  const png = readPng(bytes);
  if (!png) throw new Error(`${label}: not a PNG the PDF painter can embed`);
  if (png.interlaced || png.depth > 8 || png.colourType === 4 || png.colourType === 6) {
    throw new Error(`${label}: PNG must be normalised before it is embedded (interlaced, 16-bit or with alpha)`);
  }
  const colors = png.colourType === 2 ? 3 : 1;
  let space: PdfDict[string];
  if (png.colourType === 3) {
    if (!png.palette) throw new Error(`${label}: indexed PNG without a palette`);
    const entries = png.palette.length / 3;
    space = [name('Indexed'), name('DeviceRGB'), entries - 1, new PdfRaw(`<${Buffer.from(png.palette).toString('hex')}>`)];
  } else {
    space = name(colors === 3 ? 'DeviceRGB' : 'DeviceGray');
  }
  return file.stream(
    {
      Type: name('XObject'),
      Subtype: name('Image'),
      Width: png.width,
      Height: png.height,
      ColorSpace: space,
      BitsPerComponent: png.depth,
      Filter: name('FlateDecode'),
      DecodeParms: { Predictor: 15, Colors: colors, BitsPerComponent: png.depth, Columns: png.width },
      SMask: softMask,
      // A grey or RGB PNG's tRNS names one colour as transparent: a colour-key mask says the same.
      Mask: softMask ? undefined : colourKey(png),
    },
    png.idat.length === 1 ? png.idat[0] : Buffer.concat(png.idat),
    { compress: false },
  );
}

interface JpegInfo {
  width: number;
  height: number;
  components: number;
  adobe: boolean;
}

/** Size and component count from the first start-of-frame marker. */
export function readJpeg(b: Uint8Array): JpegInfo | undefined {
  const segments = jpegSegments(b);
  if (!segments) return undefined;
  let adobe = false;
  for (const { marker, body } of segments) {
    if (marker === 0xee && String.fromCharCode(...body.subarray(0, 5)) === 'Adobe') adobe = true;
    if (isJpegFrame(marker) && body.length >= 6) {
      return { height: (body[1] << 8) | body[2], width: (body[3] << 8) | body[4], components: body[5], adobe };
    }
  }
  return undefined;
}

interface PngInfo {
  width: number;
  height: number;
  depth: number;
  colourType: number;
  interlaced: boolean;
  palette?: Uint8Array;
  /** tRNS: for grey and RGB images, the one sample value (per channel) that is transparent. */
  transparent?: Uint8Array;
  /** The IDAT chunks' data, in order: joined, one zlib stream. */
  idat: Uint8Array[];
}

export function readPng(b: Uint8Array): PngInfo | undefined {
  if (!isPng(b)) return undefined;
  const { chunks, truncated } = pngChunks(b);
  if (truncated) return undefined;
  let header: Omit<PngInfo, 'idat' | 'palette' | 'transparent'> | undefined;
  let palette: Uint8Array | undefined;
  let transparent: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  for (const { type, body } of chunks) {
    if (type === 'IHDR' && body.length >= 13) {
      const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
      header = { width: view.getUint32(0), height: view.getUint32(4), depth: body[8], colourType: body[9], interlaced: body[12] === 1 };
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparent = body;
    else if (type === 'IDAT') idat.push(body);
  }
  if (!header || idat.length === 0) return undefined;
  return { ...header, palette, transparent, idat };
}

/** `[min max]` per channel for the colour a grey or RGB PNG's tRNS chunk makes transparent. */
function colourKey(png: PngInfo): number[] | undefined {
  const t = png.transparent;
  const channels = png.colourType === 0 ? 1 : png.colourType === 2 ? 3 : 0;
  if (!t || channels === 0 || t.length < channels * 2) return undefined;
  const key: number[] = [];
  for (let c = 0; c < channels; c++) {
    const value = (t[c * 2] << 8) | t[c * 2 + 1];
    key.push(value, value);
  }
  return key;
}
