import { describe, expect, it } from 'vitest';
import { layoutDeck } from '../../src/layout/layout-deck.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { resolveDesign } from '../../src/design/resolve.js';
import { fakeEngine } from '../helpers/fake-engine.js';
import { doc, para, post } from '../helpers/documents.js';

const shots = ['a.png', 'b.png', 'c.png'].map((src) => ({ type: 'image' as const, src, alt: `Screenshot ${src}` }));
// Shaped near their tiles (the first spans the left column), so each is cropped rather than set whole.
const images = (src: string) => (src === 'a.png' ? { width: 600, height: 1000 } : { width: 1200, height: 1000 });
const lay = (layout: string) =>
  layoutDeck(planDeck(doc([post('1', [para('Cover')]), post('2', [para('Three views of the same model')], shots)]), resolveDesign({ layout })), fakeEngine(), images);
const gridPage = (layout: string) => lay(layout).pages.find((p) => p.elements.some((e) => e.type === 'image'))!;
const bottom = (layout: string) => Math.max(...gridPage(layout).elements.map((e) => (e.type === 'image' ? e.y + e.h : 0)));

describe('image grid', () => {
  it('is what auto layout gives a post with two to four images: cropped tiles, alt text kept', () => {
    const page = gridPage('auto');
    expect(page.layout).toBe('image-grid');
    const tiles = page.elements.filter((e) => e.type === 'image');
    expect(tiles.map((t) => t.type === 'image' && [t.fit, t.alt])).toEqual([['cover', 'Screenshot a.png'], ['cover', 'Screenshot b.png'], ['cover', 'Screenshot c.png']]);
  });

  it('gives the grid more of the slide than image focus gives it', () => {
    expect(bottom('image-grid')).toBeGreaterThan(bottom('image-focus'));
  });
});
