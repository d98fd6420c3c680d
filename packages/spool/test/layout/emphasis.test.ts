import { describe, expect, it } from 'vitest';
import { layoutDeck } from '../../src/layout/layout-deck.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { resolveDesign } from '../../src/design/resolve.js';
import { THEMES } from '../../src/design/themes.js';
import { contrastRatio } from '../../src/design/contrast.js';
import { pageMetrics } from '../../src/layout/page-metrics.js';
import { buildScene } from '../../src/draw/build-scene.js';
import { defaultTextEngine } from '../../src/node/fonts.js';
import type { SpoolDocument } from '../../src/model/document.js';

const engine = defaultTextEngine();
const doc: SpoolDocument = {
  schemaVersion: 1,
  posts: [{ id: '1', author: { name: 'Ada', handle: 'ada' }, media: [], blocks: [{ type: 'paragraph', spans: [{ text: 'The first line decides ' }, { text: 'whether anyone reads on', bold: true }, { text: '.' }] }] }],
};
const lay = (emphasis: 'colour' | 'highlight', theme = 'paper', colors?: { background: string; text: string; accent: string }) =>
  layoutDeck(planDeck(doc, resolveDesign({ emphasis, theme, plan: { cover: false }, ...(colors ? { colors } : {}) })), engine, () => undefined);
const runsOf = (laid: ReturnType<typeof lay>) => laid.pages[0].elements.flatMap((e) => (e.type === 'text' ? e.lines.flatMap((l) => l.line.runs) : []));

describe('emphasis in display text', () => {
  it('sets a bold key phrase in the accent colour by default', () => {
    const laid = lay('colour');
    const key = runsOf(laid).filter((r) => /anyone/.test(r.text));
    expect(key.map((r) => [r.color, r.highlight])).toEqual([[laid.theme.accent, undefined]]);
  });

  it('or, as a highlight, in the title colour on a band the scene draws under it, at AA in every theme', () => {
    for (const theme of THEMES) {
      const laid = lay('highlight', theme.id);
      const runs = runsOf(laid);
      const key = runs.find((r) => /anyone/.test(r.text))!;
      expect(key.color, theme.id).toBe(laid.theme.title);
      expect(key.highlight, theme.id).toBeDefined();
      expect(contrastRatio(key.color, key.highlight!), theme.id).toBeGreaterThanOrEqual(4.5);
      expect(runs.find((r) => r.text.startsWith('The first'))?.highlight).toBeUndefined();
      // The band is drawn before the words it sits under.
      const items = buildScene(laid, laid.pages[0]).items;
      const band = items.findIndex((i) => i.type === 'rect' && i.fill === key.highlight);
      const words = items.findIndex((i) => i.type === 'text' && i.text === key.text);
      expect(band, theme.id).toBeGreaterThanOrEqual(0);
      expect(band, theme.id).toBeLessThan(words);
      expect(pageMetrics(laid.pages[0], laid.theme, 1080).lowestContrast, theme.id).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('falls back to the accent colour where no band would keep the title at AA (found by the random property run)', () => {
    const laid = lay('highlight', 'paper', { background: '#ab497b', text: '#1e0686', accent: '#000000' });
    const key = runsOf(laid).find((r) => /anyone/.test(r.text))!;
    expect(key.highlight).toBeUndefined();
    expect(key.color).toBe(laid.theme.accent);
    expect(pageMetrics(laid.pages[0], laid.theme, 1080).lowestContrast).toBeGreaterThanOrEqual(4.5);
  });
});
