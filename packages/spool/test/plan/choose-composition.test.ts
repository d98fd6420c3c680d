import { describe, expect, it } from 'vitest';
import { chooseComposition, wordCount } from '../../src/plan/choose-composition.js';
import type { Block } from '../../src/model/document.js';
import { para, words } from '../helpers/documents.js';

const item = (text: string, ordered = true): Block => ({ type: 'listItem', ordered, ordinal: 1, spans: [{ text }] });
const quote = (text: string): Block => ({ type: 'quote', spans: [{ text }] });
const image = { type: 'image' as const, src: 'a.png' };
const choose = (blocks: Block[], extra: { media?: (typeof image)[]; title?: { text: string }[] } = {}) =>
  chooseComposition({ blocks, media: extra.media ?? [], title: extra.title });

describe('auto layout: one rule for each composition', () => {
  it('1. images with at most 40 words of text lead the slide; with more, the text does', () => {
    expect(choose([para(words(40))], { media: [image] })).toBe('image-focus');
    expect(choose([para(words(41))], { media: [image] })).toBe('classic');
    // Two to four images make a grid.
    expect(choose([para('Three views of one model')], { media: [image, image, image] })).toBe('image-grid');
  });

  it('2. two labelled sides make a comparison', () => {
    expect(choose([para('Before: we shipped once a month.'), para('After: we ship every day.')])).toBe('comparison');
    expect(choose([para('Myth: bigger is better'), para('Fact: data beats size')])).toBe('comparison');
    expect(choose([para('❌ long decks'), para('✅ ten slides')])).toBe('comparison');
    // One label alone, or two that do not pair, is not a comparison.
    expect(choose([para('Before: we shipped once a month.'), para('Then we changed.')])).not.toBe('comparison');
    expect(choose([para('Do more with less.'), para('Fact: it works.')])).not.toBe('comparison');
  });

  it('3. quotation blocks, or one sentence in quotation marks, make a quote', () => {
    expect(choose([quote('Simplicity is prerequisite for reliability.'), para('— Edsger Dijkstra')])).toBe('quote');
    expect(choose([para('“Make it work, make it right, make it fast.”')])).toBe('quote');
    expect(choose([para('He said “ship it” and left.')])).toBe('statement');
  });

  it('4. a list of two or more items that is most of the slide makes steps', () => {
    expect(choose([item('Train the teacher.'), item('Soften its outputs.'), item('Train the student.')])).toBe('steps');
    expect(choose([para('Three things:'), item('one', false), item('two', false)])).toBe('steps');
    expect(choose([para(words(20)), para(words(20)), para(words(20)), item('one'), item('two')])).toBe('classic');
    expect(choose([item('A single item.')])).not.toBe('steps');
  });

  it('5. a leading figure that carries the point makes a stat', () => {
    for (const text of ['90% of readers never reach slide ten.', '3× faster than a headless browser.', '$1.2M raised in a week.', '48,000 subscribers read it every Friday.', '10x fewer parameters, same accuracy.']) {
      expect(choose([para(text)]), text).toBe('stat');
    }
    // A year, a list number or a small count is not a figure to set huge.
    for (const text of ['2015 was the year of distillation.', '3 things I learned.', '12 people came.']) expect(choose([para(text)]), text).not.toBe('stat');
  });

  it('6. a short text of at most 30 words in one or two paragraphs makes a statement', () => {
    expect(choose([para('Firstly, we need to clarify what is softmax.')])).toBe('statement');
    expect(choose([para(words(15)), para(words(15))])).toBe('statement');
    expect(choose([para(words(31))])).toBe('classic');
    expect(choose([para('a'), para('b'), para('c')])).toBe('classic');
  });

  it('0. a code block makes a code slide, before any other rule', () => {
    const code: Block = { type: 'code', lang: 'js', spans: [{ text: 'const a = 1;', code: true }] };
    expect(choose([para('Try this:'), code])).toBe('code');
    expect(choose([code], { media: [image] })).toBe('code');
    expect(choose([para('Use `npm ci` in CI.')])).toBe('statement');
  });

  it('7. anything else is classic', () => {
    expect(choose([para(words(80))])).toBe('classic');
    expect(choose([])).toBe('classic');
  });

  it('counts words by spaces, and text written without them by its characters', () => {
    expect(wordCount('one two  three')).toBe(3);
    expect(wordCount('知识蒸馏是一种方法')).toBeGreaterThan(3);
  });
});
