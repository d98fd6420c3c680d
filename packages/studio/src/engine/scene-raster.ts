import type { PaintResources, Scene } from 'spool/core';
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
