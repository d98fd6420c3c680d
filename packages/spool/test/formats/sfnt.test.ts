import fc from 'fast-check';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { bundledFonts } from '../../src/node/fonts.js';
import { padForFontkit } from '../helpers/fontkit-pad.js';
import { bundledFaces } from '../helpers/bundled-faces.js';
import { sfntTables } from '../helpers/web-fonts.js';
import { readSfnt, type SfntInfo } from '../../src/formats/sfnt.js';
import type { FontWeight } from '../../src/text/types.js';


function fontkitFont(bytes: Uint8Array): Font {
  return create(bytes as Buffer) as Font;
}

/** What fontkit says about the same font, in SfntInfo's terms (as the engine used to read it). */
function fromFontkit(font: Font): SfntInfo {
  const raw = font as unknown as { 'OS/2'?: { usWeightClass: number }; post: { isFixedPitch: number }; directory: { tables: Record<string, unknown> } };
  return {
    unitsPerEm: font.unitsPerEm,
    ascent: font.ascent,
    descent: font.descent,
    capHeight: font.capHeight,
    xHeight: font.xHeight,
    bbox: [font.bbox.minX, font.bbox.minY, font.bbox.maxX, font.bbox.maxY],
    italicAngle: font.italicAngle,
    weightClass: raw['OS/2']?.usWeightClass ?? 400,
    fixedPitch: raw.post.isFixedPitch !== 0,
    familyName: font.getName('preferredFamily', 'en') ?? font.familyName,
    postscriptName: font.postscriptName,
    subfamilyName: font.getName('preferredSubfamily', 'en') ?? font.subfamilyName,
    outlines: 'CFF ' in raw.directory.tables || 'CFF2' in raw.directory.tables ? 'cff' : 'truetype',
    numGlyphs: font.numGlyphs,
  };
}

// A small sfnt writer, to make fonts with tables missing, changed or swapped.

function writeSfnt(version: number, tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  let size = 12 + tags.length * 16;
  const offsets = tags.map((tag) => {
    const at = size;
    size += (tables.get(tag)!.length + 3) & ~3;
    return at;
  });
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, version);
  view.setUint16(4, tags.length);
  tags.forEach((tag, i) => {
    const at = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[at + k] = tag.charCodeAt(k);
    view.setUint32(at + 8, offsets[i]);
    view.setUint32(at + 12, tables.get(tag)!.length);
    out.set(tables.get(tag)!, offsets[i]);
  });
  return out;
}

interface NameRecord {
  platform: number;
  encoding: number;
  language: number;
  id: number;
  /** UTF-16BE for platforms 0 and 3; bytes as given (Mac Roman) for platform 1. */
  text: string | number[];
}

function nameTable(records: NameRecord[]): Uint8Array {
  const strings = records.map((r) => {
    if (typeof r.text !== 'string') return Uint8Array.from(r.text);
    const b = new Uint8Array(r.text.length * 2);
    for (let i = 0; i < r.text.length; i++) new DataView(b.buffer).setUint16(i * 2, r.text.charCodeAt(i));
    return b;
  });
  const storage = 6 + records.length * 12;
  const out = new Uint8Array(storage + strings.reduce((n, s) => n + s.length, 0));
  const view = new DataView(out.buffer);
  view.setUint16(2, records.length);
  view.setUint16(4, storage);
  let at = 0;
  records.forEach((r, i) => {
    const rec = 6 + i * 12;
    [r.platform, r.encoding, r.language, r.id, strings[i].length, at].forEach((v, k) => view.setUint16(rec + k * 2, v));
    out.set(strings[i], storage + at);
    at += strings[i].length;
  });
  return out;
}

const OTTO = 0x4f54544f;
const TRUETYPE = 0x00010000;
const inter = padForFontkit(bundledFonts().faceBytes('sans', 400, false)!);

/** Inter's metric tables around a stand-in outline table: small enough to fuzz, real enough to read. */
function smallFont(change: (tables: Map<string, Uint8Array>) => void = () => {}, version = TRUETYPE): Uint8Array {
  const all = sfntTables(inter);
  const tables = new Map(['head', 'hhea', 'maxp', 'OS/2', 'post', 'name'].map((t) => [t, all.get(t)!]));
  tables.set('glyf', new Uint8Array(16));
  tables.set('loca', new Uint8Array(4));
  change(tables);
  return writeSfnt(version, tables);
}

