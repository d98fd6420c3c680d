import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { defaultTextEngine, textShaper } from '../../src/node/fonts.js';
import { bundledFaces, WEIGHTS } from '../helpers/bundled-faces.js';
import { fontkitShaper } from '../helpers/fontkit-shaper.js';



interface Component {
  glyphID: number;
  dx: number;
  dy: number;
  scaleX: number;
  scaleY: number;
  scale01: number;
  scale10: number;
}

/** Numbers of a path, with its command letters, for comparing outlines to within rounding. */
function pathNumbers(d: string): { letters: string; numbers: number[] } {
  return { letters: d.replace(/[^A-Z]/g, ''), numbers: (d.match(/-?[\d.]+/g) ?? []).map(Number) };
}

/**
 * A composite glyph drawn from its components as the TrueType spec (and HarfBuzz, and FreeType)
 * place them: x' = scaleX x + scale10 y + dx, y' = scale01 x + scaleY y + dy. fontkit applies the
 * two off-diagonal terms the other way round.
 */
function composite(font: Font, components: Component[]): string {
  const r = (n: number) => Math.round(n * 100) / 100;
  let d = '';
  for (const c of components) {
    for (const { command, args } of font.getGlyph(c.glyphID).path.commands) {
      const letter = { moveTo: 'M', lineTo: 'L', quadraticCurveTo: 'Q', bezierCurveTo: 'C', closePath: 'Z' }[command];
      const points: number[] = [];
      for (let i = 0; i < args.length; i += 2) {
        const [x, y] = [args[i], args[i + 1]];
        points.push(r(c.scaleX * x + c.scale10 * y + c.dx), r(c.scale01 * x + c.scaleY * y + c.dy));
      }
      d += letter + points.join(' ');
    }
  }
  return d;
}

describe('what shapers tell about single glyphs', () => {
  it('is the same from HarfBuzz as from fontkit for the glyphs and characters of the bundled faces', () => {
    const faces = bundledFaces();
    expect(faces.length).toBeGreaterThan(50);
    const sheared: string[] = [];
    for (const face of faces) {
      const hb = textShaper.inspect(face);
      const fk = fontkitShaper.inspect(face);
      const font = create(face.bytes as Buffer) as Font;
      // fontkit takes seconds to draw every glyph of every face: all of them in each family's
      // regular and in the mono italics, every seventh in the other faces.
      // The CJK regulars hold 17,000 to 31,000 glyphs each: every 41st.
      const step = /^noto-(sc|tc|jp|kr)-/.test(face.key) ? 41 : face.key.endsWith('-400') || face.key.startsWith('mono-') ? 1 : 7;
      for (let id = 0; id < font.numGlyphs; id += step) {
        expect(hb.advance(id), `${face.key} advance of glyph ${id}`).toBe(fk.advance(id));
        const path = hb.path(id);
        if (path === fk.path(id)) continue;
        // The one kind of glyph fontkit draws wrongly: a component slanted by a 2x2 transform.
        const components = (font.getGlyph(id) as unknown as { _decode(): { components?: Component[] } })._decode().components;
        expect(components?.some((c) => c.scale01 !== 0 || c.scale10 !== 0), `${face.key} outline of glyph ${id}`).toBe(true);
        const expected = pathNumbers(composite(font, components!));
        const actual = pathNumbers(path);
        expect(actual.letters).toBe(expected.letters);
        actual.numbers.forEach((n, i) => expect(Math.abs(n - expected.numbers[i])).toBeLessThanOrEqual(0.011));
        sheared.push(`${face.key}:${font.getGlyph(id).name}`);
      }
      const codePoints = new Set<number>(font.characterSet);
      for (let cp = 0; cp < 0x3000; cp++) codePoints.add(cp);
      for (const cp of [0xe000, 0xf8ff, 0xfb01, 0xfffd, 0x1f600, 0x10fffd]) codePoints.add(cp);
      for (const cp of codePoints) {
        if (hb.has(cp) !== fk.has(cp)) expect(hb.has(cp), `${face.key} U+${cp.toString(16)}`).toBe(fk.has(cp));
      }
    }
    // JetBrains Mono's italic modifier macron, in each italic weight.
    expect(sheared).toEqual(WEIGHTS.map((w) => `mono-${w}-italic:uni02C9`));
  });

  it('draws outlines in font units, y up, and nothing for a space', () => {
    const face = bundledFaces()[0];
    const glyphs = textShaper.inspect(face);
    const [h] = textShaper.shape(face, 'H').glyphs;
    const ys = pathNumbers(glyphs.path(h.id)).numbers.filter((_, i) => i % 2 === 1);
    // Inter's H stands on the baseline and reaches its cap height, 1490 of 2048 units.
    expect(Math.min(...ys)).toBe(0);
    expect(Math.max(...ys)).toBe(1490);
    expect(glyphs.path(textShaper.shape(face, ' ').glyphs[0].id)).toBe('');
    expect(glyphs.advance(h.id)).toBe(h.xAdvance);
  });

  it('has no glyph for what the character map lacks', () => {
    const inter = textShaper.inspect(bundledFaces()[0]);
    expect(inter.has(0x41)).toBe(true);
    expect(inter.has(0x0e01)).toBe(false); // Thai
    expect(inter.has(0x10fffd)).toBe(false);
  });

  it('keeps one parsed face per bytes object', () => {
    const [face] = bundledFaces();
    expect(textShaper.inspect(face)).toBe(textShaper.inspect({ key: 'other', bytes: face.bytes }));
  });

  it('gives the engine its coverage, advances and outlines', () => {
    const engine = defaultTextEngine();
    const run = engine.breakLines([{ text: 'Wq', style: { family: 'serif', weight: 700, italic: true, size: 10, color: '#000' } }], 1000)[0].runs[0];
    const face = engine.face(run.face);
    expect(face.family).toBe('Source Serif 4');
    const direct = textShaper.inspect({ key: run.face, bytes: face.bytes });
    for (const g of run.glyphs) {
      expect(face.advance(g.id)).toBe(direct.advance(g.id));
      expect(face.glyphPath(g.id)).toBe(direct.path(g.id));
    }
    // Thai is not in Source Serif 4, so the run falls back to Noto Sans Thai.
    const thai = engine.breakLines([{ text: 'สวัสดี', style: { family: 'serif', weight: 400, italic: false, size: 10, color: '#000' } }], 1000)[0].runs[0];
    expect(engine.face(thai.face).family).toBe('Noto Sans Thai');
  });
});
