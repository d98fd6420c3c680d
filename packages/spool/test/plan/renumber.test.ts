import { describe, expect, it } from 'vitest';
import { renumberLists } from '../../src/plan/renumber.js';
import type { Block, Post } from '../../src/model/document.js';
import { para, post } from '../helpers/documents.js';

const item = (ordinal: number | undefined, text = 'step'): Block => ({ type: 'listItem', ordered: true, ordinal, spans: [{ text }] });
const bullet: Block = { type: 'listItem', ordered: false, spans: [{ text: 'point' }] };
const image = { type: 'image' as const, src: 'a.png' };

/** The ordinals of every ordered item, post by post. */
const ordinals = (posts: Post[]) => posts.map((p) => p.blocks.filter((b) => b.type === 'listItem' && b.ordered).map((b) => b.ordinal));

describe('renumberLists', () => {
  it('counts up a list whose every post restarts at 1', () => {
    const out = renumberLists([post('1', [item(1)]), post('2', [item(1)]), post('3', [item(1)])]);
    expect(ordinals(out)).toEqual([[1], [2], [3]]);
  });

  it('keeps the number the run starts at', () => {
    expect(ordinals(renumberLists([post('1', [item(5)]), post('2', [item(5)])]))).toEqual([[5], [6]]);
  });

  it('numbers items that have no ordinal from 1', () => {
    expect(ordinals(renumberLists([post('1', [item(undefined), item(undefined)])]))).toEqual([[1, 2]]);
  });

  it('leaves a run that already counts up by one alone', () => {
    expect(ordinals(renumberLists([post('1', [item(3)]), post('2', [item(4), item(5)])]))).toEqual([[3], [4, 5]]);
  });

  it('is not interrupted by an image-only post', () => {
    const out = renumberLists([post('1', [item(1)]), post('2', [], [image]), post('3', [item(1)])]);
    expect(ordinals(out)).toEqual([[1], [], [2]]);
  });

  it('treats a paragraph or a bullet as the end of a run', () => {
    expect(ordinals(renumberLists([post('1', [item(1)]), post('2', [para('Meanwhile')]), post('3', [item(1)])]))).toEqual([[1], [], [1]]);
    expect(ordinals(renumberLists([post('1', [item(1), bullet, item(1)])]))).toEqual([[1, 1]]);
  });

  it('returns copies and leaves the posts it was given unchanged', () => {
    const posts = [post('1', [item(1)]), post('2', [item(1)])];
    const out = renumberLists(posts);
    expect(ordinals(posts)).toEqual([[1], [1]]);
    expect(out[1].blocks[0]).not.toBe(posts[1].blocks[0]);
    expect(out[1].blocks[0].spans).toEqual(posts[1].blocks[0].spans);
  });
});
