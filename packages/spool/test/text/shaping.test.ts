import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { bundledFonts, defaultTextEngine, textShaper } from '../../src/node/fonts.js';
import { padForFontkit } from '../helpers/fontkit-pad.js';
import { fontkitShaper } from '../helpers/fontkit-shaper.js';
import { chunkEnd } from '../../src/text/shaping.js';
import type { ShapedGlyph, ShapedRun, ShaperFace, TextStyle } from '../../src/text/types.js';

const engine = defaultTextEngine();

function style(over: Partial<TextStyle> = {}): TextStyle {
  return { family: 'sans', weight: 400, italic: false, size: 18, color: '#111111', ...over };
}

function bundledFace(family: string, weight: 400 | 700, italic: boolean): ShaperFace {
  return { key: `${family}-${weight}${italic ? '-italic' : ''}`, bytes: padForFontkit(bundledFonts().faceBytes(family, weight, italic)!) };
}

const ids = (glyphs: ShapedGlyph[]) => glyphs.map((g) => g.id);
const positions = (glyphs: ShapedGlyph[]) => glyphs.map((g) => [g.xAdvance, g.xOffset, g.yOffset]);

const TEXTS = [
  'A Vast Year. To Yolanda, “quoted” and ‘T Y’ — office affinity fjord.',
  'L’Avenue 1/7 Tea W. Va. P. A. 1,234.56 -> => !== www.',
  'Привет, мир! Tiếng Việt có dấu. Γειά σου.',
];
const WORDS = TEXTS.flatMap((t) => t.split(/(?<= )/));

describe('HarfBuzz and fontkit', () => {
  it('loads HarfBuzz for the default engine', () => {
    expect(textShaper.name).toBe('harfbuzz');
  });

  for (const family of ['sans', 'serif', 'display', 'mono', 'grotesk', 'noto']) {
    it(`choose the same glyphs and, digits aside, the same positions in ${family}`, () => {
      for (const face of [bundledFace(family, 400, false), bundledFace(family, 700, family !== 'grotesk')]) {
        for (const word of WORDS) {
          const hb = textShaper.shape(face, word).glyphs;
          const fk = fontkitShaper.shape(face, word).glyphs;
          expect(ids(hb), `${face.key} ${word}`).toEqual(ids(fk));
          if (!/\d/.test(word)) expect(positions(hb), `${face.key} ${word}`).toEqual(positions(fk));
        }
      }
    });
  }

  it('kern AV and To alike', () => {
    for (const family of ['sans', 'serif', 'display']) {
      const face = bundledFace(family, 400, false);
      const width = (text: string) => textShaper.shape(face, text).glyphs.reduce((w, g) => w + g.xAdvance, 0);
      for (const pair of ['AV', 'To']) {
        expect(positions(textShaper.shape(face, pair).glyphs), `${family} ${pair}`).toEqual(positions(fontkitShaper.shape(face, pair).glyphs));
        expect(width(pair), `${family} ${pair}`).toBeLessThan(width(pair[0]) + width(pair[1]));
      }
    }
  });

  it('differ on Inter figures, where fontkit applies the kern feature twice', () => {
    // With digits only, fontkit finds no script and runs the kerning lookups of both the default
    // and the Latin feature; HarfBuzz runs them once.
    const face = bundledFace('sans', 400, false);
    const hb = textShaper.shape(face, '4.5').glyphs;
    const fk = fontkitShaper.shape(face, '4.5').glyphs;
    expect(ids(hb)).toEqual(ids(fk));
    const plain = textShaper.shape(face, '4').glyphs[0].xAdvance;
    expect(plain - hb[0].xAdvance).toBeGreaterThan(0);
    expect(hb[0].xAdvance - fk[0].xAdvance).toBe(plain - hb[0].xAdvance);
  });
});

describe('runs', () => {
  it('carry the glyphs of their text shaped word by word', () => {
    for (const family of ['sans', 'serif', 'display', 'mono', 'grotesk']) {
      for (const text of TEXTS) {
        for (const s of [style({ family }), style({ family, weight: 700, italic: true, size: 31 })]) {
          for (const line of engine.breakLines([{ text, style: s }], 220)) {
            for (const run of line.runs) expectWordByWord(run);
          }
        }
      }
    }
  });
});

function expectWordByWord(run: ShapedRun): void {
  const face = engine.face(run.face);
  const scale = run.size / face.unitsPerEm;
  let pen = 0;
  let i = 0;
  for (let at = 0; at < run.text.length; ) {
    const end = chunkEnd(run.text, at);
    for (const g of textShaper.shape(face, run.text.slice(at, end)).glyphs) {
      const placed = run.glyphs[i++];
      expect(placed.id, run.text).toBe(g.id);
      expect(placed.x).toBeCloseTo((pen + g.xOffset) * scale, 6);
      expect(placed.y).toBeCloseTo(-g.yOffset * scale, 6);
      expect(placed.advance).toBeCloseTo(g.xAdvance * scale, 6);
      pen += g.xAdvance;
    }
    at = end;
  }
  expect(i).toBe(run.glyphs.length);
  expect(run.width).toBeCloseTo(pen * scale, 6);
}

describe('faces fontkit cannot shape', () => {
  it('hands characters a face claims but cannot shape to the fallback', () => {
    // JetBrains Mono maps ẉ but its mark anchor is missing, which makes fontkit (and pdfkit) throw.
    const runs = engine.breakLines([{ text: 'a ẉ b', style: style({ family: 'mono' }) }], 400)[0].runs;
    expect(runs.map((r) => [r.face, r.text])).toEqual([['mono-400', 'a '], ['noto-400', 'ẉ '], ['mono-400', 'b']]);
  });
});

describe('padForFontkit', () => {
  it('lets fontkit, the tests\' second reader, shape ligatures that reach an empty last glyph', () => {
    // JetBrains Mono's arrows and != use a spacer that is the font's last, empty glyph.
    const bytes = padForFontkit(engine.face('mono-400').bytes);
    expect(() => (create(Buffer.from(bytes)) as Font).layout('a --> b != c').advanceWidth).not.toThrow();
    const runs = engine.breakLines([{ text: 'a --> b != c', style: style({ family: 'mono' }) }], 400)[0].runs;
    expect(runs).toHaveLength(1);
    expect(runs[0].glyphs.length).toBeGreaterThan(0);
  });

  it('leaves fonts whose glyf table does not end the file untouched', () => {
    const bytes = new Uint8Array([0, 1, 0, 0, 0, 0]);
    expect(padForFontkit(bytes)).toBe(bytes);
  });
});
