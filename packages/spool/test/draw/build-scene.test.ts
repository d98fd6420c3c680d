import { describe, expect, it } from 'vitest';
import { planDeck } from '../../src/plan/plan-deck.js';
import { layoutDeck } from '../../src/layout/layout-deck.js';
import { buildScenes } from '../../src/draw/build-scene.js';
import { resolveDesign } from '../../src/design/resolve.js';
import { defaultTextEngine } from '../../src/node/fonts.js';
import { paintResources } from '../../src/node/resources.js';
import type { SpoolDocument } from '../../src/model/document.js';

const doc: SpoolDocument = {
  schemaVersion: 1,
  posts: [
    { id: '1', author: { name: 'Ada', handle: 'ada' }, blocks: [{ type: 'paragraph', spans: [{ text: 'Hook' }] }], media: [] },
    {
      id: '2',
      author: { name: 'Ada', handle: 'ada' },
      blocks: [{ type: 'paragraph', spans: [{ text: 'Read ' }, { text: 'the paper', href: 'https://example.org/p' }, { text: ' now 🚀👩🏽‍💻' }] }],
      media: [],
    },
  ],
};

describe('buildScene', () => {
  const engine = defaultTextEngine();
  const laid = layoutDeck(planDeck(doc, resolveDesign({ theme: 'midnight', pattern: { id: 'grid' } })), engine, () => undefined);
  const scene = buildScenes(laid)[1];

  it('starts with the theme background (a gradient for Midnight) and the chosen pattern', () => {
    expect(scene.items[0]).toMatchObject({ type: 'rect', x: 0, y: 0, w: 432, h: 540, fill: { type: 'linear' } });
    expect(scene.items[1]).toMatchObject({ type: 'path', stroke: { color: '#38BDF8' } });
    expect([scene.pixelWidth, scene.pixelHeight]).toEqual([1080, 1350]);
  });

  it('turns a link into underlined text and a link area over it', () => {
    const text = scene.items.find((i) => i.type === 'text' && i.text.includes('the paper'));
    const link = scene.items.find((i) => i.type === 'link');
    expect(text?.type === 'text' && text.color).toBe('#7DD3FC');
    expect(link).toMatchObject({ href: 'https://example.org/p' });
    if (text?.type !== 'text' || link?.type !== 'link') return;
    expect(link.x).toBeCloseTo(text.x, 3);
    expect(link.w).toBeCloseTo(text.width, 3);
    const underline = scene.items.find((i) => i.type === 'rect' && Math.abs(i.x - text.x) < 0.01 && i.y > text.y && i.y < text.y + text.size * 0.3);
    expect(underline).toBeDefined();
  });

  it('draws emoji as Twemoji images the resources can resolve, sitting on the text line', () => {
    const emoji = scene.items.filter((i) => i.type === 'image' && i.key.startsWith('emoji:'));
    expect(emoji.map((e) => (e.type === 'image' ? e.key : ''))).toEqual(['emoji:1f680', 'emoji:1f469-1f3fd-200d-1f4bb']);
    const resources = paintResources(engine, new Map());
    for (const e of emoji) if (e.type === 'image') expect(resources.image(e.key)?.mime).toBe('image/svg+xml');
    const line = scene.items.find((i) => i.type === 'text' && i.text.includes('now'));
    if (line?.type === 'text' && emoji[0].type === 'image') {
      expect(emoji[0].y).toBeLessThan(line.y);
      expect(emoji[0].y + emoji[0].h).toBeGreaterThan(line.y);
    }
  });
});
