import { deflateSync } from 'node:zlib';
import { pdfNum } from './pdf-color.js';

/**
 * The PDF file format itself: values, indirect objects, streams, the cross-reference table. The
 * painter builds every page and resource as plain values and this writes them out; nothing here
 * knows about slides. Written for PDF 1.7 (ISO 32000-1), sections 7.3 (objects) and 7.5 (file
 * structure).
 */

/** A name (`/Type`). Plain JavaScript strings are PDF text strings. */
export class PdfName {
  constructor(readonly name: string) {}
}

/** An indirect reference (`12 0 R`), allocated before its object is written. */
export class PdfRef {
  constructor(readonly id: number) {}
}

/** Bytes written as they are: hex strings and other forms the value model has no type for. */
export class PdfRaw {
  constructor(readonly text: string) {}
}

export type PdfValue =
  | number
  | boolean
  | null
  | string
  | PdfName
  | PdfRef
  | PdfRaw
  | PdfValue[]
  | { [key: string]: PdfValue | undefined };

export type PdfDict = { [key: string]: PdfValue | undefined };

export const name = (n: string): PdfName => new PdfName(n);

/** Names may hold any byte but delimiters, whitespace and `#`, which are written as #xx. */
function nameToken(n: string): string {
  let out = '/';
  for (const byte of Buffer.from(n, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += byte < 0x21 || byte > 0x7e || '()<>[]{}/%#'.includes(c) ? `#${byte.toString(16).padStart(2, '0')}` : c;
  }
  return out;
}

/**
 * A text string: ASCII as a literal string with `\`, `(` and `)` escaped (and control characters
 * as octal escapes); anything else as UTF-16BE with a byte-order mark, in hex.
 */
export function textString(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7e) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    let out = '(';
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x5c || c === 0x28 || c === 0x29) out += `\\${s[i]}`;
      else if (c < 0x20) out += `\\${c.toString(8).padStart(3, '0')}`;
      else out += s[i];
    }
    return `${out})`;
  }
  let hex = '<FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0');
  return `${hex}>`;
}

export function serialize(value: PdfValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      return pdfNum(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return textString(value);
  }
  if (value instanceof PdfName) return nameToken(value.name);
  if (value instanceof PdfRef) return `${value.id} 0 R`;
  if (value instanceof PdfRaw) return value.text;
  if (Array.isArray(value)) return `[${value.map(serialize).join(' ')}]`;
  let out = '<<';
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v === undefined) continue;
    out += `${nameToken(key)} ${serialize(v)}\n`;
  }
  return `${out}>>`;
}

export interface StreamOptions {
  /** Deflate the data (default true). Off for data already compressed, e.g. JPEG. */
  compress?: boolean;
}

/** Streams shorter than this stay uncompressed: deflate would save nothing worth its header. */
const COMPRESS_MIN_BYTES = 64;

/** Collects indirect objects and writes the file. Objects may be set in any order. */
export class PdfFile {
  private readonly bodies: (Buffer | undefined)[] = [];

  /** A reference for an object to be set later. */
  alloc(): PdfRef {
    this.bodies.push(undefined);
    return new PdfRef(this.bodies.length);
  }

  /** Sets a plain object; allocates a reference when none is given. */
  set(value: PdfValue, ref: PdfRef = this.alloc()): PdfRef {
    this.bodies[ref.id - 1] = Buffer.from(serialize(value), 'latin1');
    return ref;
  }

  /** Sets a stream object: the dictionary gets its Length (and Filter when compressed here). */
  stream(dict: PdfDict, data: string | Uint8Array, opts: StreamOptions = {}, ref: PdfRef = this.alloc()): PdfRef {
    let bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const full: PdfDict = { ...dict };
    if ((opts.compress ?? true) && bytes.length >= COMPRESS_MIN_BYTES) {
      bytes = deflateSync(bytes);
      full.Filter = name('FlateDecode');
    }
    full.Length = bytes.length;
    this.bodies[ref.id - 1] = Buffer.concat([Buffer.from(`${serialize(full)}\nstream\n`, 'latin1'), bytes, Buffer.from('\nendstream', 'latin1')]);
    return ref;
  }

  /** The whole file: header, objects, cross-reference table and trailer. */
  finish(trailer: { Root: PdfRef; Info?: PdfRef; ID: [string, string] }): Uint8Array {
    const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
    let offset = parts[0].length;
    const offsets: number[] = [];
    this.bodies.forEach((body, i) => {
      if (!body) throw new Error(`PDF object ${i + 1} was allocated but never written`);
      const head = Buffer.from(`${i + 1} 0 obj\n`, 'latin1');
      const tail = Buffer.from('\nendobj\n', 'latin1');
      offsets.push(offset);
      parts.push(head, body, tail);
      offset += head.length + body.length + tail.length;
    });
    let xref = `xref\n0 ${this.bodies.length + 1}\n0000000000 65535 f \n`;
    for (const at of offsets) xref += `${String(at).padStart(10, '0')} 00000 n \n`;
    const id = trailer.ID.map((h) => `<${h}>`).join(' ');
    const info = trailer.Info ? ` /Info ${trailer.Info.id} 0 R` : '';
    xref += `trailer\n<< /Size ${this.bodies.length + 1} /Root ${trailer.Root.id} 0 R${info} /ID [${id}] >>\nstartxref\n${offset}\n%%EOF\n`;
    parts.push(Buffer.from(xref, 'latin1'));
    const out = Buffer.concat(parts);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }
}

/** PDF date string: `D:YYYYMMDDHHmmSSZ`, in UTC. */
export function pdfDate(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `D:${p(date.getUTCFullYear(), 4)}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z`;
}
