import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { importSource } from '../../src/sources/import.js';
import { buildCarousel } from '../../src/node/build.js';
import type { BuildResult } from '../../src/node/build.js';
import type { Scene, SceneItem } from '../../src/scene/types.js';
import { paintPng } from '../../src/paint/png/index.js';
import { defaultTextEngine } from '../../src/node/fonts.js';
import { imageLookup, loadImages, paintResources, readyImages, imageRefs } from '../../src/node/resources.js';

/**
 * Golden tests for the fixture thread: the scene of a few representative pages as JSON, and
 * their PNGs against committed baselines. Regenerate both with SPOOL_UPDATE_BASELINES=1 after a
 * deliberate change, then look at the new PNGs before committing them.
 */
const fixture = path.resolve(__dirname, '../fixtures/kd-thread.json');
const baselines = path.resolve(__dirname, '../fixtures/baselines');
const update = process.env.SPOOL_UPDATE_BASELINES === '1';
const PAGES = [0, 1, 3, 6, 19];
let built: BuildResult;

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
});

describe('fixture scenes (golden)', () => {
  it('match the committed scene snapshots for cover, content, section, image and list pages', async () => {
    const pages = PAGES.map((i) => ({ page: i + 1, kind: built.laidOut.pages[i].kind, items: built.scenes[i].items.map(normalise) }));
    await expect(JSON.stringify(pages, null, 1)).toMatchFileSnapshot(path.join(baselines, 'kd-scenes.json'));
  });

  it('paint the same pixels as the committed PNG baselines', async () => {
    const imported = await importSource(fixture, {});
    const engine = defaultTextEngine();
    const { staged } = await loadImages(imageRefs(imported.document, built.deck.design), imported.baseDir!, 'kd-thread.json');
    const resources = paintResources(engine, await readyImages(staged));
    expect(imageLookup(staged)('media/kd-1.jpg')).toBeDefined();
    for (const i of [0, 1, 6]) {
      const scene: Scene = built.scenes[i];
      const actual = PNG.sync.read(Buffer.from(await paintPng(scene, resources, { format: 'png' })));
      const file = path.join(baselines, `kd-page-${String(i + 1).padStart(2, '0')}.png`);
      if (update || !existsSync(file)) {
        mkdirSync(baselines, { recursive: true });
        writeFileSync(file, PNG.sync.write(actual));
        if (!update) throw new Error(`no baseline for page ${i + 1}: wrote ${file}; look at it and commit it`);
      }
      const expected = PNG.sync.read(readFileSync(file));
      expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
      const diff = pixelmatch(actual.data, expected.data, undefined, actual.width, actual.height, { threshold: 0.1 });
      // Anti-aliasing may move by a shade between builds; a layout, font or colour change moves thousands.
      expect(diff / (actual.width * actual.height), `page ${i + 1}`).toBeLessThan(0.001);
    }
  });
});
