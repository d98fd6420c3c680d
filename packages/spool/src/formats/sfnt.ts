/**
 * The few facts about a font that layout and the PDF writer need, read straight from its sfnt
 * tables (head, hhea, maxp, OS/2, post, name): no glyph, character map or layout table is parsed,
 * so this costs microseconds and no font library. Works on TrueType (`glyf`) and CFF-flavoured
 * OpenType fonts alike. Values follow what fontkit reports for the same font.
 */

export interface SfntInfo {
  unitsPerEm: number;
  /** hhea ascender, font units, positive above the baseline. */
  ascent: number;
  /** hhea descender, font units, as stored (negative below the baseline). */
  descent: number;
  /** OS/2 sCapHeight (version 2+), else the ascent, as fontkit does. */
  capHeight: number;
  /** OS/2 sxHeight (version 2+), else 0. */
  xHeight: number;
  /** head xMin, yMin, xMax, yMax. */
  bbox: [number, number, number, number];
  /** post italicAngle in degrees. */
  italicAngle: number;
  /** OS/2 usWeightClass, else 400. */
  weightClass: number;
  /** post isFixedPitch != 0. */
  fixedPitch: boolean;
  /** name 16 (typographic family) if present, else name 1, English preferred. */
  familyName: string;
  /** name 6, else familyName without spaces. */
  postscriptName: string;
  /** name 17 (typographic subfamily) if present, else name 2 ("Bold Italic"), else ''. */
  subfamilyName: string;
  /** 'truetype' for glyf fonts, 'cff' for CFF/CFF2 outlines. */
  outlines: 'truetype' | 'cff';
  /** maxp numGlyphs. */
  numGlyphs: number;
}

const SFNT_TRUETYPE = 0x00010000;
const SFNT_APPLE = 0x74727565; // 'true'
const SFNT_CFF = 0x4f54544f; // 'OTTO'
const HEAD_MAGIC = 0x5f0f3cf5;

/** Tables read here, with the bytes each must have at least. */
const MIN_LENGTH: Record<string, number> = { head: 54, hhea: 36, maxp: 6, 'OS/2': 6, post: 16, name: 6 };

export interface SfntTable {
  offset: number;
  length: number;
}

/** Throws an Error naming the problem for bytes that are not a single sfnt font (collections, WOFF, garbage). */
export function readSfnt(bytes: Uint8Array): SfntInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = tableDirectory(bytes, view);
  const table = (tag: string): SfntTable | undefined => {
    const t = tables.get(tag);
    if (t && t.length < MIN_LENGTH[tag]) throw new Error(`the '${tag}' table is too short (${t.length} bytes)`);
    return t;
  };
  const required = (tag: string): SfntTable => {
    const t = table(tag);
    if (!t) throw new Error(`not a usable font: it has no '${tag}' table`);
    return t;
  };

  const head = required('head');
  if (view.getUint32(head.offset + 12) !== HEAD_MAGIC) throw new Error("not a usable font: its 'head' table has the wrong magic number");
  const unitsPerEm = view.getUint16(head.offset + 18);
  if (unitsPerEm === 0) throw new Error("not a usable font: its 'head' table gives 0 units per em");
  const bbox: SfntInfo['bbox'] = [
    view.getInt16(head.offset + 36),
    view.getInt16(head.offset + 38),
    view.getInt16(head.offset + 40),
    view.getInt16(head.offset + 42),
  ];

  const hhea = required('hhea');
  const ascent = view.getInt16(hhea.offset + 4);
  const descent = view.getInt16(hhea.offset + 6);

  const numGlyphs = view.getUint16(required('maxp').offset + 4);

  let outlines: SfntInfo['outlines'];
  if (tables.has('CFF ') || tables.has('CFF2')) outlines = 'cff';
  else if (tables.has('glyf')) outlines = 'truetype';
  else throw new Error("not a usable font: it has no 'glyf', 'CFF ' or 'CFF2' outlines");

  let capHeight = ascent;
  let xHeight = 0;
  let weightClass = 400;
  const os2 = table('OS/2');
  if (os2) {
    weightClass = view.getUint16(os2.offset + 4);
    if (view.getUint16(os2.offset) >= 2 && os2.length >= 90) {
      xHeight = view.getInt16(os2.offset + 86);
      capHeight = view.getInt16(os2.offset + 88);
    }
  }

  let italicAngle = 0;
  let fixedPitch = false;
  const post = table('post');
  if (post) {
    italicAngle = view.getInt32(post.offset + 4) / 65536;
    fixedPitch = view.getUint32(post.offset + 12) !== 0;
  }

  const names = table('name');
  const familyName = (names && (readName(bytes, view, names, 16) ?? readName(bytes, view, names, 1))) ?? '';
  const postscriptName = (names && readName(bytes, view, names, 6)) ?? familyName.replace(/ /g, '');
  const subfamilyName = (names && (readName(bytes, view, names, 17) ?? readName(bytes, view, names, 2))) ?? '';

  return {
    unitsPerEm,
    ascent,
    descent,
    capHeight,
    xHeight,
    bbox,
    italicAngle,
    weightClass,
    fixedPitch,
    familyName,
    postscriptName,
    subfamilyName,
    outlines,
    numGlyphs,
  };
}