describe('readSfnt', () => {
  it('reads what fontkit reads from every bundled face', () => {
    const faces = bundledFaces();
    expect(faces.length).toBeGreaterThan(50);
    for (const { key, bytes } of faces) {
      expect(readSfnt(bytes), key).toEqual(fromFontkit(fontkitFont(bytes)));
    }
  });

  it('reads the names, weights and slants the bundled faces declare', () => {
    const info = (family: string, weight: FontWeight, italic = false) => readSfnt(bundledFonts().faceBytes(family, weight, italic)!);
    expect(info('sans', 700)).toMatchObject({ familyName: 'Inter', postscriptName: 'Inter-Bold', weightClass: 700, italicAngle: 0, fixedPitch: false, outlines: 'truetype' });
    expect(info('serif', 400, true).familyName).toBe('Source Serif 4');
    expect(info('serif', 400, true).italicAngle).toBeLessThan(0);
    expect(info('display', 600).familyName).toBe('Playfair Display');
    expect(info('mono', 400)).toMatchObject({ familyName: 'JetBrains Mono', fixedPitch: true });
    expect(info('noto-arabic', 400).familyName).toBe('Noto Sans Arabic');
  });

  it('reads CFF-flavoured fonts', () => {
    const otf = smallFont((t) => {
      t.delete('glyf');
      t.delete('loca');
      t.set('CFF ', new Uint8Array([1, 0, 4, 4]));
    }, OTTO);
    const info = readSfnt(otf);
    expect(info.outlines).toBe('cff');
    expect(info).toEqual(fromFontkit(fontkitFont(otf)));
    expect(readSfnt(smallFont((t) => t.set('CFF2', new Uint8Array(8)), OTTO)).outlines).toBe('cff');
  });

  it('falls back as fontkit does without OS/2, and to the ascent and 0 before OS/2 version 2', () => {
    const base = readSfnt(inter);
    const noOs2 = smallFont((t) => t.delete('OS/2'));
    expect(readSfnt(noOs2)).toEqual(fromFontkit(fontkitFont(noOs2)));
    expect(readSfnt(noOs2)).toMatchObject({ capHeight: base.ascent, xHeight: 0, weightClass: 400 });

    const v1 = smallFont((t) => {
      const os2 = t.get('OS/2')!.slice(0, 86);
      new DataView(os2.buffer).setUint16(0, 1);
      t.set('OS/2', os2);
    });
    expect(readSfnt(v1)).toMatchObject({ capHeight: base.ascent, xHeight: 0, weightClass: 400 });
    expect(base.capHeight).not.toBe(base.ascent);
  });

  it('reads italic angle and fixed pitch from post, with defaults without it', () => {
    const post = sfntTables(inter).get('post')!;
    new DataView(post.buffer).setInt32(4, -12.5 * 65536);
    new DataView(post.buffer).setUint32(12, 1);
    expect(readSfnt(smallFont((t) => t.set('post', post)))).toMatchObject({ italicAngle: -12.5, fixedPitch: true });
    expect(readSfnt(smallFont((t) => t.delete('post')))).toMatchObject({ italicAngle: 0, fixedPitch: false });
  });

  it('prefers the typographic family and English names, and decodes Mac Roman', () => {
    const withNames = (records: NameRecord[]) => readSfnt(smallFont((t) => t.set('name', nameTable(records))));
    const win = (id: number, text: string, language = 0x409): NameRecord => ({ platform: 3, encoding: 1, language, id, text });
    expect(withNames([win(1, 'Brand'), win(6, 'Brand-Bold'), win(16, 'Brand Sans')])).toMatchObject({ familyName: 'Brand Sans', postscriptName: 'Brand-Bold' });
    expect(withNames([win(1, 'Marque', 0x40c), win(1, 'Brand')]).familyName).toBe('Brand');
    expect(withNames([win(1, 'Marque', 0x40c)]).familyName).toBe('Marque');
    expect(withNames([win(1, 'Brand', 0x809), { platform: 0, encoding: 3, language: 0, id: 1, text: 'Unicode' }]).familyName).toBe('Brand');
    // Mac Roman 0x8e is é; 0xca is a no-break space.
    const mac = withNames([{ platform: 1, encoding: 0, language: 0, id: 1, text: [...'Caf'].map((c) => c.charCodeAt(0)).concat(0x8e, 0xca, 0x41) }]);
    expect(mac).toMatchObject({ familyName: 'Café\u00a0A', postscriptName: 'Café\u00a0A' });
    expect(withNames([win(1, 'My Brand Sans')]).postscriptName).toBe('MyBrandSans');
    expect(withNames([]).familyName).toBe('');
    expect(readSfnt(smallFont((t) => t.delete('name')))).toMatchObject({ familyName: '', postscriptName: '' });
  });

  it('names what is wrong with bytes that are not a single font', () => {
    const ascii = (s: string) => new TextEncoder().encode(s.padEnd(64, '\0'));
    expect(() => readSfnt(new Uint8Array(0))).toThrow(/0 bytes is too short/);
    expect(() => readSfnt(ascii('ttcf'))).toThrow(/font collection/);
    expect(() => readSfnt(ascii('wOFF'))).toThrow(/a WOFF file/);
    expect(() => readSfnt(ascii('wOF2'))).toThrow(/a WOFF2 file/);
    expect(() => readSfnt(ascii('<!DOCTYPE html><html>'))).toThrow(/not a TrueType or OpenType font \(it starts with 0x3c21444f\)/);
    expect(() => readSfnt(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13]))).toThrow(/not a TrueType or OpenType font/);

    expect(() => readSfnt(inter.subarray(0, 12))).toThrow(/truncated font: its table directory/);
    expect(() => readSfnt(inter.subarray(0, inter.length >> 1))).toThrow(/truncated font: the '.{4}' table runs past the end/);
    const tables = sfntTables(inter);
    const lastEnd = Math.max(...[...Array(new DataView(inter.buffer, inter.byteOffset).getUint16(4)).keys()].map((i) => {
      const v = new DataView(inter.buffer, inter.byteOffset + 12 + i * 16);
      return v.getUint32(8) + v.getUint32(12);
    }));
    expect(tables.size).toBeGreaterThan(10);
    expect(() => readSfnt(inter.subarray(0, lastEnd - 1))).toThrow(/truncated font/);

    expect(() => readSfnt(smallFont((t) => t.delete('hhea')))).toThrow(/no 'hhea' table/);
    expect(() => readSfnt(smallFont((t) => t.delete('head')))).toThrow(/no 'head' table/);
    expect(() => readSfnt(smallFont((t) => t.set('head', t.get('head')!.slice(0, 20))))).toThrow(/'head' table is too short/);
    expect(() => readSfnt(smallFont((t) => t.set('head', t.get('head')!.slice().fill(0, 12, 16))))).toThrow(/wrong magic number/);
    expect(() => readSfnt(smallFont((t) => {
      t.delete('glyf');
      t.delete('loca');
    }))).toThrow(/no 'glyf', 'CFF ' or 'CFF2' outlines/);
  });

  it('returns a reading or throws its own error, never reads out of bounds, whatever the bytes', () => {
    const font = smallFont((t) => {
      // post version 3: no glyph names.
      const post = t.get('post')!.slice(0, 32);
      new DataView(post.buffer).setUint32(0, 0x00030000);
      t.set('post', post);
      t.set('name', nameTable([
      { platform: 1, encoding: 0, language: 0, id: 1, text: [0x42, 0x8e, 0x41] },
      { platform: 3, encoding: 1, language: 0x409, id: 1, text: 'Brand' },
      { platform: 3, encoding: 1, language: 0x409, id: 6, text: 'Brand-Regular' },
      { platform: 3, encoding: 1, language: 0x409, id: 16, text: 'Brand Sans' },
      ]));
    });
    expect(readSfnt(font)).toMatchObject({ familyName: 'Brand Sans', postscriptName: 'Brand-Regular' });
    const view = new DataView(font.buffer);
    const directory = 12 + view.getUint16(4) * 16;
    const nameAt = [...Array(view.getUint16(4)).keys()].map((i) => 12 + i * 16).find((at) => view.getUint32(at) === 0x6e616d65)!;
    const names = view.getUint32(nameAt + 8);
    const damaged = fc.record({
      edits: fc.array(fc.tuple(fc.nat(font.length - 1), fc.nat(255)), { maxLength: 12 }),
      // Most edits go where offsets and lengths live: the table directory and the name records.
      directory: fc.array(fc.tuple(fc.nat(directory - 1), fc.nat(255)), { maxLength: 4 }),
      names: fc.array(fc.tuple(fc.nat(6 + 12 * view.getUint16(names + 2) - 1), fc.nat(255)), { maxLength: 6 }),
      cut: fc.option(fc.nat(font.length), { nil: undefined }),
    });
    expect(font.length).toBeLessThan(1024);
    fc.assert(
      fc.property(damaged, ({ edits, directory: d, names: n, cut }) => {
        const bytes = font.slice(0, cut);
        for (const [at, value] of [...edits, ...d, ...n.map(([at, v]) => [names + at, v])]) if (at < bytes.length) bytes[at] = value;
        try {
          const info = readSfnt(bytes);
          expect(typeof info.familyName).toBe('string');
        } catch (err) {
          expect(err).toBeInstanceOf(Error);
          expect((err as Error).message).not.toMatch(/DataView|bounds|undefined/);
        }
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
