import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planDeck } from '../../src/plan/plan-deck.js';
import { layoutDeck } from '../../src/layout/layout-deck.js';
import { MARGIN } from '../../src/layout/context.js';
import { buildScenes } from '../../src/draw/build-scene.js';
import { paintSvg } from '../../src/paint/svg/index.js';
import { resolveDesign } from '../../src/design/resolve.js';
import { LAYOUTS } from '../../src/design/layouts.js';
import { defaultTextEngine } from '../../src/node/fonts.js';
import { paintResources } from '../../src/node/resources.js';
import type { Block, SpoolDocument } from '../../src/model/document.js';
import { linesOutside } from '../helpers/inspect.js';

const emoji = fc.constantFrom('🚀', '👩‍💻', '🇫🇷', '👍🏽', '1️⃣', '❤️', '🧵');
const longWord = fc.string({ unit: fc.constantFrom('a', 'é', 'ж', 'ẫ', '/', '-'), minLength: 60, maxLength: 300 });
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.array(fc.oneof(fc.lorem({ maxCount: 1 }), emoji, longWord), { maxLength: 40 }).map((w) => w.join(' ')),
  fc.constant(''),
);
const block: fc.Arbitrary<Block> = fc.record({
  type: fc.constantFrom('paragraph' as const, 'heading' as const, 'listItem' as const, 'quote' as const),
  spans: fc.array(fc.record({ text, bold: fc.boolean(), italic: fc.boolean(), code: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  ordered: fc.boolean(),
  ordinal: fc.integer({ min: 1, max: 999 }),
});
const documentArb: fc.Arbitrary<SpoolDocument> = fc.array(fc.array(block, { maxLength: 3 }), { minLength: 1, maxLength: 5 }).map((posts) => ({
  schemaVersion: 1 as const,
  posts: posts.map((blocks, i) => ({ id: String(i + 1), author: { name: 'Ada', handle: 'ada' }, blocks, media: [] })),
}));

describe('building any thread', () => {
  const engine = defaultTextEngine();
  const resources = paintResources(engine, new Map());

  it('never throws and never puts a text line outside its slide', () => {
    fc.assert(
      fc.property(
        documentArb,
        fc.constantFrom(...LAYOUTS.map((l) => l.id)),
        fc.constantFrom('linkedin-portrait', 'instagram-square', 'instagram-landscape', 'instagram-story'),
        fc.constantFrom('sans', 'serif', 'display'),
        (doc, layout, ratio, font) => {
          const design = resolveDesign({ layout, ratio, typography: { titleFont: font, bodyFont: font } });
          const laid = layoutDeck(planDeck(doc, design), engine, () => undefined);
          expect(linesOutside(laid, MARGIN)).toEqual([]);
          const scenes = buildScenes(laid);
          for (const scene of scenes.slice(0, 3)) expect(paintSvg(scene, resources)).toMatch(/^<svg/);
        },
      ),
      { numRuns: 60 },
    );
  });
});