function tag(view: DataView, at: number): string {
  return String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
}

/** The font's tables by tag. Throws an Error naming the problem, as readSfnt does. */
export function tableDirectory(bytes: Uint8Array, view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)): Map<string, SfntTable> {
  if (bytes.length < 12) throw new Error(`not a font: ${bytes.length} bytes is too short for a font header`);
  const version = view.getUint32(0);
  if (version !== SFNT_TRUETYPE && version !== SFNT_APPLE && version !== SFNT_CFF) {
    const signature = tag(view, 0);
    if (signature === 'ttcf') throw new Error('a font collection (TTC/OTC); only single fonts are supported');
    if (signature === 'wOFF' || signature === 'wOF2') {
      throw new Error(`a ${signature === 'wOFF' ? 'WOFF' : 'WOFF2'} file; decompress it to a TTF or OTF font first`);
    }
    throw new Error(`not a TrueType or OpenType font (it starts with 0x${version.toString(16).padStart(8, '0')})`);
  }
  const numTables = view.getUint16(4);
  if (12 + numTables * 16 > bytes.length) throw new Error(`truncated font: its table directory of ${numTables} tables runs past the end of the data`);
  const tables = new Map<string, SfntTable>();
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    const name = tag(view, at);
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (offset + length > bytes.length) throw new Error(`truncated font: the '${name}' table runs past the end of the data`);
    if (!tables.has(name)) tables.set(name, { offset, length });
  }
  return tables;
}

/** Mac OS Roman, 0x80 to 0xFF. */
const MAC_ROMAN =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø' +
  '¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

/** Lower is better: English (Windows US, then Macintosh, then any Windows English), then anything. */
function preference(platform: number, encoding: number, language: number): number {
  if (platform === 3 && (encoding === 1 || encoding === 10 || encoding === 0)) {
    if (language === 0x0409) return 0;
    return (language & 0x3ff) === 0x09 ? 2 : 4;
  }
  if (platform === 1 && encoding === 0) return language === 0 ? 1 : 5;
  if (platform === 0) return 3;
  return -1; // an encoding not decoded here
}

/** The best-preferred string for a name id, or undefined when the font has none. */
function readName(bytes: Uint8Array, view: DataView, table: SfntTable, nameId: number): string | undefined {
  const count = view.getUint16(table.offset + 2);
  const storage = table.offset + view.getUint16(table.offset + 4);
  const end = table.offset + table.length;
  let best: { rank: number; platform: number; offset: number; length: number } | undefined;
  for (let i = 0; i < count; i++) {
    const at = table.offset + 6 + i * 12;
    if (at + 12 > end) throw new Error("the 'name' table is truncated");
    if (view.getUint16(at + 6) !== nameId) continue;
    const platform = view.getUint16(at);
    const rank = preference(platform, view.getUint16(at + 2), view.getUint16(at + 4));
    if (rank < 0 || (best && best.rank <= rank)) continue;
    const length = view.getUint16(at + 8);
    const offset = storage + view.getUint16(at + 10);
    if (offset + length > bytes.length) throw new Error("the 'name' table is truncated");
    best = { rank, platform, offset, length };
  }
  if (!best) return undefined;
  let out = '';
  if (best.platform === 1) {
    for (let i = 0; i < best.length; i++) {
      const b = bytes[best.offset + i];
      out += b < 0x80 ? String.fromCharCode(b) : MAC_ROMAN[b - 0x80];
    }
  } else {
    for (let i = 0; i + 1 < best.length; i += 2) out += String.fromCharCode(view.getUint16(best.offset + i));
  }
  return out;
}
