/**
 * Reading a byte run as UTF-8, keeping track of *how* it fails: bytes cut short (a lead byte whose
 * continuation bytes went missing, which is what lossy decoders leave behind) are told apart from bytes
 * that could never start or continue a character (the mark of text that was right all along).
 */

export type Utf8Unit =
  | { kind: 'char'; codePoint: number; bytes: number }
  | { kind: 'cut'; bytes: number[] }
  | { kind: 'stray' };

export interface Utf8Reading {
  units: Utf8Unit[];
  chars: number;
  cuts: number;
  strays: number;
}

/** Continuation bytes a lead byte needs, or -1 when the byte can't lead a multi-byte character. */
function continuationsFor(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return -1;
}

/** The second byte's range is narrower for some leads (no overlongs, surrogates or > U+10FFFF). */
function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

export function readUtf8(bytes: readonly number[]): Utf8Reading {
  const units: Utf8Unit[] = [];
  let chars = 0;
  let cuts = 0;
  let strays = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    const need = continuationsFor(lead);
    if (need < 0) {
      units.push({ kind: 'stray' });
      strays++;
      i++;
      continue;
    }
    const [lo, hi] = secondByteRange(lead);
    let have = 0;
    while (have < need && i + 1 + have < bytes.length) {
      const b = bytes[i + 1 + have];
      const ok = have === 0 ? b >= lo && b <= hi : b >= 0x80 && b <= 0xbf;
      if (!ok) break;
      have++;
    }
    if (have < need) {
      units.push({ kind: 'cut', bytes: bytes.slice(i, i + 1 + have) });
      cuts++;
    } else {
      let codePoint = lead & (0xff >> (need + 2));
      for (let k = 1; k <= need; k++) codePoint = (codePoint << 6) | (bytes[i + k] & 0x3f);
      units.push({ kind: 'char', codePoint, bytes: need + 1 });
      chars++;
    }
    i += 1 + have;
  }
  return { units, chars, cuts, strays };
}
