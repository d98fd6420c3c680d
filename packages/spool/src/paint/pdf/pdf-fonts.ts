import { createHash } from 'node:crypto';
import type { FontFace } from '../../scene/types.js';
import { readSfnt, type SfntInfo } from '../../formats/sfnt.js';
import { name, type PdfFile, type PdfRef, type PdfValue } from './pdf-objects.js';
import type { Subsetter } from './pdf-subset.js';

/**
 * Embeds the faces a document draws as Type 0 (composite) fonts: two-byte codes that are glyph
 * ids, a subset of the font program with only the glyphs used, the advance widths the viewer
 * places them with, and a ToUnicode map so copy and search give back the text (ISO 32000-1, 9.7
 * and 9.10). Glyphs are named by their id in the original font; the subset keeps those ids.
 */

const REPLACEMENT = 0xfffd;

export interface EmbeddedFont {
  /** Resource name pages use, e.g. `F1`. */
  resource: string;
  ref: PdfRef;
}

interface FontState extends EmbeddedFont {
  face: FontFace;
  info: SfntInfo;
  /** Code points per code written; a code is a glyph id, or a copy above numGlyphs (see code()). */
  unicode: Map<number, number[]>;
  /** Glyph drawn by each copy code. */
  copies: Map<number, number>;
  copyByText: Map<string, number>;
  /** Advance in 1/1000 em per code. */
  widths: Map<number, number>;
}

/** Font tables read once per font file for the process, not once per document. */
const sfntInfo = new WeakMap<Uint8Array, SfntInfo>();

function infoOf(bytes: Uint8Array): SfntInfo {
  let info = sfntInfo.get(bytes);
  if (!info) sfntInfo.set(bytes, (info = readSfnt(bytes)));
  return info;
}

const sameChars = (a: number[], b: number[]) => a.length === b.length && a.every((c, i) => c === b[i]);

export class PdfFonts {
  private readonly fonts = new Map<string, FontState>();

  constructor(private readonly file: PdfFile) {}

  /** The embedded font for a face, registered on first use. */
  font(face: FontFace): EmbeddedFont {
    let state = this.fonts.get(face.key);
    if (!state) {
      state = {
        resource: `F${this.fonts.size + 1}`,
        ref: this.file.alloc(),
        face,
        info: infoOf(face.bytes),
        unicode: new Map(),
        copies: new Map(),
        copyByText: new Map(),
        widths: new Map(),
      };
      this.fonts.set(face.key, state);
    }
    return state;
  }

  /**
   * The code to write for glyph `id` standing for `chars`, and its advance in 1/1000 em. ToUnicode
   * maps codes, so a glyph that stands for different text in different places (the spacer every
   * JetBrains Mono ligature starts with) is written under a second code that draws the same glyph.
   * A glyph standing for nothing here maps to nothing until seen standing for text.
   */
  code(font: EmbeddedFont, id: number, chars: number[]): { code: number; width: number } {
    const state = font as FontState;
    let width = state.widths.get(id);
    if (width === undefined) {
      width = (state.face.advance(id) * 1000) / state.info.unitsPerEm;
      state.widths.set(id, width);
    }
    const mapped = state.unicode.get(id);
    if (mapped === undefined || (mapped.length === 0 && chars.length > 0)) {
      state.unicode.set(id, chars);
      return { code: id, width };
    }
    // Copies need a CID-to-glyph map, which only TrueType-flavoured CID fonts have.
    if (chars.length === 0 || sameChars(mapped, chars) || state.info.outlines !== 'truetype') return { code: id, width };
    const key = `${id}:${chars.join(',')}`;
    let copy = state.copyByText.get(key);
    if (copy === undefined) {
      copy = state.info.numGlyphs + state.copies.size;
      if (copy > 0xffff) return { code: id, width };
      state.copies.set(copy, id);
      state.copyByText.set(key, copy);
      state.unicode.set(copy, chars);
      state.widths.set(copy, width);
    }
    return { code: copy, width };
  }

  /** Writes every font's objects; without a subsetter the whole font program is embedded. */
  finish(subsetter: Subsetter | undefined): void {
    for (const state of this.fonts.values()) this.write(state, subsetter);
  }

