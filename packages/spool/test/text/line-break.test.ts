import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultTextEngine } from '../../src/node/fonts.js';
import type { StyledText, TextStyle } from '../../src/text/types.js';

const engine = defaultTextEngine();
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const styleArb: fc.Arbitrary<TextStyle> = fc.record({
  family: fc.constantFrom('sans', 'serif', 'display', 'mono', 'grotesk'),
  weight: fc.constantFrom(400, 500, 600, 700, 800),
  italic: fc.boolean(),
  size: fc.constantFrom(12, 18, 36),
  color: fc.constant('#000000'),
});

const textArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.array(fc.constantFrom('word', ' ', '\n', 'https://x.co/', 'Γειά', 'мир', 'ế', '👍🏽', '🇫🇷', '-', 'WWWWWWWWW', '\t', '  '), { maxLength: 30 }).map((a) => a.join('')),
  // Right-to-left words among left-to-right ones, numbers and neutrals.
  fc.array(fc.constantFrom('مرحبا', 'بالعالم', 'שלום', 'עולם', 'Spool', ' ', '2024', '(12)', '.', '،', '!', '👍', '\n'), { maxLength: 30 }).map((a) => a.join('')),
);

const noSpace = (s: string) => s.replace(/\s/g, '');

describe('breakLines properties', () => {
  it('never throws, never overflows and loses only whitespace', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ text: textArb, style: styleArb }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 50, max: 400 }), (texts: StyledText[], maxWidth) => {
        const lines = engine.breakLines(texts, maxWidth);
        for (const line of lines) {
          // Right-to-left text is drawn in another order than it is read.
          const text = (line.logical ? line.logical.map((i) => line.runs[i]) : line.runs).map((r) => r.text).join('');
          if ([...segmenter.segment(text)].length > 1) expect(line.width).toBeLessThanOrEqual(maxWidth + 0.01);
          const last = line.runs[line.runs.length - 1];
          if (last) expect(last.x + last.width).toBeCloseTo(line.width, 6);
          expect(text).toBe(text.replace(/\s+$/, ''));
        }
        const out = lines.flatMap((l) => (l.logical ? l.logical.map((i) => l.runs[i]) : l.runs).map((r) => r.text)).join('');
        expect(noSpace(out)).toBe(noSpace(texts.map((t) => t.text).join('')));
      }),
      { numRuns: 250 },
    );
  });

  it('puts every forced break at a line end', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'bb ', '\n', 'ccc'), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const lines = engine.breakLines([{ text, style: { family: 'sans', weight: 400, italic: false, size: 18, color: '#000' } }], 1000);
        const expected = text.replace(/\n$/, '').split('\n').map((l) => l.trimEnd());
        expect(lines.map((l) => l.runs.map((r) => r.text).join(''))).toEqual(text ? expected : []);
      }),
      { numRuns: 200 },
    );
  });
});

describe('greedy fill', () => {
  it('ends a line only when the next opportunity would not fit', async () => {
    const { FontSet } = await import('../../src/text/font-set.js');
    const { bundledFonts, textShaper } = await import('../../src/node/fonts.js');
    const { prepareParagraph, widthBetween } = await import('../../src/text/paragraph.js');
    const { chooseBreaks } = await import('../../src/text/line-break.js');
    const fonts = new FontSet(bundledFonts(), textShaper);
    const words = fc.constantFrom('Type', 'AVAWAY', 'office', 'fi', 'well-known', 'a/b/c', 'x', 'Yo,', 'Tea.', '—', '“quoted”', 'LT', 'ff');
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 40 }), fc.constantFrom('sans', 'serif', 'display'), fc.integer({ min: 60, max: 400 }), (ws, family, maxWidth) => {
        const p = prepareParagraph([{ text: ws.join(' '), style: { family, weight: 400, italic: false, size: 18, color: '#000' } }], fonts, undefined);
        const lines = chooseBreaks(p, maxWidth);
        for (const line of lines) {
          expect(widthBetween(p, line.start, line.end)).toBeLessThanOrEqual(maxWidth);
          if (line.hard) continue;
          const next = p.breaks.find((b) => b.pos > line.end);
          if (!next || !p.breaks.some((b) => b.pos === line.end)) continue; // split inside a word
          expect(widthBetween(p, line.start, next.pos)).toBeGreaterThan(maxWidth);
        }
      }),
      { numRuns: 300 },
    );
  });
});
