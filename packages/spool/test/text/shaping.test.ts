import { create, type Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { defaultTextEngine } from '../../src/node/fonts.js';
import { padGlyfTable } from '../../src/text/face.js';
import type { ShapedRun, TextStyle } from '../../src/text/types.js';

const engine = defaultTextEngine();

function style(over: Partial<TextStyle> = {}): TextStyle {
  return { family: 'sans', weight: 400, italic: false, size: 18, color: '#111111', ...over };
}

interface PdfkitLayout {
  glyphs: { id: number }[];
  positions: { xAdvance: number; xOffset: number; yOffset: number }[];
}

/** What pdfkit itself writes for a run: the painter hands it the run text and the face bytes. */
function pdfkitLayout(run: ShapedRun): PdfkitLayout {
  const doc = new PDFDocument({ autoFirstPage: false });
  doc.registerFont('f', engine.face(run.face).bytes as Buffer);
  doc.font('f');
  return (doc as unknown as { _font: { layout(text: string): PdfkitLayout } })._font.layout(run.text);
}

const TEXTS = [
  'A Vast Year. To Yolanda, “quoted” and ‘T Y’ — office affinity fjord.',
  'L’Avenue 1/7 Tea W. Va. P. A. 1,234.56 -> => !== www.',
  'Привет, мир! Tiếng Việt có dấu. Γειά σου.',
];

describe('glyph positions agree with pdfkit', () => {
  for (const family of ['sans', 'serif', 'display', 'mono', 'grotesk']) {
    it(`for ${family}`, () => {
      for (const text of TEXTS) {
        for (const s of [style({ family }), style({ family, weight: 700, italic: true, size: 31 })]) {
          for (const line of engine.breakLines([{ text, style: s }], 220)) {
            for (const run of line.runs) {
              const pdf = pdfkitLayout(run);
              expect(run.glyphs.map((g) => g.id), run.text).toEqual(pdf.glyphs.map((g) => g.id));
              const scale = run.size / 1000;
              let pen = 0;
              run.glyphs.forEach((g, i) => {
                const p = pdf.positions[i];
                expect(g.x).toBeCloseTo((pen + p.xOffset) * scale, 6);
                expect(g.y).toBeCloseTo(-p.yOffset * scale, 6);
                expect(g.advance).toBeCloseTo(p.xAdvance * scale, 6);
                pen += p.xAdvance;
              });
              expect(run.width).toBeCloseTo(pen * scale, 6);
            }
          }
        }
      }
    });
  }
});

describe('faces fontkit cannot shape', () => {
  it('hands characters a face claims but cannot shape to the fallback', () => {
    // JetBrains Mono maps ẉ but its mark anchor is missing, which makes fontkit (and pdfkit) throw.
    const runs = engine.breakLines([{ text: 'a ẉ b', style: style({ family: 'mono' }) }], 400)[0].runs;
    expect(runs.map((r) => [r.face, r.text])).toEqual([['mono-400', 'a '], ['noto-400', 'ẉ '], ['mono-400', 'b']]);
  });
});

describe('padGlyfTable', () => {
  it('lets fontkit shape ligatures that reach an empty last glyph', () => {
    // JetBrains Mono's arrows and != use a spacer that is the font's last, empty glyph.
    const bytes = engine.face('mono-400').bytes;
    expect(() => (create(Buffer.from(bytes)) as Font).layout('a --> b != c').advanceWidth).not.toThrow();
    const runs = engine.breakLines([{ text: 'a --> b != c', style: style({ family: 'mono' }) }], 400)[0].runs;
    expect(runs).toHaveLength(1);
    expect(runs[0].glyphs.length).toBeGreaterThan(0);
  });

  it('leaves fonts whose glyf table does not end the file untouched', () => {
    const bytes = new Uint8Array([0, 1, 0, 0, 0, 0]);
    expect(padGlyfTable(bytes)).toBe(bytes);
  });
});
