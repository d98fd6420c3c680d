/**
 * The paint step's two ways out: one PDF for the whole deck, or one file per page (PNG, JPEG or SVG),
 * painted side by side on every core, optionally packed into one ZIP.
 */
import { availableParallelism } from 'node:os';
import type { Deck } from '../model/deck.js';
import type { PaintResources, Scene } from '../scene/types.js';

export type OutputFormat = 'pdf' | 'png' | 'jpeg' | 'svg';

export interface OutputFile {
  name: string;
  bytes: Uint8Array;
}

export interface PaintOptions {
  format: OutputFormat;
  jpegQuality?: number;
  /** Paint only this page (1-based). */
  page?: number;
  zip?: boolean;
  onProgress?: (done: number, total: number) => void;
  checkpoint: () => void;
}

/**
 * Painters load on first use, so a PDF build never loads the PNG or SVG stack and the other way round.
 * Called before the slow steps: the import's parsing overlaps image decoding, which runs off the main thread.
 */
export function preloadPainter(format: OutputFormat): void {
  if (format === 'pdf') import('../paint/pdf/index.js').catch(() => undefined);
  else if (format === 'svg') import('../paint/svg/index.js').catch(() => undefined);
  else import('../paint/png/index.js').catch(() => undefined);
}

export async function paintFiles(deck: Deck, scenes: Scene[], resources: PaintResources, options: PaintOptions): Promise<OutputFile[]> {
  const { format, checkpoint } = options;
  if (format === 'pdf') {
    const author = deck.slides.find((s) => s.author)?.author;
    const { paintPdf } = await import('../paint/pdf/index.js');
    const meta = { title: deck.title, author: author ? `${author.name} (@${author.handle})` : undefined, subject: deck.url, keywords: 'carousel', ...(deck.lang ? { lang: deck.lang } : {}) };
    const pdf = await paintPdf(scenes, resources, meta, { checkpoint });
    options.onProgress?.(scenes.length, scenes.length);
    return [{ name: 'carousel.pdf', bytes: pdf }];
  }
  const paintPage = await pagePainter(format, options.jpegQuality);
  const width = String(scenes.length).length;
  const only = options.page;
  if (only !== undefined && !(Number.isInteger(only) && only >= 1 && only <= scenes.length)) {
    throw new RangeError(`page ${only}: the carousel has pages 1 to ${scenes.length}`);
  }
  const indices = only === undefined ? scenes.map((_, i) => i) : [only - 1];
  const name = (i: number) => `slide-${String(i + 1).padStart(Math.max(2, width), '0')}.${format === 'jpeg' ? 'jpg' : format}`;
  let done = 0;
  const pages = await mapLimit(indices, availableParallelism(), async (i): Promise<OutputFile> => {
    checkpoint();
    const bytes = await paintPage(scenes[i], resources);
    done++;
    options.onProgress?.(only ? scenes.length : done, scenes.length);
    return { name: name(i), bytes };
  });
  if (!options.zip) return pages;
  const { makeZip } = await import('../formats/zip.js');
  return [{ name: 'carousel.zip', bytes: makeZip(pages) }];
}

/** One page's painter: the SVG text itself, or PNG/JPEG rasterised from it. */
async function pagePainter(
  format: 'png' | 'jpeg' | 'svg',
  quality: number | undefined,
): Promise<(scene: Scene, resources: PaintResources) => Promise<Uint8Array>> {
  if (format === 'svg') {
    const { paintSvg } = await import('../paint/svg/index.js');
    return async (scene, resources) => new TextEncoder().encode(paintSvg(scene, resources));
  }
  const { paintPng } = await import('../paint/png/index.js');
  return (scene, resources) => paintPng(scene, resources, { format, quality });
}

/** Runs `fn` over items with at most `limit` at once, results in input order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next++;
      results[at] = await fn(items[at]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
