import { describe, expect, it } from 'vitest';
import { bundledFonts, fontsWith, textShaper } from '../../src/node/fonts.js';
import { glyphTexts } from '../../src/text/clusters.js';
import { createTextEngine } from '../../src/text/engine.js';
import { padForFontkit } from '../helpers/fontkit-pad.js';
import { fontkitShaper } from '../helpers/fontkit-shaper.js';
import { loadHarfBuzzShaper } from '../../src/text/shaper-harfbuzz.js';
import type { ShaperFace, TextStyle } from '../../src/text/types.js';

function bundledFace(family: string, weight: 400 | 700 = 400, italic = false): ShaperFace {
  return { key: `${family}-${weight}`, bytes: padForFontkit(bundledFonts().faceBytes(family, weight, italic)!) };
}

const style = (over: Partial<TextStyle> = {}): TextStyle => ({ family: 'sans', weight: 400, italic: false, size: 18, color: '#000', ...over });
const ids = (face: ShaperFace, text: string) => textShaper.shape(face, text).glyphs.map((g) => g.id);

describe('the HarfBuzz shaper', () => {
  it('sets Vietnamese with combining marks as the precomposed letters, without .notdef', () => {
    for (const family of ['sans', 'serif', 'display', 'noto']) {
      const face = bundledFace(family);
      const decomposed = 'Tie\u0302\u0301ng Vie\u0323\u0302t ngu\u031b\u0300o\u031b\u0300i';
      expect(ids(face, decomposed), family).not.toContain(0);
      expect(ids(face, decomposed), family).toEqual(ids(face, decomposed.normalize('NFC')));
    }
  });

  it('sets Greek and Cyrillic without .notdef in the faces that cover them', () => {
    for (const family of ['sans', 'serif', 'noto']) {
      for (const text of ['Γειά σου Κόσμε, ψηφιακή ζωή.', 'Съешь же ещё этих мягких французских булок.']) {
        expect(ids(bundledFace(family, 700), text), `${family} ${text}`).not.toContain(0);
      }
    }
  });

  it('shapes Arabic right to left with joining forms and maps glyphs back to letters', () => {
    const bytes = bundledFonts().faceBytes('noto-arabic', 400, false)!;
    const text = 'السلام عليكم';
    const glyphs = textShaper.shape({ key: 'arabic-400', bytes }, text).glyphs;
    expect(glyphs.map((g) => g.id)).not.toContain(0);
    // Visual order: the first glyph is the last letter, and lam-alef is one glyph.
    expect(glyphs[0].cluster).toBeGreaterThan(glyphs[glyphs.length - 1].cluster);
    // Joining forms: a letter inside a word is not drawn with its isolated glyph.
    const isolated = textShaper.shape({ key: 'arabic-400', bytes }, 'ب').glyphs[0].id;
    const joined = textShaper.shape({ key: 'arabic-400', bytes }, 'ببب').glyphs.map((g) => g.id);
    expect(joined.filter((id) => id !== isolated)).toHaveLength(3);
    const { texts } = glyphTexts(text, glyphs.map((g) => g.cluster));
    expect(texts!.slice().reverse().join('')).toBe(text);

    const fonts = fontsWith({ faceBytes: (family) => (family === 'arabic' ? bytes : undefined) });
    const run = createTextEngine({ fonts, shaper: textShaper }).breakLines([{ text, style: style({ family: 'arabic' }) }], 1000)[0].runs[0];
    expect(run.glyphs.every((g) => g.id !== 0 && g.text !== undefined)).toBe(true);
  });

  it('keeps memory flat over 100k shapes', () => {
    const face = bundledFace('sans');
    const words = 'The quick brown fox jumps over the lazy dog; Tiếng Việt, Привет, Γειά, office ->'.split(' ');
    const shapeMany = (n: number) => {
      for (let i = 0; i < n; i++) textShaper.shape(face, words[i % words.length] + (i % 997));
    };
    // Warm up: the WASM heap and the JIT reach their working size.
    shapeMany(20_000);
    const before = process.memoryUsage();
    shapeMany(100_000);
    const after = process.memoryUsage();
    // WASM memory is counted as external; a buffer per call without freeing grows it by ~170 MB here.
    expect(after.external - before.external).toBeLessThan(4 * 2 ** 20);
    expect(after.rss - before.rss).toBeLessThan(24 * 2 ** 20);
  });
});

describe('loading', () => {
  it('says plainly when the WASM cannot load, and tries again on the next call', async () => {
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new Error('harfbuzz.wasm: 404'));
    };
    await expect(loadHarfBuzzShaper({ importHarfBuzz: failing })).rejects.toThrow('HarfBuzz, the text shaper, could not load: harfbuzz.wasm: 404');
    await expect(loadHarfBuzzShaper({ importHarfBuzz: failing })).rejects.toThrow(/could not load/);
    expect(calls).toBe(2);
    // Someone else's failing loader does not touch the process's own shaper.
    expect(await loadHarfBuzzShaper()).toBe(textShaper);
  });

  it('loads once per process', async () => {
    expect(await loadHarfBuzzShaper()).toBe(textShaper);
  });
});
