import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { importSource } from '../../src/sources/import.js';
import { buildCarousel } from '../../src/node/build.js';
import type { BuildResult } from '../../src/node/build.js';
import type { Scene, SceneItem } from '../../src/scene/types.js';
import type { SpoolDocument } from '../../src/model/document.js';
import { paintPng } from '../../src/paint/png/index.js';
import { defaultTextEngine } from '../../src/node/fonts.js';
import { imageLookup, loadImages, paintResources, readyImages, imageRefs } from '../../src/node/resources.js';

/**
 * Golden tests for the fixture threads: the scene of a few representative pages as JSON, and
 * their PNGs against committed baselines. Regenerate both with SPOOL_UPDATE_BASELINES=1 after a
 * deliberate change, then look at the new PNGs before committing them.
 */
const fixture = path.resolve(__dirname, '../fixtures/kd-thread.json');
/** Photographs, where the kd thread has diagrams: the two picture covers and a grid of three. */
const photoFixture = path.resolve(__dirname, '../fixtures/photo-thread.json');
const baselines = path.resolve(__dirname, '../fixtures/baselines');
const update = process.env.SPOOL_UPDATE_BASELINES === '1';
/** The fixture's pages in each composition auto layout gives it, by the first page of each. */
const FIXTURE_LAYOUTS = ['cover', 'statement', 'classic', 'section', 'image', 'steps', 'outro'];
/** Compositions the fixture has no post for, from posts written for them. */
const para = (text: string) => ({ type: 'paragraph' as const, spans: [{ text }] });
const author = { name: 'Ada Lovelace', handle: 'ada' };
const COMPOSED: SpoolDocument = {
  schemaVersion: 1,
  posts: [
    [para('Four compositions auto layout chooses')],
    [{ type: 'quote' as const, spans: [{ text: 'Simplicity is prerequisite for reliability.' }] }, para('— Edsger W. Dijkstra')],
    [para('87% of readers never reach slide ten of a carousel.'), para('Shorter decks get finished: put the payoff early.')],
    [{ type: 'paragraph' as const, spans: [{ text: 'Onboarding, rewritten', bold: true }] }, para('Before: fourteen steps, a video and a form to fill in.'), para('After: three steps and you are in.')],
    [para('Keep only what you use:'), { type: 'code' as const, lang: 'python', spans: [{ text: 'active = [u for u in users if u.is_active]\nprint(len(active), "active")  # count', code: true }] }],
  ].map((blocks, i) => ({ id: String(i + 1), author, blocks, media: [] })),
};
let built: BuildResult;
let composed: BuildResult;
/** The photo thread with the image-led cover (the Hubble deep field) and with the photo-led one. */
let imageCover: BuildResult;
let photoCover: BuildResult;

const firstOf = (result: BuildResult, layout: string) => {
  const at = result.laidOut.pages.findIndex((p) => p.layout === layout);
  if (at < 0) throw new Error(`no ${layout} page`);
  return at;
};

const round = (n: number) => Math.round(n * 100) / 100;

/** Numbers rounded to 1/100 unit; glyph runs summarised by their ids, which shaping decides. */
function normalise(item: SceneItem): unknown {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (k === 'glyphs' && Array.isArray(v)) out.glyphIds = v.map((g) => g.id).join(' ');
    else out[k] = typeof v === 'number' ? round(v) : v;
  }
  return out;
}

beforeAll(async () => {
  const imported = await importSource(fixture, {});
  built = await buildCarousel(imported.document, { baseDir: imported.baseDir, format: 'svg' });
  composed = await buildCarousel(COMPOSED, { format: 'svg' });
  const photos = await importSource(photoFixture, {});
  imageCover = await buildCarousel(photos.document, { baseDir: photos.baseDir, format: 'svg', design: { coverStyle: 'image' } });
  photoCover = await buildCarousel(photos.document, { baseDir: photos.baseDir, format: 'svg', design: { coverStyle: 'photo' } });
});

/**
 * Paints each page with the source's images (`loaded` one of them, to be sure they were found) and
 * compares it with its committed baseline, written when missing or when updating.
 */
