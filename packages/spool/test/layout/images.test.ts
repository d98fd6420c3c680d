import { describe, expect, it } from 'vitest';
import { isPhotograph, placeImages } from '../../src/layout/images.js';
import { deckContext } from '../../src/layout/layout-deck.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { defaultDesign } from '../../src/design/defaults.js';
import type { LaidImage, LaidRect } from '../../src/layout/types.js';
import { fakeEngine } from '../helpers/fake-engine.js';
import { doc, para, post } from '../helpers/documents.js';

const sizes: Record<string, { width: number; height: number }> = {
  'wide.png': { width: 800, height: 400 }, 'tall.png': { width: 300, height: 900 }, 'photo.jpg': { width: 1100, height: 1000 }, 'square.png': { width: 900, height: 900 }, 'portrait.jpg': { width: 600, height: 1000 }, 'three-two.jpg': { width: 900, height: 600 },
};
const ctx = deckContext(planDeck(doc([post('1', [para('Hook')])]), defaultDesign()), fakeEngine(), (src) => sizes[src]);
const box = { x: 36, y: 100, w: 360, h: 300 };
const media = (...srcs: string[]) => srcs.map((src) => ({ type: 'image' as const, src, alt: src }));
const placed = (...srcs: string[]) => placeImages(ctx, media(...srcs), box);
const place = (...srcs: string[]) => placed(...srcs).filter((e): e is LaidImage => e.type === 'image');

