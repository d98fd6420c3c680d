import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planDeck } from '../../src/plan/plan-deck.js';
import { layoutDeck } from '../../src/layout/layout-deck.js';
import { MARGIN } from '../../src/layout/context.js';
import { resolveDesign } from '../../src/design/resolve.js';
import { THEMES } from '../../src/design/themes.js';
import { contrastRatio } from '../../src/design/contrast.js';
import { defaultTextEngine } from '../../src/node/fonts.js';
import { smartenBlocks } from '../../src/model/typography.js';
import { blockText, type Block, type SpoolDocument } from '../../src/model/document.js';
import type { LaidOutDeck } from '../../src/layout/types.js';
import { linesOutside, pageText } from '../helpers/inspect.js';
import { backgroundsUnder } from '../../src/layout/page-metrics.js';
import { highlightCode } from '../../src/formats/highlight.js';

const word = fc.constantFrom('model', 'teacher', 'student', 'learns', 'soft', 'targets', 'distillation', 'temperature', 'logits', 'a', 'of', 'the', 'carousel', 'reader', 'Überraschung', 'naïve');
const sentence = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => `${w.join(' ')}.`);
const para = (text: string): Block => ({ type: 'paragraph', spans: [{ text }] });

/** Posts shaped like each composition auto layout chooses, with text of any length. */
const shaped: fc.Arbitrary<Block[]> = fc.oneof(
  sentence(3, 25).map((s) => [para(s)]),
  // A key phrase in bold, which display text marks in the accent or on a band.
  fc.tuple(sentence(1, 6), sentence(2, 14)).map(([key, rest]): Block[] => [{ type: 'paragraph', spans: [{ text: `${key} `, bold: true }, { text: rest }] }]),
  fc.tuple(fc.constantFrom('90%', '3×', '$1.2M', '48,000', '10x'), sentence(2, 30)).map(([f, s]) => [para(`${f} ${s}`)]),
  fc.tuple(sentence(3, 40), fc.constantFrom('— Ada Lovelace', '— Grace Hopper', '')).map(([s, by]) => [{ type: 'quote' as const, spans: [{ text: s }] }, ...(by ? [para(by)] : [])]),
  fc.array(sentence(2, 30), { minLength: 2, maxLength: 6 }).map((items) => items.map((s, i): Block => ({ type: 'listItem', ordered: i % 2 === 0 || true, ordinal: i + 1, spans: [{ text: s }] }))),
  fc.tuple(fc.constantFrom(['Before', 'After'], ['Myth', 'Fact'], ['Do', 'Don’t']), sentence(2, 30), sentence(2, 30)).map(([[a, b], x, y]) => [para(`${a}: ${x}`), para(`${b}: ${y}`)]),
  sentence(20, 60).map((s) => [para(s), para(s)]),
  // Code: a lead-in, then lines of identifiers at any indent, any length, in any of a few languages.
  fc.tuple(
    sentence(2, 12),
    fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.array(fc.constantFrom('x', '=', 'return', 'total_count', '(a, b)', '"text"', '42', '#', 'if', ':'), { minLength: 0, maxLength: 14 })), { minLength: 1, maxLength: 40 }),
    fc.constantFrom('python', 'js', undefined),
  ).map(([lead, lines, lang]): Block[] => [
    para(lead),
    { type: 'code', ...(lang ? { lang } : {}), spans: [{ text: lines.map(([indent, toks]) => '    '.repeat(indent) + toks.join(' ')).join('\n').trim() || 'x = 1', code: true }] },
  ]),
);

const documentArb: fc.Arbitrary<SpoolDocument> = fc.array(shaped, { minLength: 2, maxLength: 6 }).map((posts) => ({
  schemaVersion: 1 as const,
  posts: posts.map((blocks, i) => ({ id: String(i + 1), author: { name: 'Ada', handle: 'ada' }, blocks, media: [] })),
}));

/** Texts under the size WCAG calls large need 4.5:1; large ones 3:1 (sizes as a phone shows the page). */
function contrastFailures(laid: LaidOutDeck) {
  const failures: string[] = [];
  const px = 1080 / laid.width;
  for (const [i, page] of laid.pages.entries()) {
    page.elements.forEach((e, k) => {
      if (e.type !== 'text') return;
      for (const placed of e.lines) {
        // What the build summary judges contrast against: the same reading of what is under a line.
        const backgrounds = backgroundsUnder(page.elements, k, placed, laid.theme);
        for (const run of placed.line.runs) {
          if (run.emoji || !run.text.trim()) continue;
          const shown = (run.size * px) / 3;
          const bold = /700|Bold/i.test(run.face);
          const need = shown >= 32 || (bold && shown >= 24) ? 3 : 4.5;
          for (const bg of run.highlight ? [run.highlight] : backgrounds) {
            const ratio = contrastRatio(run.color.slice(0, 7), bg.slice(0, 7));
            if (ratio < need) failures.push(`page ${i + 1} ${page.layout}: "${run.text}" ${run.color} on ${bg} is ${ratio.toFixed(2)} (needs ${need})`);
          }
        }
      }
    });
  }
  return failures;
}

const hex = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`);
/** A preset theme, or the user's own colours over one. */
const themeArb = fc.oneof(
  fc.constantFrom(...THEMES.map((t) => t.id)).map((theme) => ({ theme })),
  fc.record({ theme: fc.constantFrom(...THEMES.map((t) => t.id)), colors: fc.record({ background: hex, text: hex, accent: hex }) }),
);

describe('every composition on any text, in every ratio and theme', () => {
  const engine = defaultTextEngine();

  it('keeps every line in the safe area, every word on a page and every text pair at WCAG AA, in presets and custom colours', () => {
    fc.assert(
      fc.property(
        documentArb,
        fc.constantFrom('auto', 'statement', 'quote', 'stat', 'steps', 'comparison', 'code'),
        fc.constantFrom('linkedin-portrait', 'instagram-square', 'instagram-landscape', 'instagram-story'),
        themeArb,
        fc.constantFrom('left' as const, 'center' as const),
        fc.constantFrom('colour' as const, 'highlight' as const),
        (doc, layout, ratio, look, align, emphasis) => {
          const design = resolveDesign({ layout, ratio, align, emphasis, ...look });
          const deck = planDeck(doc, design);
          const laid = layoutDeck(deck, engine, () => undefined, { highlight: highlightCode });
          expect(linesOutside(laid, MARGIN)).toEqual([]);
          // Labels are set in capitals and quotation marks drawn large, so words compare without case or punctuation.
          const bare = (w: string) => w.toLowerCase().replace(/^\p{P}+|\p{P}+$/gu, '');
          const shown = laid.pages.map(pageText).join(' ').toLowerCase();
          for (const slide of deck.slides) {
            for (const block of smartenBlocks(slide.blocks)) {
              for (const w of blockText(block).split(/\s+/).map(bare).filter(Boolean)) expect(shown, `${layout} ${ratio}: ${w}`).toContain(w);
            }
          }
          expect(contrastFailures(laid)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
