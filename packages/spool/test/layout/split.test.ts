import { describe, expect, it } from 'vitest';
import { pageCapacity, takeBlocks } from '../../src/layout/split.js';
import { layoutBlocks, type FlowStyle } from '../../src/layout/flow.js';
import { deckContext } from '../../src/layout/layout-deck.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { defaultDesign } from '../../src/design/defaults.js';
import { blockText, type Block } from '../../src/model/document.js';
import { fakeEngine } from '../helpers/fake-engine.js';
import { doc, para, post } from '../helpers/documents.js';

// Fake engine, size 10: 5 units a character, so 20 characters to a 100-unit line; lines 14.5 apart.
const ctx = deckContext(planDeck(doc([post('1', [para('Hook')])]), defaultDesign()), fakeEngine(), () => undefined);
const style: FlowStyle = { size: 10, color: '#222222', family: 'sans' };
const WIDTH = 100;
const LINE = 14.5;

const take = (blocks: Block[], lines: number) => takeBlocks(blocks, ctx, WIDTH, style, lines * LINE);
const height = (blocks: Block[]) => layoutBlocks(blocks, ctx, 0, 0, WIDTH, style).height;
const sentences = (n: number) => Array.from({ length: n }, (_, i) => `Sentence ${i} is here.`).join(' ');
const squash = (s: string) => s.replace(/\s+/g, '');
const allText = (blocks: Block[]) => squash(blocks.map(blockText).join(''));

describe('takeBlocks', () => {
  it('takes every block that fits and leaves nothing', () => {
    const blocks = [para('One line.'), para('Another.')];
    expect(take(blocks, 10)).toEqual({ taken: blocks, rest: [] });
  });

  it('splits a straddling paragraph at a sentence end, keeping every character', () => {
    const blocks = [para('First block.'), para(sentences(12)), para('Last.')];
    const { taken, rest } = take(blocks, 8);
    expect(taken).toHaveLength(2);
    expect(blockText(taken[1]).endsWith('.')).toBe(true);
    expect(height(taken)).toBeLessThanOrEqual(8 * LINE);
    expect(rest.map(blockText).at(-1)).toBe('Last.');
    expect(allText([...taken, ...rest])).toBe(allText(blocks));
    expect(blockText(rest[0])).toMatch(/^Sentence \d+ is here\./);
  });

  it('moves a block whole to the next page when no sentence of it fits below what was taken', () => {
    const long = para(`${'word '.repeat(60).trim()}.`);
    const { taken, rest } = take([para('Intro.'), long], 3);
    expect(taken.map(blockText)).toEqual(['Intro.']);
    expect(rest).toEqual([long]);
  });

  it('cuts a sentence longer than the page at a word end when it is first on the page', () => {
    const text = `${Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')}.`;
    const { taken, rest } = take([para(text)], 2);
    const head = blockText(taken[0]);
    expect(height(taken)).toBeLessThanOrEqual(2 * LINE);
    expect(head).toMatch(/w\d+$/);
    expect(`${head} ${blockText(rest[0])}`).toBe(text);
  });

  it('cuts a word longer than the page between characters, so the page still advances', () => {
    const word = 'x'.repeat(100);
    const { taken, rest } = take([para(word)], 2);
    expect(blockText(taken[0]).length).toBeGreaterThan(0);
    expect(height(taken)).toBeLessThanOrEqual(2 * LINE);
    expect(blockText(taken[0]) + blockText(rest[0])).toBe(word);
  });

  it('continues a split list item as a paragraph, so its marker is not drawn twice', () => {
    const listItem: Block = { type: 'listItem', ordered: true, ordinal: 4, spans: [{ text: sentences(8) }] };
    const { taken, rest } = take([listItem], 3);
    expect(taken[0]).toMatchObject({ type: 'listItem', ordinal: 4 });
    expect(rest[0].type).toBe('paragraph');
    expect(allText([...taken, ...rest])).toBe(allText([listItem]));
  });

  it('keeps every character of a block longer than a whole page could hold', () => {
    const text = sentences(400);
    expect(text.length).toBeGreaterThan(pageCapacity(style, WIDTH, 4 * LINE));
    const { taken, rest } = take([para(text), para('After.')], 4);
    expect(height(taken)).toBeLessThanOrEqual(4 * LINE);
    expect(rest.map(blockText).at(-1)).toBe('After.');
    expect(allText([...taken, ...rest])).toBe(allText([para(text), para('After.')]));
  });
});

describe('pageCapacity', () => {
  it('is more characters than the page could show, even of glyphs a tenth of an em wide', () => {
    for (const [size, w, h] of [[10, 100, 58], [18, 360, 400], [36, 360, 120]]) {
      const s: FlowStyle = { ...style, size };
      const linesThatFit = Math.floor(h / (size * 1.2));
      const narrowestPerLine = Math.floor(w / (size * 0.1));
      expect(pageCapacity(s, w, h)).toBeGreaterThanOrEqual(linesThatFit * narrowestPerLine);
    }
  });

  it('grows with the page and shrinks with the type', () => {
    expect(pageCapacity(style, 200, 100)).toBeGreaterThan(pageCapacity(style, 100, 100));
    expect(pageCapacity(style, 100, 200)).toBeGreaterThan(pageCapacity(style, 100, 100));
    expect(pageCapacity({ ...style, size: 20 }, 100, 100)).toBeLessThan(pageCapacity(style, 100, 100));
  });
});
