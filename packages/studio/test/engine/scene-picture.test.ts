import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildScene, layoutDeck, paintSvg, planDeck, resolveDesign, type PaintResources, type Scene } from '../../../spool/src/core.js';
import { threadFileToDocument } from '../../../spool/src/sources/thread-file.js';
import { defaultTextEngine } from '../../../spool/src/node/fonts.js';
import { FaceNotLoaded, type FontLibrary } from '../../src/engine/font-library.js';
import { scenePicture, type ScenePainters } from '../../src/engine/scene-raster.js';

const sample = path.resolve(fileURLToPath(import.meta.url), '../../../../spool/samples/spool-sample.json');
const { document } = threadFileToDocument(JSON.parse(readFileSync(sample, 'utf8')), 'spool-sample.json');
const engine = defaultTextEngine();
const laidOut = layoutDeck(planDeck(document, resolveDesign({ brand: { name: 'Spool', handle: 'spoolstudio' } })), engine, () => ({ width: 1200, height: 800 }));
const scene: Scene = buildScene(laidOut, laidOut.pages[1]);
const svgOf = (s: Scene, r: PaintResources) => paintSvg(s, r, { links: false });

/** The engine's faces, with one held back until it is fetched, as the studio's font library does. */
function oneFaceOnItsWay() {
  const key = firstFaceKey(scene);
  const state = { here: false, fetches: 0 };
  const library = { load: async () => { state.fetches++; state.here = true; } } as unknown as FontLibrary;
  const resources: PaintResources = {
    face: (k) => {
      if (k === key && !state.here) throw new FaceNotLoaded('sans', 400, true, library);
      return engine.face(k);
    },
    image: () => undefined,
  };
  return { resources, state };
}

function firstFaceKey(s: Scene): string {
  const keys = new Set<string>();
  const resources: PaintResources = { face: (k) => (keys.add(k), engine.face(k)), image: () => undefined };
  svgOf(s, resources);
  const [key] = keys;
  if (!key) throw new Error('the sample slide names no face');
  return key;
}

describe('a slide’s small picture', () => {
  it('waits for a face still on its way and is painted once it is here, without a canvas', async () => {
    const { resources, state } = oneFaceOnItsWay();
    const painters: ScenePainters = { svg: svgOf };
    const first = await scenePicture(scene, resources, 76, painters);
    expect('face' in first).toBe(true);
    if (!('face' in first)) return;
    await first.face.load();
    expect(state.fetches).toBe(1);
    const second = await scenePicture(scene, resources, 76, painters);
    expect('blob' in second && second.blob.type).toBe('image/svg+xml');
    if ('blob' in second) expect(await second.blob.text()).toMatch(/^<svg[\s\S]*<\/svg>$/);
  });

  it('gives back the face a canvas paint could not find, rather than painting the SVG without it', async () => {
    const { resources } = oneFaceOnItsWay();
    let svgs = 0;
    const painters: ScenePainters = {
      raster: async (s, r) => (svgOf(s, r), new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' })),
      svg: (s, r) => (svgs++, svgOf(s, r)),
    };
    const picture = await scenePicture(scene, resources, 76, painters);
    expect('face' in picture && picture.face.message).toMatch(/not loaded yet/);
    expect(svgs).toBe(0);
  });

  it('falls back to the SVG when the canvas fails for another reason, and lets an SVG error through', async () => {
    const resources: PaintResources = { face: (k) => engine.face(k), image: () => undefined };
    const broken: ScenePainters = { raster: async () => { throw new Error('no 2D canvas'); }, svg: svgOf };
    const picture = await scenePicture(scene, resources, 76, broken);
    expect('blob' in picture && picture.blob.type).toBe('image/svg+xml');
    const failing: ScenePainters = { svg: () => { throw new TypeError('scene item 3 has no kind'); } };
    await expect(scenePicture(scene, resources, 76, failing)).rejects.toThrow('scene item 3 has no kind');
  });
});
