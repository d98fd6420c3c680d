import { deflateSync } from 'node:zlib';

/** The tables of an sfnt font by tag, as stored. */
export function sfntTables(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
    tables.set(tag, bytes.slice(view.getUint32(at + 8), view.getUint32(at + 8) + view.getUint32(at + 12)));
  }
  return tables;
}

/**
 * Wraps an sfnt font as WOFF 1.0 (each table zlib-compressed where that makes it smaller), as web
 * font tools write it.
 */
export function toWoff(sfnt: Uint8Array): Uint8Array {
  const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const numTables = view.getUint16(4);
  const entries = Array.from({ length: numTables }, (_, i) => {
    const at = 12 + i * 16;
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    const data = sfnt.subarray(offset, offset + length);
    const packed = deflateSync(data);
    return { tag: view.getUint32(at), checksum: view.getUint32(at + 4), data: packed.length < length ? packed : data, origLength: length };
  });
  let size = 44 + numTables * 20;
  const offsets = entries.map((e) => {
    const at = size;
    size += (e.data.length + 3) & ~3;
    return at;
  });
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  out.set([0x77, 0x4f, 0x46, 0x46]); // 'wOFF'
  dv.setUint32(4, view.getUint32(0));
  dv.setUint32(8, size);
  dv.setUint16(12, numTables);
  dv.setUint32(16, sfnt.length);
  dv.setUint16(20, 1);
  entries.forEach((e, i) => {
    const at = 44 + i * 20;
    dv.setUint32(at, e.tag);
    dv.setUint32(at + 4, offsets[i]);
    dv.setUint32(at + 8, e.data.length);
    dv.setUint32(at + 12, e.origLength);
    dv.setUint32(at + 16, e.checksum);
    out.set(e.data, offsets[i]);
  });
  return out;
}