describe('placeImages', () => {
  it('shows one wide image whole across the box width, at the top', () => {
    expect(place('wide.png')).toEqual([{ type: 'image', src: 'wide.png', x: 36, y: 100, w: 360, h: 180, fit: 'contain', radius: 12, alt: 'wide.png' }]);
  });

  it('fits one tall image to the box height, centred across it', () => {
    const [img] = place('tall.png');
    expect(img.h).toBe(300);
    expect(img.w).toBe(100);
    expect(img.x).toBe(36 + (360 - 100) / 2);
  });

  it('tiles two to four images in two columns of squares or shorter, cropping those the crop barely cuts', () => {
    const two = place('photo.jpg', 'square.png');
    expect(two.map((i) => i.fit)).toEqual(['cover', 'cover']);
    expect(two[0].y).toBe(two[1].y);
    expect(two[1].x).toBeGreaterThan(two[0].x + two[0].w);
    expect(two[1].x + two[1].w).toBeCloseTo(36 + 360, 10);
    const four = place('wide.png', 'tall.png', 'wide.png', 'tall.png');
    for (const tile of four) {
      expect(tile.w).toBe(four[0].w);
      expect(tile.y + tile.h).toBeLessThanOrEqual(100 + 300);
    }
    expect(new Set(four.map((t) => `${t.x},${t.y}`)).size).toBe(4);
  });

  it('shows an image a crop would cut deep into whole, on a card the size of its tile', () => {
    const [card, image] = placed('wide.png', 'square.png');
    expect(card).toMatchObject({ type: 'rect', fill: ctx.theme.surface });
    expect(image).toMatchObject({ type: 'image', src: 'wide.png', fit: 'contain' });
    if (card.type !== 'rect' || image.type !== 'image') return;
    expect(image.x).toBeGreaterThan(card.x);
    expect(image.x + image.w).toBeLessThan(card.x + card.w);
  });

  it('lets the first of three images span the left column, as X shows them', () => {
    const [first, second, third] = place('portrait.jpg', 'photo.jpg', 'photo.jpg');
    expect(first.x).toBe(36);
    expect(second.x).toBe(third.x);
    expect(first.y).toBe(second.y);
    expect(first.y + first.h).toBeCloseTo(third.y + third.h, 10);
  });

  it('lets a wide first of three images span the top row instead, the other two side by side under it', () => {
    // In the left column's tall tile a wide picture would be a strip on an empty card.
    // Each tile: the card of a picture shown whole, or the picture cropped to it.
    const tiles = placed('wide.png', 'photo.jpg', 'photo.jpg').filter((e): e is LaidRect | LaidImage => e.type === 'rect' || (e.type === 'image' && e.fit === 'cover'));
    const [lead, second, third] = tiles;
    expect(lead).toMatchObject({ x: 36, y: 100, w: 360 });
    expect(lead.h).toBeGreaterThanOrEqual(300 * 0.45);
    expect([second, third].map((t) => t.type === 'image' && t.fit)).toEqual(['cover', 'cover']);
    expect(second.y).toBe(third.y);
    expect(second.y).toBeGreaterThan(lead.y + lead.h);
    expect(second.x).toBe(36);
    expect(third.x + third.w).toBeCloseTo(36 + 360, 10);
    expect(third.y + third.h).toBeLessThanOrEqual(100 + 300);
  });

  it('crops photographs into grid tiles deeper than diagrams, which it shows whole', () => {
    // Two 3:2 pictures in square tiles: a crop takes a third of each, past what a diagram may lose.
    const lookup = (photo: boolean) => (src: string) => (sizes[src] ? { ...sizes[src], ...(photo ? { photo: true } : {}) } : undefined);
    const tiles = (photo: boolean) =>
      placeImages(deckContext(planDeck(doc([post('1', [para('Hook')])]), defaultDesign()), fakeEngine(), lookup(photo)), media('three-two.jpg', 'three-two.jpg'), { x: 36, y: 100, w: 360, h: 300 })
        .filter((e): e is LaidImage => e.type === 'image')
        .map((e) => e.fit);
    expect(tiles(false)).toEqual(['contain', 'contain']);
    expect(tiles(true)).toEqual(['cover', 'cover']);
  });

  it('takes an image for a photograph by its file’s bytes per pixel, never an SVG', () => {
    // The fixtures: a diagram JPEG at 0.035 bytes a pixel, a photograph at 0.115.
    expect(isPhotograph(28_350, 1200, 675, 'image/jpeg')).toBe(false);
    expect(isPhotograph(31_531, 640, 427, 'image/jpeg')).toBe(true);
    expect(isPhotograph(5_000_000, 1000, 1000, 'image/svg+xml')).toBe(false);
    expect(isPhotograph(100, 0, 0, 'image/png')).toBe(false);
  });

  it('shows at most four and skips images the host could not load', () => {
    expect(place('wide.png', 'wide.png', 'wide.png', 'wide.png', 'wide.png')).toHaveLength(4);
    expect(place('missing.png', 'tall.png')).toHaveLength(1);
    expect(place('missing.png')).toEqual([]);
  });

  it('draws nothing in a box too short to show an image', () => {
    expect(placeImages(ctx, media('wide.png'), { ...box, h: 20 })).toEqual([]);
  });
});

describe('transparent pictures', () => {
  const dark = deckContext(planDeck(doc([post('1', [para('Hook')])]), { ...defaultDesign(), theme: 'midnight' }), fakeEngine(), (src) => (src === 'chart.png' ? { width: 900, height: 900, alpha: true } : sizes[src]));
  const light = { ...dark, theme: ctx.theme };
  it('sets a picture with transparency on a white card on a dark page, and alone on a light one', () => {
    const [card, image] = placeImages(dark, media('chart.png'), box);
    expect(card).toMatchObject({ type: 'rect', fill: '#FFFFFF' });
    expect(image).toMatchObject({ type: 'image', src: 'chart.png' });
    if (card.type !== 'rect' || image.type !== 'image') return;
    expect(image.x).toBeGreaterThan(card.x);
    expect(image.y + image.h).toBeLessThan(card.y + card.h);
    expect(placeImages(light, media('chart.png'), box).map((e) => e.type)).toEqual(['image']);
    // An opaque picture needs no card anywhere.
    expect(placeImages(dark, media('square.png'), box).map((e) => e.type)).toEqual(['image']);
  });
});
