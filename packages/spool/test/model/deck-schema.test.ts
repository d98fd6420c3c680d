import { describe, expect, it } from 'vitest';
import { parseDeck, parseDesign } from '../../src/model/deck-schema.js';
import { defaultDesign } from '../../src/design/defaults.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { doc, para, post, words } from '../helpers/documents.js';

const deck = planDeck(doc([post('1', [para(words(20))]), post('2', [para(words(30, 2))], [{ type: 'image', src: 'a.png' }])]), defaultDesign());

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected an error');
}

describe('parseDeck', () => {
  it('accepts what the planner makes, unchanged', () => {
    expect(parseDeck(JSON.parse(JSON.stringify(deck)), 'deck')).toEqual(deck);
  });

  it('names the exact place of a wrong field', () => {
    const bad = structuredClone(deck) as unknown as { slides: { blocks: { spans: unknown }[] }[] };
    bad.slides[1].blocks[0].spans = 'oops';
    expect(errorOf(() => parseDeck(bad, 'deck'))).toBe('deck: slides[1].blocks[0].spans: expected array');
  });

  it('holds a slide to what a post may hold, and a deck to a bounded number of slides', () => {
    const long = structuredClone(deck);
    long.slides[1].blocks = [{ type: 'paragraph', spans: [{ text: 'x'.repeat(60_000) }, { text: 'y'.repeat(50_000) }] }];
    expect(errorOf(() => parseDeck(long, 'deck'))).toBe('deck: slides[1].blocks: 110,000 characters is more than the limit of 100,000 per post; split it into several posts');
    const titled = structuredClone(deck);
    titled.slides[1].title = [{ text: 't'.repeat(100_001) }];
    expect(errorOf(() => parseDeck(titled, 'deck'))).toMatch(/^deck: slides\[1\]\.blocks: 100,\d{3} characters is more than the limit/);
    const many = { ...deck, slides: Array.from({ length: 30_001 }, (_, i) => ({ ...deck.slides[1], id: `s${i}` })) };
    expect(errorOf(() => parseDeck(many, 'deck'))).toBe('deck: slides: 30,001 slides is more than the limit of 30,000 per deck; split it into several carousels');
  });

  it('refuses unknown ids with the valid ones', () => {
    const bad = structuredClone(deck);
    bad.design.theme = 'neon';
    bad.slides[0].layout = 'zigzag';
    const message = errorOf(() => parseDeck(bad, 'deck'));
    expect(message).toContain('deck: design.theme: unknown theme "neon" (try paper, midnight');
    expect(message).toContain('deck: slides[0].layout: unknown layout "zigzag"');
    // A long id is quoted cut short, so the message stays readable.
    bad.slides[0].layout = 'x'.repeat(5000);
    expect(errorOf(() => parseDeck(bad, 'deck'))).toContain(`deck: slides[0].layout: unknown layout "${'x'.repeat(40)}…" (try `);
  });

  it('checks sizes through the design rules', () => {
    const bad = structuredClone(deck);
    bad.design.typography.titleSize = 400;
    expect(errorOf(() => parseDeck(bad, 'deck'))).toBe('deck: design.typography.titleSize: 400 is outside 16..96');
  });

  it('accepts uploaded font families and refuses unknown ones', () => {
    const ok = structuredClone(deck);
    ok.design.typography.titleFont = 'custom:0123456789abcdef01234567';
    expect(parseDeck(ok, 'deck').design.typography.titleFont).toBe('custom:0123456789abcdef01234567');
    ok.design.typography.bodyFont = 'comic';
    expect(errorOf(() => parseDeck(ok, 'deck'))).toContain('design.typography.bodyFont: unknown font "comic"');
  });

  it('refuses decks from a newer version', () => {
    expect(errorOf(() => parseDeck({ ...deck, schemaVersion: 9 }, 'deck'))).toBe(
      'deck: schemaVersion: version 9 is newer than this Spool reads (1)',
    );
  });

  it('validates a design on its own', () => {
    expect(parseDesign(defaultDesign(), 'preset')).toEqual(defaultDesign());
    expect(errorOf(() => parseDesign({ ...defaultDesign(), ratio: { id: 'x', label: 'x', width: 10, height: 10 } }, 'preset'))).toBe(
      'preset: ratio.width: expected at least 200\npreset: ratio.height: expected at least 200',
    );
  });
});
