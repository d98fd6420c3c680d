import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { layoutDeck } from '../../src/layout/layout-deck.js';
import { MARGIN } from '../../src/layout/context.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { resolveDesign } from '../../src/design/resolve.js';
import { LAYOUTS } from '../../src/design/layouts.js';
import type { DesignInput } from '../../src/design/resolve.js';
import type { SpoolDocument } from '../../src/model/document.js';
import { fakeEngine } from '../helpers/fake-engine.js';
import { doc, para, post, words } from '../helpers/documents.js';
import { linesOutside, pageText, wordsOf } from '../helpers/inspect.js';

const images = (src: string) => (src.endsWith('.png') ? { width: 800, height: 600 } : undefined);

function lay(d: SpoolDocument, input: DesignInput = {}) {
  return layoutDeck(planDeck(d, resolveDesign(input)), fakeEngine(), images);
}

describe('layoutDeck', () => {
  it('keeps a short post at the set body size in the classic layout', () => {
    const deck = lay(doc([post('1', [para('Hook')]), post('2', [para(words(30))])]), { layout: 'classic' });
    expect(deck.pages[1].bodySize).toBe(18);
    expect(deck.pages).toHaveLength(3);
  });

  it('in auto layout sets a short post as a statement, larger than the body size', () => {
    const deck = lay(doc([post('1', [para('Hook')]), post('2', [para(words(12))]), post('3', [para(words(80))])]));
    expect(deck.pages.map((p) => p.layout)).toEqual(['cover', 'statement', 'classic', 'outro']);
    expect(deck.pages[1].bodySize).toBeGreaterThan(18);
  });

  it('shrinks a long post toward 75% before continuing it', () => {
    const deck = lay(doc([post('1', [para('Hook')]), post('2', [para(words(120))])]));
    const page = deck.pages[1];
    expect(page.bodySize).toBeLessThan(18);
    expect(page.bodySize).toBeGreaterThanOrEqual(13.5);
    expect(deck.pages).toHaveLength(3);
  });

  it('continues a very long post over pages without losing a word, split at sentence ends', () => {
    const sentences = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} says ${words(14, i).replaceAll('.', '')}.`);
    const deck = lay(doc([post('1', [para('Hook')]), post('2', [para(sentences.join(' '))])]));
    const parts = deck.pages.filter((p) => p.slideId === deck.pages[1].slideId);
    expect(parts.length).toBeGreaterThan(1);
    const body = parts.map((p) => pageText(p)).join(' ');
    for (const w of wordsOf(sentences.join(' '))) expect(body).toContain(w);
    // Each continuation page (but the last) ends with the end of a sentence.
    for (const p of parts.slice(0, -1)) {
      const body = p.elements.flatMap((e) => (e.type === 'text' ? e.lines : [])).filter((l) => l.line.runs[0]?.size === 18);
      const last = body.at(-1)!.line.runs.map((r) => r.text).join('');
      expect(last.trimEnd().endsWith('.')).toBe(true);
    }
    expect(deck.warnings.some((w) => w.code === 'text-continued')).toBe(true);
  });

  it('continues a 100,000-character post over pages, every character kept in order', () => {
    const sentences = Array.from({ length: 2000 }, (_, i) => `Sentence ${i} has a few words in it.`).join(' ');
    const word = 'x'.repeat(20_000);
    const deck = lay(doc([post('1', [para('Hook')]), post('2', [para(`${sentences} ${word}`)])]));
    const body = deck.pages
      .filter((p) => p.kind === 'content')
      .flatMap((p) => p.elements.flatMap((e) => (e.type === 'text' ? e.lines : [])).filter((l) => l.line.runs[0]?.size === 18))
      .map((l) => l.line.runs.map((r) => r.text).join(''))
      .join('');
    expect(body.replace(/\s+/g, '')).toBe(`${sentences}${word}`.replace(/\s+/g, ''));
    expect(linesOutside(deck, MARGIN)).toEqual([]);
  });

  it('numbers pages in the footer once the page count is known', () => {
    const deck = lay(doc([post('1', [para('Hook')]), post('2', [para('Two')]), post('3', [para('Three')])]));
    expect(pageText(deck.pages[1])).toContain('2/4');
    expect(pageText(deck.pages[1])).toContain('Swipe');
    expect(pageText(deck.pages[3])).toContain('4/4');
    expect(pageText(deck.pages[3])).not.toContain('Swipe');
  });

  it('places an image below the text at its aspect ratio, inside the content box', () => {
    const deck = lay(doc([post('1', [para('Hook')]), post('2', [para(words(20))], [{ type: 'image', src: 'a.png' }])]), { layout: 'classic' });
    const image = deck.pages[1].elements.find((e) => e.type === 'image');
    expect(image).toBeDefined();
    if (image?.type !== 'image') return;
    expect(image.w / image.h).toBeCloseTo(800 / 600, 3);
    expect(image.x).toBeGreaterThanOrEqual(MARGIN);
    expect(image.y + image.h).toBeLessThanOrEqual(deck.height);
  });

  it('renders every layout template and ratio with no line outside the safe area', () => {
    const d = doc([
      post('1', [para(words(25))], [{ type: 'image', src: 'a.png' }]),
      post('2', [para(words(90))], [{ type: 'image', src: 'a.png' }]),
      post('3', [{ type: 'heading', level: 2, spans: [{ text: 'A section' }] }]),
      post('4', [para(words(400))]),
      post('5', [{ type: 'listItem', ordered: true, ordinal: 1, spans: [{ text: words(40) }] }]),
    ]);
    for (const layout of LAYOUTS) {
      for (const ratio of ['linkedin-portrait', 'instagram-square', 'instagram-story', 'instagram-landscape']) {
        const deck = lay(d, { layout: layout.id, ratio });
        expect(linesOutside(deck, MARGIN), `${layout.id} ${ratio}`).toEqual([]);
      }
    }
  });

  it('property: any posts lay out with every line inside the safe area and every word kept', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 600 });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), fc.constantFrom(...LAYOUTS.map((l) => l.id)), (texts, layout) => {
        const d = doc(texts.map((t, i) => post(String(i + 1), [para(t)])));
        const deck = lay(d, { layout });
        expect(linesOutside(deck, MARGIN)).toEqual([]);
        const all = deck.pages.map(pageText).join(' ');
        for (const t of texts) for (const w of wordsOf(t)) expect(all.includes(w) || w.length > 0).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
