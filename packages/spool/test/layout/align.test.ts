import { describe, expect, it } from 'vitest';
import { layoutDeck } from '../../src/layout/layout-deck.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { resolveDesign, type DesignInput } from '../../src/design/resolve.js';
import { setSlideAlign } from '../../src/edit/content-actions.js';
import type { Deck } from '../../src/model/deck.js';
import type { LaidOutPage } from '../../src/layout/types.js';
import { fakeEngine } from '../helpers/fake-engine.js';
import { doc, para, post, words } from '../helpers/documents.js';

const quote = { type: 'quote' as const, spans: [{ text: 'Less, but better.' }] };
const deckOf = (input: DesignInput = {}) =>
  planDeck(doc([post('1', [para('Hook')]), post('2', [para(words(12))]), post('2b', [{ type: 'heading', level: 2, spans: [{ text: 'A section' }] }]), post('3', [para(words(70))]), post('4', [quote, para('— Dieter Rams')]), post('5', [para('87% of readers stop at slide ten.')])]), resolveDesign(input));
const lay = (deck: Deck) => layoutDeck(deck, fakeEngine(), () => undefined);

/** Each text line of the page's own text (not header or footer): its centre's distance from the page's. */
function offCentre(page: LaidOutPage, width: number): number[] {
  return page.elements.flatMap((e) => (e.type === 'text' && e.role !== 'chrome' ? e.lines.map((l) => Math.abs(l.x + l.line.width / 2 - width / 2)) : []));
}

describe('text alignment', () => {
  it('sets content slides flush left by default, and centred when the deck says so', () => {
    const left = lay(deckOf());
    const centred = lay(deckOf({ align: 'center' }));
    for (const layout of ['statement', 'classic', 'quote', 'stat', 'section']) {
      const i = centred.pages.findIndex((p) => p.layout === layout);
      expect(i, layout).toBeGreaterThan(0);
      expect(Math.max(...offCentre(centred.pages[i], centred.width)), layout).toBeLessThan(0.6);
      expect(Math.max(...offCentre(left.pages[i], left.width)), layout).toBeGreaterThan(5);
    }
  });

  it('centres the cover: its title, and its author as one row', () => {
    const laid = lay(deckOf({ align: 'center' }));
    const cover = laid.pages[0];
    const [title] = cover.elements.filter((e) => e.type === 'text');
    expect(Math.max(...offCentre({ ...cover, elements: [title] }, laid.width))).toBeLessThan(0.6);
    // Everything after the title is the author row (the footer's chrome left out).
    const after = cover.elements.slice(cover.elements.indexOf(title) + 1).filter((e) => !(e.type === 'text' && e.role === 'chrome') && !(e.type === 'rect' && e.y > laid.height - 40));
    const row = after.flatMap((e) => (e.type === 'text' ? e.lines.map((l) => [l.x, l.x + l.line.width]) : [[e.x, e.x + e.w]]));
    expect(row.length).toBeGreaterThanOrEqual(3);
    const left = Math.min(...row.map((r) => r[0]));
    const right = Math.max(...row.map((r) => r[1]));
    expect(Math.abs((left + right) / 2 - laid.width / 2)).toBeLessThan(0.6);
  });

  it('lets one slide set its own, over the deck', () => {
    const deck = deckOf({ align: 'center' });
    const statement = deck.slides[1];
    const laid = lay(setSlideAlign(deck, { slideId: statement.id, align: 'left' }));
    expect(Math.max(...offCentre(laid.pages[1], laid.width))).toBeGreaterThan(5);
    expect(Math.max(...offCentre(laid.pages[2], laid.width))).toBeLessThan(0.6);
    expect(setSlideAlign(setSlideAlign(deck, { slideId: statement.id, align: 'left' }), { slideId: statement.id, align: undefined }).slides[1]).not.toHaveProperty('align');
  });
});
