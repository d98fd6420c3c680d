import { describe, expect, it } from 'vitest';
import { layoutDeck } from '../../src/layout/layout-deck.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { resolveDesign, type DesignInput } from '../../src/design/resolve.js';
import { SUBSCRIBE_CTA_LINES } from '../../src/design/defaults.js';
import { THEMES } from '../../src/design/themes.js';
import { pageMetrics } from '../../src/layout/page-metrics.js';
import { MARGIN } from '../../src/layout/context.js';
import { defaultTextEngine } from '../../src/node/fonts.js';
import { blockText } from '../../src/model/document.js';
import type { LaidOutPage } from '../../src/layout/types.js';
import { doc, para, post } from '../helpers/documents.js';
import { linesOutside } from '../helpers/inspect.js';

const engine = defaultTextEngine();
const thread = doc([post('1', [para('Five habits of clear writers')]), post('2', [para('Cut the first paragraph.')])]);
const lay = (input: DesignInput) => {
  const deck = planDeck(thread, resolveDesign({ cta: { style: 'subscribe' }, brand: { website: 'ada.substack.com' }, ...input }));
  return { deck, laid: layoutDeck(deck, engine, () => undefined) };
};
const runs = (page: LaidOutPage) => page.elements.flatMap((e) => (e.type === 'text' ? e.lines.flatMap((l) => l.line.runs) : []));

describe('the subscribe outro', () => {
  it('asks to subscribe when the lines are the defaults, and keeps lines the user wrote', () => {
    expect(lay({}).deck.slides.at(-1)!.blocks.map(blockText)).toEqual(SUBSCRIBE_CTA_LINES);
    const own = lay({ cta: { style: 'subscribe', lines: ['Join 4,000 writers', 'Every Sunday', 'Join free'] } }).deck;
    expect(own.slides.at(-1)!.blocks.map(blockText)).toEqual(['Join 4,000 writers', 'Every Sunday', 'Join free']);
  });

  it('sets the lines on an accent card, the last as a button in the page’s colours, the website under it as a link', () => {
    const { laid } = lay({});
    const outro = laid.pages.at(-1)!;
    const card = outro.elements.find((e) => e.type === 'rect' && e.fill === laid.theme.accent && e.w === laid.width - MARGIN * 2);
    const button = outro.elements.find((e) => e.type === 'rect' && e.fill === laid.theme.background);
    expect(card?.type === 'rect' && button?.type === 'rect' && button.y > card.y && button.y + button.h < card.y + card.h).toBe(true);
    const head = runs(outro).find((r) => r.text.startsWith('Want'));
    expect(head?.color).toBe(laid.theme.onAccent);
    expect(runs(outro).find((r) => r.text.includes('Subscribe'))?.color).toBe(laid.theme.accent);
    expect(runs(outro).find((r) => r.href === 'https://ada.substack.com')?.text).toBe('ada.substack.com');
  });

  it('stays inside the safe area at AA in every theme and ratio', () => {
    for (const theme of THEMES) {
      for (const ratio of ['linkedin-portrait', 'instagram-landscape', 'instagram-story']) {
        const { laid } = lay({ theme: theme.id, ratio });
        expect(linesOutside(laid, MARGIN), `${theme.id} ${ratio}`).toEqual([]);
        expect(pageMetrics(laid.pages.at(-1)!, laid.theme, 1080).lowestContrast, `${theme.id} ${ratio}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
