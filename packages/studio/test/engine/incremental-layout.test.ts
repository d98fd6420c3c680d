import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { layoutDeck, resolveDesign, planDeck, type Deck, type ImageLookup } from '../../../spool/src/core.js';
import { threadFileToDocument } from '../../../spool/src/sources/thread-file.js';
import { defaultTextEngine } from '../../../spool/src/node/fonts.js';
import { addSlide, deleteSlide, moveSlide, setDesign, textToBlocks, updateSlideText } from '../../../spool/src/edit/index.js';
import { IncrementalLayout } from '../../src/engine/incremental-layout.js';

const sample = path.resolve(fileURLToPath(import.meta.url), '../../../../spool/samples/spool-sample.json');
const { document } = threadFileToDocument(JSON.parse(readFileSync(sample, 'utf8')), 'spool-sample.json');
const images: ImageLookup = () => ({ width: 1200, height: 800 });
const engine = defaultTextEngine();

function sampleDeck(): Deck {
  return planDeck(document, resolveDesign({ brand: { name: 'Spool', handle: 'spoolstudio' } }));
}

describe('IncrementalLayout', { timeout: 60_000 }, () => {
  it('lays a deck out exactly as layoutDeck does', () => {
    const deck = sampleDeck();
    expect(new IncrementalLayout().layout(deck, engine, images)).toEqual(layoutDeck(deck, engine, images));
  });

  it('stays identical to layoutDeck through a run of edits, laying out only what changed', () => {
    const layout = new IncrementalLayout();
    let deck = sampleDeck();
    layout.layout(deck, engine, images);
    const second = deck.slides[1].id;

    deck = updateSlideText(deck, { slideId: second, blocks: textToBlocks('Typed **fast** and *well*') });
    expect(layout.layout(deck, engine, images)).toEqual(layoutDeck(deck, engine, images));
    expect(layout.lastLaidOut).toBe(1);

    // A slide so long it continues on a second page moves every later page number.
    deck = updateSlideText(deck, { slideId: second, blocks: textToBlocks(Array.from({ length: 30 }, (_, i) => `Line ${i} of a long slide that keeps going.`).join('\n')) });
    expect(layout.layout(deck, engine, images)).toEqual(layoutDeck(deck, engine, images));
    expect(layout.lastLaidOut).toBe(1);

    deck = moveSlide(deck, { slideId: second, to: 4 });
    expect(layout.layout(deck, engine, images)).toEqual(layoutDeck(deck, engine, images));

    deck = addSlide(deck, { at: 2, slide: { layout: 'numbered', blocks: textToBlocks('A numbered step') } });
    expect(layout.layout(deck, engine, images)).toEqual(layoutDeck(deck, engine, images));

    deck = deleteSlide(deck, { slideId: deck.slides[3].id });
    expect(layout.layout(deck, engine, images)).toEqual(layoutDeck(deck, engine, images));

    deck = setDesign(deck, { theme: 'midnight', ratio: 'instagram-square', typography: { bodySize: 22 } });
    expect(layout.layout(deck, engine, images)).toEqual(layoutDeck(deck, engine, images));
    expect(layout.lastLaidOut).toBe(deck.slides.length);

    // Post cards without a brand kit drop the header that would repeat the card's author.
    deck = setDesign(deck, { layout: 'post-card', brand: { name: undefined, handle: undefined } });
    const laid = layout.layout(deck, engine, images);
    expect(laid).toEqual(layoutDeck(deck, engine, images));
    expect(laid.pages.some((p) => p.layout === 'post-card')).toBe(true);
  });

  it('reuses every slide when nothing changed', () => {
    const layout = new IncrementalLayout();
    const deck = sampleDeck();
    const first = layout.layout(deck, engine, images);
    const again = layout.layout(deck, engine, images);
    expect(layout.lastLaidOut).toBe(0);
    expect(again.pages.every((p, i) => p === first.pages[i])).toBe(true);
  });
});
