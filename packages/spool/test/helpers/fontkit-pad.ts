import { tableDirectory, type SfntTable } from '../../src/formats/sfnt.js';

/**
 * fontkit reads a glyph's 10-byte header even when the glyph is empty. When that glyph is the last
 * one and `glyf` is the last table (JetBrains Mono, Space Grotesk), the read runs past the end of
 * the file and fontkit throws. The tests read fonts with fontkit as a second opinion, so they pad
 * the file first: zero padding after the last table is harmless to every reader.
 */
export function padForFontkit(bytes: Uint8Array): Uint8Array {
  let glyf: SfntTable | undefined;
  try {
    glyf = tableDirectory(bytes).get('glyf');
  } catch {
    return bytes;
  }
  if (!glyf) return bytes;
  const end = glyf.offset + glyf.length;
  if (end + 12 <= bytes.length) return bytes;
  const padded = new Uint8Array(Math.ceil((end + 12) / 4) * 4);
  padded.set(bytes);
  return padded;
}