  private write(state: FontState, subsetter: Subsetter | undefined): void {
    const { info, face } = state;
    const glyphs = new Set<number>([...state.unicode.keys()].map((code) => state.copies.get(code) ?? code));
    let program = face.bytes;
    if (subsetter) {
      try {
        program = subsetter.subset(face.bytes, glyphs);
      } catch {
        // The whole font is bigger but draws the same.
        program = face.bytes;
      }
    }
    const scale = 1000 / info.unitsPerEm;
    const tagHash = createHash('sha1').update(face.key).update(Uint32Array.from([...glyphs].sort((a, b) => a - b))).digest();
    const subsetTag = Array.from(tagHash.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
    const baseFont = `${subsetTag}+${info.postscriptName.replace(/[^A-Za-z0-9-]/g, '') || 'Font'}`;
    const truetype = info.outlines === 'truetype';

    const fontFile = this.file.stream(truetype ? { Length1: program.byteLength } : { Subtype: name('OpenType') }, program);
    let flags = 4; // symbolic: glyphs outside the standard Latin set
    if (info.fixedPitch) flags |= 1;
    if (info.italicAngle !== 0) flags |= 64;
    const descriptor = this.file.set({
      Type: name('FontDescriptor'),
      FontName: name(baseFont),
      Flags: flags,
      FontBBox: info.bbox.map((v) => Math.round(v * scale)),
      ItalicAngle: info.italicAngle,
      Ascent: Math.round(info.ascent * scale),
      Descent: Math.round(info.descent * scale),
      CapHeight: Math.round(info.capHeight * scale),
      XHeight: Math.round(info.xHeight * scale),
      // Not in the font; the usual estimate from the weight class.
      StemV: Math.round(10 + 220 * (Math.max(0, info.weightClass - 50) / 900) ** 2),
      [truetype ? 'FontFile2' : 'FontFile3']: fontFile,
    });

    const codes = [...state.unicode.keys()].sort((a, b) => a - b);
    const cidFont = this.file.set({
      Type: name('Font'),
      Subtype: name(truetype ? 'CIDFontType2' : 'CIDFontType0'),
      BaseFont: name(baseFont),
      CIDSystemInfo: { Registry: 'Adobe', Ordering: 'Identity', Supplement: 0 },
      FontDescriptor: descriptor,
      W: widthsArray(codes, state.widths),
      CIDToGIDMap: truetype ? this.cidToGid(state) : undefined,
    });
    this.file.set(
      {
        Type: name('Font'),
        Subtype: name('Type0'),
        BaseFont: name(baseFont),
        Encoding: name('Identity-H'),
        DescendantFonts: [cidFont],
        ToUnicode: this.file.stream({}, toUnicodeCMap(codes, state.unicode)),
      },
      state.ref,
    );
  }

  /** Identity, unless copies exist: then a map where each copy code points at its glyph. */
  private cidToGid(state: FontState): PdfValue {
    if (state.copies.size === 0) return name('Identity');
    const count = state.info.numGlyphs + state.copies.size;
    const map = new Uint8Array(count * 2);
    for (let cid = 0; cid < count; cid++) {
      const gid = cid < state.info.numGlyphs ? cid : (state.copies.get(cid) ?? 0);
      map[cid * 2] = gid >> 8;
      map[cid * 2 + 1] = gid & 0xff;
    }
    return this.file.stream({}, map);
  }
}

/** The /W array: runs of consecutive codes with their widths, `[c [w1 w2 …] c' […] …]`. */
function widthsArray(codes: number[], widths: Map<number, number>): PdfValue[] {
  const out: PdfValue[] = [];
  let run: number[] = [];
  let start = -2;
  let last = -2;
  for (const code of codes) {
    if (code !== last + 1) {
      if (run.length) out.push(start, run);
      run = [];
      start = code;
    }
    run.push(Math.round((widths.get(code) ?? 0) * 100) / 100);
    last = code;
  }
  if (run.length) out.push(start, run);
  return out;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

function utf16Hex(codePoints: number[]): string {
  let out = '';
  for (const cp of codePoints) {
    const c = cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? REPLACEMENT : cp;
    if (c > 0xffff) {
      const v = c - 0x10000;
      out += hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
    } else out += hex4(c);
  }
  return out;
}

/** A ToUnicode CMap (Adobe technical note 5411) with one bfchar entry per code standing for text. */
function toUnicodeCMap(codes: number[], unicode: Map<number, number[]>): string {
  const entries: string[] = [];
  for (const code of codes) {
    const chars = unicode.get(code);
    if (chars && chars.length > 0) entries.push(`<${hex4(code)}> <${utf16Hex(chars)}>`);
  }
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
