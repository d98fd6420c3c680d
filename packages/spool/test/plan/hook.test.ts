import { describe, expect, it } from 'vitest';
import { MAX_HOOK_CHARS, splitHook, splitSpansAt } from '../../src/plan/hook.js';
import { blockText, spansText } from '../../src/model/document.js';
import type { Block } from '../../src/model/document.js';
import { para } from '../helpers/documents.js';

/** A sentence of exactly `n` characters, ending with a full stop. */
const sentence = (n: number) => `${'a'.repeat(n - 1)}.`;

describe('splitHook', () => {
  it('takes a short first block whole as the title and keeps the other blocks', () => {
    const second = para('Second block.');
    const { title, rest } = splitHook([{ type: 'paragraph', spans: [{ text: 'Bold ', bold: true }, { text: 'hook' }] }, second]);
    expect(title).toEqual([{ text: 'Bold ', bold: true }, { text: 'hook' }]);
    expect(rest).toEqual([second]);
  });

  it('keeps a first block of up to 90 characters whole, however many sentences it has', () => {
    const text = `${sentence(40)} ${sentence(49)}`;
    expect(text).toHaveLength(MAX_HOOK_CHARS);
    const { title, rest } = splitHook([para(text)]);
    expect(spansText(title)).toBe(text);
    expect(rest).toEqual([]);
  });

  it('cuts a longer first block after its first sentence, the rest moving to the next slide', () => {
    const hook = 'One of the hottest foundational topics.';
    const after = 'Learn the core idea, its types, scaling laws, real-world cases and useful resources to dive deeper';
    const { title, rest } = splitHook([para(`${hook} ${after}`), para('Next block.')]);
    expect(spansText(title)).toBe(hook);
    expect(rest.map(blockText)).toEqual([after, 'Next block.']);
  });

  it('keeps the block whole when not even its first sentence fits in 180 characters', () => {
    const text = `${'word '.repeat(60).trim()}. Short one.`;
    const { title, rest } = splitHook([para(text)]);
    expect(spansText(title)).toBe(text);
    expect(rest).toEqual([]);
  });

  it('keeps each span’s marks on both sides of the cut and the block type of the rest', () => {
    const long = ` ${'x'.repeat(200)} tail.`;
    const quote: Block = { type: 'quote', spans: [{ text: 'Short. Then', bold: true }, { text: long, italic: true }] };
    const { title, rest } = splitHook([quote]);
    expect(title).toEqual([{ text: 'Short.', bold: true }]);
    expect(rest).toEqual([{ type: 'quote', spans: [{ text: 'Then', bold: true }, { text: long, italic: true }] }]);
  });

  it('gives an empty title for no blocks and leaves its input alone', () => {
    expect(splitHook([])).toEqual({ title: [], rest: [] });
    const block = para(`${sentence(50)} ${'y'.repeat(200)}`);
    const copy = structuredClone(block);
    splitHook([block]);
    expect(block).toEqual(copy);
  });
});

describe('splitSpansAt', () => {
  it('splits inside a span, trimming the end of the head only', () => {
    const [head, tail] = splitSpansAt([{ text: 'One ' }, { text: 'two three', code: true }], 7);
    expect(head).toEqual([{ text: 'One ' }, { text: 'two', code: true }]);
    expect(tail).toEqual([{ text: ' three', code: true }]);
  });

  it('splits on a span boundary without empty spans', () => {
    const [head, tail] = splitSpansAt([{ text: 'abc ' }, { text: 'def' }], 4);
    expect(head).toEqual([{ text: 'abc' }]);
    expect(tail).toEqual([{ text: 'def' }]);
  });
});
