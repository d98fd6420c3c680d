import { describe, expect, it } from 'vitest';
import { layoutDeck } from '../../src/layout/layout-deck.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { resolveDesign } from '../../src/design/resolve.js';
import { defaultTextEngine } from '../../src/node/fonts.js';
import type { SpoolDocument } from '../../src/model/document.js';
import type { LaidText } from '../../src/layout/types.js';

const engine = defaultTextEngine();
const author = { name: 'Ada Lovelace', handle: 'ada' };

function statPage(figureLine: string, ratio = 'linkedin-portrait') {
  const doc: SpoolDocument = {
    schemaVersion: 1,
    posts: [
      { id: '1', author, blocks: [{ type: 'paragraph', spans: [{ text: 'What the numbers say' }] }], media: [] },
      { id: '2', author, blocks: [{ type: 'paragraph', spans: [{ text: figureLine }] }, { type: 'paragraph', spans: [{ text: 'Most of them read every slide.' }] }], media: [] },
    ],
  };
  const page = layoutDeck(planDeck(doc, resolveDesign({ ratio })), engine, () => undefined).pages[1];
  expect(page.layout).toBe('stat');
  return page;
}

describe('stat', () => {
  it('sets its accent rule clear of the figure’s descenders (the comma of 48,000)', () => {
    for (const ratio of ['linkedin-portrait', 'instagram-square', 'instagram-portrait']) {
      for (const line of ['48,000 subscribers read the newsletter.', '2,000,000 seconds of exposure went into one frame.', '87% of readers never reach slide ten.']) {
        const page = statPage(line, ratio);
        const figure = page.elements.find((e): e is LaidText => e.type === 'text' && /^[\d,%]+$/.test(e.lines[0]?.line.runs.map((r) => r.text).join('') ?? ''))!;
        expect(figure, `${ratio}: ${line}`).toBeDefined();
        const last = figure.lines[figure.lines.length - 1];
        const descender = last.baseline + last.line.descent;
        const rule = page.elements.find((e) => e.type === 'rect' && e.w === 48 && e.h === 5)!;
        expect(rule.type === 'rect' && rule.y, `${ratio}: ${line}`).toBeGreaterThan(descender);
      }
    }
  });
});
