import { describe, expect, it } from 'vitest';
import { gatherSteps, MAX_GATHERED_ITEMS } from '../../src/plan/gather-steps.js';
import type { Slide } from '../../src/model/deck.js';
import type { Block } from '../../src/model/document.js';
import { blockText } from '../../src/model/document.js';
import { para } from '../helpers/documents.js';

let n = 0;
const slide = (blocks: Block[], extra: Partial<Slide> = {}): Slide => ({ id: `s${++n}`, kind: 'content', blocks, media: [], postIds: [`p${n}`], ...extra });
const item = (text: string, ordinal: number, ordered = true): Block => ({ type: 'listItem', ordered, ordinal, spans: [{ text }] });

describe('gatherSteps', () => {
  it('gathers one-item slides of the same list kind, and takes an introduction ending in a colon as the title', () => {
    const out = gatherSteps([slide([para('The process:')]), slide([item('a', 1)]), slide([item('b', 2)]), slide([item('x', 0, false)])]);
    expect(out).toHaveLength(2);
    expect(out[0].title?.[0].text).toBe('The process:');
    expect(out[0].blocks.map(blockText)).toEqual(['a', 'b']);
    expect(out[0].postIds).toHaveLength(3);
    expect(out[1].blocks.map(blockText)).toEqual(['x']);
  });

  it('leaves a lone item, an item with an image and an introduction without a colon alone', () => {
    const lone = [slide([para('Intro.')]), slide([item('a', 1)]), slide([para('x')])];
    expect(gatherSteps(lone)).toEqual(lone);
    const pictured = [slide([item('a', 1)]), slide([item('b', 2)], { media: [{ type: 'image', src: 'a.png' }] })];
    expect(gatherSteps(pictured)).toEqual(pictured);
    const plain = gatherSteps([slide([para('Intro.')]), slide([item('a', 1)]), slide([item('b', 2)])]);
    expect(plain.map((s) => s.blocks.length)).toEqual([1, 2]);
  });

  it('cuts a long run into several steps slides, none with more than the most items one slide reads', () => {
    const run = Array.from({ length: 12 }, (_, i) => slide([item(`step ${i + 1}`, i + 1)]));
    const out = gatherSteps(run);
    expect(out.flatMap((s) => s.blocks.map(blockText))).toEqual(run.map((s) => blockText(s.blocks[0])));
    expect(Math.max(...out.map((s) => s.blocks.length))).toBeLessThanOrEqual(MAX_GATHERED_ITEMS);
  });
});
