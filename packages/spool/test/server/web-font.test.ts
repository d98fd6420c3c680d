import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';
import { compress } from 'wawoff2';
import { describe, expect, it } from 'vitest';
import { textShaper } from '../../src/node/fonts.js';
import { sfntFromWebFont, sfntFromWoff } from '../../src/server/web-font.js';
import { readSfnt } from '../../src/formats/sfnt.js';
import { sfntTables, toWoff } from '../helpers/web-fonts.js';

const require = createRequire(import.meta.url);
const ttf = new Uint8Array(readFileSync(require.resolve('@expo-google-fonts/space-grotesk/700Bold/SpaceGrotesk_700Bold.ttf')));

/** Glyph ids HarfBuzz sets a sample in, for comparing two files of the same font. */
function glyphIds(bytes: Uint8Array): number[] {
  return textShaper.shape({ key: 'test', bytes }, 'Office fjord Ærø 0123').glyphs.map((g) => g.id);
}

describe('web fonts', () => {
  it('unwraps WOFF into the same tables, metrics and shaping', async () => {
    const woff = toWoff(ttf);
    expect(woff.length).toBeLessThan(ttf.length);
    // fontkit reads the WOFF too: the test's writer makes real WOFF files.
    expect((create(Buffer.from(woff)) as Font).familyName).toBe('Space Grotesk');
    const sfnt = await sfntFromWebFont(woff);
    expect(sfntTables(sfnt)).toEqual(sfntTables(ttf));
    expect(readSfnt(sfnt)).toEqual(readSfnt(ttf));
    expect(glyphIds(sfnt)).toEqual(glyphIds(ttf));
  });

  it('unwraps WOFF2 through Google’s decoder', async () => {
    const woff2 = await compress(ttf);
    expect(String.fromCharCode(...woff2.subarray(0, 4))).toBe('wOF2');
    const sfnt = await sfntFromWebFont(woff2);
    expect(readSfnt(sfnt)).toEqual(readSfnt(ttf));
    expect(glyphIds(sfnt)).toEqual(glyphIds(ttf));
    expect(glyphIds(sfnt).every((id) => id > 0)).toBe(true);
  });

  it('refuses damaged files, naming what is wrong', async () => {
    const woff = toWoff(ttf);
    expect(() => sfntFromWoff(woff.subarray(0, 30))).toThrow('truncated WOFF: 30 bytes is too short for its header');
    expect(() => sfntFromWoff(woff.subarray(0, 100))).toThrow('truncated WOFF: its table directory runs past the end');
    expect(() => sfntFromWoff(woff.subarray(0, woff.length - 500))).toThrow(/^truncated WOFF: the '.{4}' table runs past the end$/);

    // A compressed table whose data is garbage.
    const garbled = woff.slice();
    const view = new DataView(garbled.buffer);
    const first = [...Array(view.getUint16(12)).keys()].find((i) => view.getUint32(44 + i * 20 + 8) < view.getUint32(44 + i * 20 + 12))!;
    const at = view.getUint32(44 + first * 20 + 4);
    garbled.fill(0xff, at, at + 8);
    expect(() => sfntFromWoff(garbled)).toThrow(/^damaged WOFF: the '.{4}' table does not decompress$/);

    // A table that claims to grow far beyond the file (a decompression bomb) stops at the limit.
    const bomb = woff.slice();
    new DataView(bomb.buffer).setUint32(44 + first * 20 + 12, 0x7fffffff);
    expect(() => sfntFromWoff(bomb)).toThrow('the font inside is larger than 64 MB');

    await expect(sfntFromWebFont(new Uint8Array([0x77, 0x4f, 0x46, 0x32, 1, 2, 3, 4]))).rejects.toThrow('damaged WOFF2: its data does not decompress');
    await expect(sfntFromWebFont(ttf)).rejects.toThrow('not a WOFF or WOFF2 file');
  });
});
