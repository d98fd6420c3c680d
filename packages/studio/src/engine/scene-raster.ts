import { paintSvg, type PaintResources, type Scene } from 'spool/core';
import { FaceNotLoaded } from './font-library.js';
import { paintCanvas, sceneBitmaps } from './paint-canvas.js';

/** Sharper than this is never seen at thumbnail sizes. */
const MAX_SCALE = 3;

/** True where the page can paint into an off-screen canvas and keep the result as a PNG. */
export function canRasterise(): boolean {
  return typeof OffscreenCanvas === 'function' && typeof Path2D === 'function' && typeof createImageBitmap === 'function';
}

/**
 * The scene as a PNG `cssWidth` CSS pixels wide, times the screen's pixel ratio, for a small
 * picture of a slide (see paint-canvas.ts for why not the SVG).
 */
export async function rasteriseScene(scene: Scene, resources: PaintResources, cssWidth: number): Promise<Blob> {
  const images = await sceneBitmaps(scene, resources);
  const scale = Math.min(MAX_SCALE, Math.max(1, globalThis.devicePixelRatio || 1));
  const width = Math.max(1, Math.round(cssWidth * scale));
  const height = Math.max(1, Math.round((width * scene.height) / scene.width));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser has no 2D canvas');
  paintCanvas(context, width, height, scene, resources, images);
  return canvas.convertToBlob({ type: 'image/png' });
}

/** How a scene becomes a picture: on a canvas where the page has one, and as its SVG. */
export interface ScenePainters {
  raster?: (scene: Scene, resources: PaintResources, cssWidth: number) => Promise<Blob>;
  svg(scene: Scene, resources: PaintResources): string;
}

const PAINTERS: ScenePainters = {
  raster: canRasterise() ? rasteriseScene : undefined,
  svg: (scene, resources) => paintSvg(scene, resources, { links: false }),
};

/** A picture of the scene, or the face it names that is still on its way (to fetch, then paint again). */
export type ScenePicture = { blob: Blob } | { face: FaceNotLoaded };

/**
 * The scene as a picture for an image element: a PNG where the page can paint one, its SVG where it
 * cannot or the canvas failed. A face not here yet (a page opened again after a platform's sign-in,
 * on a busy machine) comes back as such rather than thrown; any other error from the SVG is thrown.
 */
export async function scenePicture(scene: Scene, resources: PaintResources, cssWidth: number, painters: ScenePainters = PAINTERS): Promise<ScenePicture> {
  if (painters.raster) {
    try {
      return { blob: await painters.raster(scene, resources, cssWidth) };
    } catch (err) {
      if (err instanceof FaceNotLoaded) return { face: err };
    }
  }
  try {
    return { blob: new Blob([painters.svg(scene, resources)], { type: 'image/svg+xml' }) };
  } catch (err) {
    if (err instanceof FaceNotLoaded) return { face: err };
    throw err;
  }
}
