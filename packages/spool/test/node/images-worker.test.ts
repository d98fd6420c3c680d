import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { readImageHeader } from '../../src/node/image-header.js';
import { imageFromBytes } from '../../src/node/images.js';
import { runSharpHere } from '../../src/node/sharp-jobs.js';
import { runSharpInWorker, stopSharpWorker } from '../../src/node/sharp-worker.js';
import { splitPngWithSharp, splitTransparentPngs } from '../../src/paint/pdf/pdf-alpha.js';
import type { ImageResource, PaintResources, Scene } from '../../src/scene/types.js';

const MEDIA = fileURLToPath(new URL('../fixtures/media/', import.meta.url));
const webp = () => new Uint8Array(readFileSync(`${MEDIA}kd-16.webp`));
const rgbaPng = () => new Uint8Array(readFileSync(`${MEDIA}kd-7.png`));

afterAll(() => stopSharpWorker());

/** One page showing each resource, and resources that know only those. */
function showing(...images: ImageResource[]): { scenes: Scene[]; resources: PaintResources } {
  const byKey = new Map(images.map((image, i) => [`k${i}`, image]));
  const items = [...byKey.keys()].map((key) => ({ type: 'image' as const, key, x: 0, y: 0, w: 10, h: 10, fit: 'cover' as const }));
  const scenes = [{ width: 100, height: 100, pixelWidth: 100, pixelHeight: 100, items }] as Scene[];
  const resources = { image: (key: string) => byKey.get(key), face: () => undefined } as unknown as PaintResources;
  return { scenes, resources };
}

describe('the image worker', () => {
  it('converts the fixture WebP to the same PNG as this thread does', async () => {
    const job = { bytes: webp(), format: 'webp', maxPixels: 50_000_000 };
    const [here, there] = await Promise.all([runSharpHere('convert', job), runSharpInWorker('convert', job)]);
    expect(there).toMatchObject({ mime: 'image/png', width: 1600, height: 900 });
    expect(Buffer.from(there.bytes).equals(Buffer.from(here.bytes))).toBe(true);

    // Through the loader too (distinct limits, so neither call is served from the other's cache).
    const inline = await imageFromBytes(webp(), 'kd-16.webp', { maxPixels: 50_000_001 });
    const offThread = await imageFromBytes(webp(), 'kd-16.webp', { worker: true });
    expect(offThread).toEqual({ ...inline, bytes: offThread.bytes });
    expect(Buffer.from(offThread.bytes).equals(Buffer.from(inline.bytes))).toBe(true);
  });

  it('splits the fixture RGBA PNG into the same colour and alpha PNGs as this thread does', async () => {
    const here = await splitPngWithSharp(sharp, rgbaPng());
    const there = await runSharpInWorker('split', rgbaPng());
    expect(Buffer.from(there.colour).equals(here.colour)).toBe(true);
    expect(Buffer.from(there.alpha).equals(here.alpha)).toBe(true);

    // A PNG loaded with `worker` is split there when a PDF shows it; one loaded without, here.
    const offThread = await imageFromBytes(rgbaPng(), 'kd-7.png', { worker: true, maxPixels: 50_000_002 });
    const inline = await imageFromBytes(rgbaPng(), 'kd-7.png', { maxPixels: 50_000_003 });
    expect(offThread.bytes).not.toBe(inline.bytes);
    const { scenes, resources } = showing(offThread, inline);
    const splits = await splitTransparentPngs(scenes, resources);
    const a = splits.get(offThread)!;
    const b = splits.get(inline)!;
    expect(Buffer.isBuffer(a.colour) && Buffer.isBuffer(a.alpha)).toBe(true);
    expect(a.colour.equals(b.colour)).toBe(true);
    expect(a.alpha.equals(b.alpha)).toBe(true);
    expect(a.colour.equals(here.colour)).toBe(true);
    expect(readImageHeader(a.colour)).toMatchObject({ format: 'png', width: 1000, height: 1000, bitDepth: 8, colourType: 2, interlaced: false });
    expect(readImageHeader(a.alpha)).toMatchObject({ format: 'png', width: 1000, height: 1000, bitDepth: 8, colourType: 0, interlaced: false });
  });

  it('reads headers sharp has to read, as this thread does', async () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"/>');
    await expect(runSharpInWorker('header', svg)).resolves.toEqual(await runSharpHere('header', svg));
    const img = await imageFromBytes(svg, 'logo.svg', { worker: true });
    expect(img).toMatchObject({ mime: 'image/png', width: 1080, height: 540 });
    await expect(imageFromBytes(Buffer.from('hello'), 'notes.txt', { worker: true })).rejects.toThrow(/^notes\.txt: not a readable image/);
  });

  it('reports a conversion that fails in the worker with the image name, as this thread does', async () => {
    // A WebP header that promises 1600x900, then garbage.
    const broken = Buffer.concat([Buffer.from(webp().subarray(0, 40)), Buffer.alloc(4000, 7)]);
    expect(readImageHeader(broken)).toMatchObject({ format: 'webp', width: 1600, height: 900 });
    const inline = await imageFromBytes(broken, 'broken.webp').then(
      () => 'converted',
      (err: Error) => err.message,
    );
    const offThread = await imageFromBytes(broken, 'broken.webp', { worker: true }).then(
      () => 'converted',
      (err: Error) => err.message,
    );
    expect(inline).toMatch(/^broken\.webp: could not convert the image \(.+\)$/);
    expect(offThread).toBe(inline);
  });

  it('fails the images a stopped worker had, naming each, and starts afresh for the next', async () => {
    const pending = imageFromBytes(webp(), 'kd-16.webp', { worker: true, maxPixels: 50_000_004 });
    const failed = expect(pending).rejects.toThrow('kd-16.webp: could not convert the image (the image worker was stopped)');
    await stopSharpWorker();
    await failed;
    const again = await imageFromBytes(webp(), 'kd-16.webp', { worker: true, maxPixels: 50_000_005 });
    expect(again).toMatchObject({ mime: 'image/jpeg', width: 1600, height: 900 });
  });
});