async function matchBaselines(source: string, loaded: string, pages: [string, BuildResult, number][]) {
  const imported = await importSource(source, {});
  const engine = defaultTextEngine();
  const { staged } = await loadImages(imageRefs(imported.document, pages[0][1].deck.design), imported.baseDir!, path.basename(source));
  expect(imageLookup(staged)(loaded)).toBeDefined();
  const resources = paintResources(engine, await readyImages(staged));
  for (const [name, result, i] of pages) {
    const scene: Scene = result.scenes[i];
    const actual = PNG.sync.read(Buffer.from(await paintPng(scene, resources, { format: 'png' })));
    const file = path.join(baselines, `${name}.png`);
    if (update || !existsSync(file)) {
      mkdirSync(baselines, { recursive: true });
      writeFileSync(file, PNG.sync.write(actual));
      if (!update) throw new Error(`no baseline for ${name}: wrote ${file}; look at it and commit it`);
    }
    const expected = PNG.sync.read(readFileSync(file));
    expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
    const diff = pixelmatch(actual.data, expected.data, undefined, actual.width, actual.height, { threshold: 0.1 });
    // Anti-aliasing may move by a shade between builds; a layout, font or colour change moves thousands.
    expect(diff / (actual.width * actual.height), name).toBeLessThan(0.001);
  }
}

describe('fixture scenes (golden)', () => {
  it('match the committed scene snapshots for every composition', async () => {
    const scene = (result: BuildResult, i: number) => ({ page: i + 1, layout: result.laidOut.pages[i].layout, items: result.scenes[i].items.map(normalise) });
    const pages = FIXTURE_LAYOUTS.map((layout) => scene(built, firstOf(built, layout)));
    await expect(JSON.stringify(pages, null, 1)).toMatchFileSnapshot(path.join(baselines, 'kd-scenes.json'));
    const others = ['quote', 'stat', 'comparison', 'code'].map((layout) => scene(composed, firstOf(composed, layout)));
    await expect(JSON.stringify(others, null, 1)).toMatchFileSnapshot(path.join(baselines, 'composition-scenes.json'));
  });

  it('paint the same pixels as the committed PNG baselines', async () => {
    await matchBaselines(fixture, 'media/kd-1.jpg', [
      ...['cover', 'statement', 'steps', 'image'].map((layout): [string, BuildResult, number] => [`kd-${layout}`, built, firstOf(built, layout)]),
      ...['quote', 'stat', 'comparison', 'code'].map((layout): [string, BuildResult, number] => [`composition-${layout}`, composed, firstOf(composed, layout)]),
    ]);
  });
});

describe('photo fixture scenes (golden)', () => {
  const photoPages = (): [string, BuildResult, number][] => [
    ['photo-cover-image', imageCover, 0],
    ['photo-cover-photo', photoCover, 0],
    ['photo-image-grid', imageCover, firstOf(imageCover, 'image-grid')],
  ];

  it('set the covers and the grid on the photographs, as committed', async () => {
    expect(imageCover.laidOut.pages[0].elements[0]).toMatchObject({ type: 'image', src: 'media/photos/hubble-deep-field.jpg', fit: 'cover' });
    expect(photoCover.laidOut.pages[0].elements.find((e) => e.type === 'image')).toMatchObject({ src: 'media/photos/astronaut.jpg' });
    const grid = imageCover.laidOut.pages[firstOf(imageCover, 'image-grid')].elements
      // The grid's tiles, not the header's avatar.
      .filter((e) => e.type === 'image' && e.w > 100);
    expect(grid.map((e) => e.type === 'image' && e.src)).toEqual(['media/photos/rocket.jpg', 'media/photos/astronaut.jpg', 'media/photos/coffee.jpg']);
    const scenes = photoPages().map(([name, result, i]) => ({ name, page: i + 1, layout: result.laidOut.pages[i].layout, items: result.scenes[i].items.map(normalise) }));
    await expect(JSON.stringify(scenes, null, 1)).toMatchFileSnapshot(path.join(baselines, 'photo-scenes.json'));
  });

  it('paint the same pixels as the committed PNG baselines', async () => {
    await matchBaselines(photoFixture, 'media/photos/hubble-deep-field.jpg', photoPages());
  });
});
