import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';

/**
 * Web fonts (WOFF, WOFF2) unwrapped into the plain TrueType/OpenType file they carry, which is what
 * the text engine, HarfBuzz and the PDF writer read. An uploaded web font is stored unwrapped, so
 * nothing downstream ever meets the wrapper.
 *
 * WOFF 1.0 is a table directory over zlib-compressed tables and is unwrapped here. WOFF2 transforms
 * the glyph tables before compressing them with Brotli; Google's own decoder (the `wawoff2` package,
 * WebAssembly) undoes that.
 */

/** Larger fonts than this are refused: the biggest CJK families are about 20 MB. */
const MAX_SFNT_BYTES = 64 * 1024 * 1024;
const MAX_TABLES = 256;
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;

export async function sfntFromWebFont(bytes: Uint8Array): Promise<Uint8Array> {
  const signature = String.fromCharCode(...bytes.subarray(0, 4));
  if (signature === 'wOFF') return sfntFromWoff(bytes);
  if (signature === 'wOF2') return sfntFromWoff2(bytes);
  throw new Error('not a WOFF or WOFF2 file');
}

/** Unwraps WOFF 1.0: each table is stored as is or zlib-compressed. */
export function sfntFromWoff(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < WOFF_HEADER) throw new Error(`truncated WOFF: ${bytes.length} bytes is too short for its header`);
  const flavor = view.getUint32(4);
  const numTables = view.getUint16(12);
  if (numTables === 0 || numTables > MAX_TABLES) throw new Error(`damaged WOFF: it claims ${numTables} tables`);
  if (WOFF_HEADER + numTables * WOFF_ENTRY > bytes.length) throw new Error('truncated WOFF: its table directory runs past the end');

  const tables: { tag: number; checksum: number; data: Uint8Array }[] = [];
  let total = 12 + numTables * 16;
  for (let i = 0; i < numTables; i++) {
    const at = WOFF_HEADER + i * WOFF_ENTRY;
    const tag = view.getUint32(at);
    const offset = view.getUint32(at + 4);
    const compLength = view.getUint32(at + 8);
    const origLength = view.getUint32(at + 12);
    const name = tagName(tag);
    if (offset + compLength > bytes.length) throw new Error(`truncated WOFF: the '${name}' table runs past the end`);
    if (compLength > origLength) throw new Error(`damaged WOFF: the '${name}' table is larger compressed than whole`);
    total += padded(origLength);
    if (total > MAX_SFNT_BYTES) throw new Error(`the font inside is larger than ${MAX_SFNT_BYTES / 1024 / 1024} MB`);
    const stored = bytes.subarray(offset, offset + compLength);
    let data: Uint8Array;
    if (compLength === origLength) data = stored;
    else {
      try {
        data = inflateSync(stored, { maxOutputLength: origLength });
      } catch {
        throw new Error(`damaged WOFF: the '${name}' table does not decompress`);
      }
      if (data.length !== origLength) throw new Error(`damaged WOFF: the '${name}' table decompresses to ${data.length} bytes, not ${origLength}`);
    }
    tables.push({ tag, checksum: view.getUint32(at + 16), data });
  }

  // The sfnt table directory is sorted by tag, as the WOFF one should already be.
  tables.sort((a, b) => a.tag - b.tag);
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  dv.setUint32(0, flavor);
  dv.setUint16(4, numTables);
  dv.setUint16(6, searchRange);
  dv.setUint16(8, entrySelector);
  dv.setUint16(10, numTables * 16 - searchRange);
  let offset = 12 + numTables * 16;
  tables.forEach((table, i) => {
    const at = 12 + i * 16;
    dv.setUint32(at, table.tag);
    dv.setUint32(at + 4, table.checksum);
    dv.setUint32(at + 8, offset);
    dv.setUint32(at + 12, table.data.length);
    out.set(table.data, offset);
    offset += padded(table.data.length);
  });
  return out;
}

async function sfntFromWoff2(bytes: Uint8Array): Promise<Uint8Array> {
  const { decompress } = createRequire(import.meta.url)('wawoff2') as typeof import('wawoff2');
  let out: Uint8Array;
  try {
    out = await decompress(bytes);
  } catch {
    throw new Error('damaged WOFF2: its data does not decompress');
  }
  if (out.length === 0) throw new Error('damaged WOFF2: its data does not decompress');
  return out;
}

/** Tables start on 4-byte boundaries. Arithmetic, not bit operations: lengths may pass 2^31. */
function padded(length: number): number {
  return Math.ceil(length / 4) * 4;
}

function tagName(tag: number): string {
  return String.fromCharCode((tag >>> 24) & 0xff, (tag >>> 16) & 0xff, (tag >>> 8) & 0xff, tag & 0xff);
}
