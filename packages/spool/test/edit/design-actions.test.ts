import { describe, expect, it } from 'vitest';
import { applyPreset, planFromDocument, setDesign } from '../../src/edit/index.js';
import { defaultDesign } from '../../src/design/defaults.js';
import { doc, para, post } from '../helpers/documents.js';
import { sampleDeck, texts } from './deck-fixture.js';

describe('design actions', () => {
  it('merges a partial design and resolves a ratio id', () => {
    const deck = setDesign(sampleDeck(), { theme: 'midnight', ratio: 'instagram-square', typography: { titleSize: 48 } });
    expect(deck.design.theme).toBe('midnight');
    expect(deck.design.ratio).toMatchObject({ width: 1080, height: 1080 });
    expect(deck.design.typography).toEqual({ titleSize: 48, bodySize: 18, chromeSize: 12 });
  });

  it('shares the slides when only the look changes', () => {
    const before = sampleDeck();
    expect(setDesign(before, { theme: 'ink' }).slides).toBe(before.slides);
  });

  it('removes keys given as undefined (a pattern colour back to the theme’s, a logo taken away)', () => {
    const withColour = setDesign(sampleDeck(), { pattern: { color: '#112233', opacity: 0.3 }, brand: { logo: 'asset:logo' } });
    expect(withColour.design.pattern).toEqual({ id: 'dots', color: '#112233', opacity: 0.3 });
    const reset = setDesign(withColour, { pattern: { color: undefined }, brand: { logo: undefined } });
    expect(reset.design.pattern).toEqual({ id: 'dots', opacity: 0.3 });
    expect('logo' in reset.design.brand).toBe(false);
  });

  it('switches header and footer parts one at a time', () => {
    const deck = setDesign(sampleDeck(), { brand: { show: { footer: false } } });
    expect(deck.design.brand.show).toMatchObject({ header: true, footer: false, pageNumbers: true });
  });

  it('rejects unknown ids and sizes out of range, by field', () => {
    expect(() => setDesign(sampleDeck(), { theme: 'nope' })).toThrow(/unknown theme/);
    expect(() => setDesign(sampleDeck(), { typography: { bodySize: 400 } })).toThrow(/typography.bodySize/);
  });

  it('keeps the outro in step with the call to action and the brand name', () => {
    const edited = setDesign(sampleDeck(), { cta: { lines: ['Liked it?', 'Follow {name}'] }, brand: { name: 'Acme' } });
    expect(texts(edited).at(-1)).toBe('Liked it?Follow Acme');
    const off = setDesign(edited, { cta: { enabled: false } });
    expect(off.slides.map((s) => s.kind)).toEqual(['cover', 'content', 'content']);
    const on = setDesign(off, { cta: { enabled: true } });
    expect(on.slides.at(-1)).toMatchObject({ kind: 'outro', id: 's4', author: { handle: 'ada' } });
  });

  it('applies a preset’s whole design at once, validated', () => {
    const design = { ...defaultDesign(), theme: 'noir', layout: 'statement' };
    const deck = applyPreset(sampleDeck(), { design });
    expect(deck.design).toEqual(design);
    expect(deck.design).not.toBe(design);
    expect(() => applyPreset(sampleDeck(), { design: { ...design, layout: 'nope' } })).toThrow(/unknown layout/);
  });

  it('plans slides afresh from the source posts with the deck’s design', () => {
    const deck = setDesign(sampleDeck(), { theme: 'ocean' });
    const planned = planFromDocument(deck, { document: doc([post('1', [para('New hook')]), post('2', [para('New body')])]) });
    expect(texts(planned).slice(0, 2)).toEqual(['New hook', 'New body']);
    expect(planned.design.theme).toBe('ocean');
  });
});
