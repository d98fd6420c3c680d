import { describe, expect, it } from 'vitest';
import { bundledFonts, defaultTextEngine, textShaper } from '../../src/node/fonts.js';
import { createTextEngine } from '../../src/text/engine.js';
import type { FontProvider, TextStyle } from '../../src/text/types.js';

const engine = defaultTextEngine();

function style(over: Partial<TextStyle> = {}): TextStyle {
  return { family: 'sans', weight: 400, italic: false, size: 18, color: '#111111', ...over };
}

const SAMPLES = {
  greek: 'Γειά σου Κόσμε, ψηφιακή ζωή.',
  cyrillic: 'Привет, мир! Съешь же ещё этих булок.',
  vietnamese: 'Tiếng Việt có dấu: người ở đâu, được không?',
  // The same Vietnamese with combining marks instead of precomposed letters.
  decomposed: 'Tie\u0302\u0301ng Vie\u0323\u0302t',
  latin: 'Ça déjà vu, naïve façade, Łódź, Ærøskøbing, ß.',
  thai: 'ภาษาไทย สวัสดีครับ',
  arabic: 'مرحبا بالعالم',
  hebrew: 'שלום עולם, זהו טקסט בעברית',
  devanagari: 'नमस्ते दुनिया',
};

describe('fallback faces', () => {
  for (const family of ['sans', 'serif', 'display', 'mono', 'grotesk']) {
    for (const weight of [400, 700] as const) {
      for (const italic of [false, true]) {
        it(`sets every sample in ${family} ${weight}${italic ? ' italic' : ''} without .notdef`, () => {
          for (const [name, text] of Object.entries(SAMPLES)) {
            const lines = engine.breakLines([{ text, style: style({ family, weight, italic }) }], 400);
            const glyphs = lines.flatMap((l) => l.runs.flatMap((r) => r.glyphs));
            expect(glyphs.length, name).toBeGreaterThan(0);
            expect(glyphs.filter((g) => g.id === 0), `${family} ${name}`).toEqual([]);
          }
        });
      }
    }
  }

  it('sets Greek in display through Noto Sans and keeps Latin and Cyrillic in Playfair', () => {
    const text = `${SAMPLES.greek} ${SAMPLES.cyrillic} Latin.`;
    const runs = engine.breakLines([{ text, style: style({ family: 'display', weight: 700 }) }], 2000)[0].runs;
    const greek = runs.filter((r) => /[Α-ω]/.test(r.text));
    expect(greek.length).toBeGreaterThan(0);
    expect(greek.every((r) => r.face === 'noto-700')).toBe(true);
    const rest = runs.filter((r) => !/[Α-ω]/.test(r.text));
    expect(rest.map((r) => r.face)).toEqual(['display-700']);
    expect(rest[0].text).toContain('Привет');
  });

  it('sets Greek and Cyrillic in Space Grotesk through Noto Sans, whole words at a time', () => {
    const runs = engine.breakLines([{ text: 'Hello Привет Γειά world', style: style({ family: 'grotesk' }) }], 2000)[0].runs;
    expect(runs.map((r) => [r.face, r.text])).toEqual([
      ['grotesk-400', 'Hello '],
      ['noto-400', 'Привет Γειά '],
      ['grotesk-400', 'world'],
    ]);
  });

  it('reports the taller fallback metrics on the line', () => {
    const latin = engine.breakLines([{ text: 'Hello', style: style({ family: 'display' }) }], 400)[0];
    const greek = engine.breakLines([{ text: 'Γειά', style: style({ family: 'display' }) }], 400)[0];
    expect(latin.ascent).toBeCloseTo(engine.metrics(style({ family: 'display' })).ascent * 18, 6);
    expect(greek.ascent).toBeCloseTo(engine.metrics(style({ family: 'noto' })).ascent * 18, 6);
  });
});

describe('fallback loading', () => {
  /** The bundled fonts, recording which faces the engine reads. */
  function countingEngine() {
    const read: string[] = [];
    const fonts = bundledFonts();
    const provider: FontProvider = {
      faceBytes: (family, weight, italic) => {
        const bytes = fonts.faceBytes(family, weight, italic);
        if (bytes) read.push(`${family}-${weight}${italic ? 'i' : ''}`);
        return bytes;
      },
      fallbacks: fonts.fallbacks,
    };
    return { engine: createTextEngine({ fonts: provider, shaper: textShaper }), read };
  }

  it('reads no fallback font for text the primary face covers', () => {
    const { engine, read } = countingEngine();
    engine.breakLines([{ text: `${SAMPLES.latin} ${SAMPLES.cyrillic} ${SAMPLES.greek}`, style: style() }], 400);
    expect(read).toEqual(['sans-400']);
  });

  it('reads fallbacks in order, only as far as the first that covers the text', () => {
    const { engine, read } = countingEngine();
    const lines = engine.breakLines([{ text: `Hello ${SAMPLES.thai}`, style: style() }], 2000);
    expect(lines[0].runs.map((r) => r.face)).toEqual(['sans-400', 'noto-thai-400']);
    // Noto Sans is tried first and lacks Thai; the Arabic and Devanagari faces after Thai stay unread.
    expect(read).toEqual(['sans-400', 'noto-400', 'noto-thai-400']);
  });
});

describe('a provider whose face is still on its way', () => {
  it('is asked for the same fallback again once layout runs again, not skipped for good', () => {
    let arrived = false;
    class NotYet extends Error {}
    const provider: FontProvider = {
      fallbacks: bundledFonts().fallbacks,
      faceBytes: (family, weight, italic) => {
        if (family === 'noto-arabic' && !arrived) throw new NotYet();
        return bundledFonts().faceBytes(family, weight, italic);
      },
    };
    const engine = createTextEngine({ fonts: provider, shaper: textShaper });
    const style: TextStyle = { family: 'sans', weight: 400, italic: false, size: 20, color: '#000000' };
    expect(() => engine.breakLines([{ text: 'مرحبا', style }], 500)).toThrow(NotYet);
    arrived = true;
    const [line] = engine.breakLines([{ text: 'مرحبا', style }], 500);
    expect(line.runs[0].face).toMatch(/^noto-arabic-/);
    expect(line.runs[0].glyphs.every((g) => g.id !== 0)).toBe(true);
  });
});
