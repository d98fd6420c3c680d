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
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let adobe = false;
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1];
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = (b[at + 2] << 8) | b[at + 3];
    if (marker === 0xee && String.fromCharCode(...b.subarray(at + 4, at + 9)) === 'Adobe') adobe = true;
    const sof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (sof && at + 10 <= b.length) {
      return {
        height: (b[at + 5] << 8) | b[at + 6],
        width: (b[at + 7] << 8) | b[at + 8],
        components: b[at + 9],
        adobe,
      };
    }
    at += 2 + length;
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
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 33 || signature.some((v, i) => b[i] !== v)) return undefined;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let header: Omit<PngInfo, 'idat' | 'palette' | 'transparent'> | undefined;
  let palette: Uint8Array | undefined;
  let transparent: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  for (let at = 8; at + 8 <= b.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(b[at + 4], b[at + 5], b[at + 6], b[at + 7]);
    const body = b.subarray(at + 8, at + 8 + length);
    if (body.length < length) return undefined;
    if (type === 'IHDR') {
      header = {
        width: view.getUint32(at + 8),
        height: view.getUint32(at + 12),
        depth: b[at + 16],
        colourType: b[at + 17],
        interlaced: b[at + 20] === 1,
      };
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparent = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
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
