import type { SpoolDocument } from '../model/document.js';
import type { Deck } from '../model/deck.js';
import type { Design } from '../design/types.js';
import type { DesignInput } from '../design/resolve.js';
import { resolveDesign } from '../design/resolve.js';
import { planDeck } from '../plan/plan-deck.js';
import { layoutDeck } from '../layout/layout-deck.js';
import type { LaidOutDeck, Warning } from '../layout/types.js';
import { availableParallelism } from 'node:os';
import { buildScenes } from '../draw/build-scene.js';
import type { PaintResources, Scene } from '../scene/types.js';
import { defaultTextEngine } from './fonts.js';
import type { TextEngine } from '../text/types.js';
import { deckImageRefs, imageLookup, imageRefs, loadImages, paintResources, readyImages } from './resources.js';
import type { LoadImageOptions } from './images.js';
import { platformWarnings } from './warnings.js';

export type OutputFormat = 'pdf' | 'png' | 'jpeg' | 'svg';

export interface BuildOptions {
  design?: DesignInput | Design;
  format?: OutputFormat;
  /** Folder that relative media paths in the document are resolved against. */
  baseDir?: string;
  /** Name used in error messages (the input file). */
  source?: string;
  /** Pack PNG/JPEG/SVG pages into one ZIP. */
  zip?: boolean;
  jpegQuality?: number;
  /** Paint only this page (1-based); the rest are still planned and laid out for numbering. */
  page?: number;
  images?: LoadImageOptions;
  onProgress?: (done: number, total: number) => void;
  /**
   * Longest the build may run, in milliseconds, before it stops with a TimeLimitError; default
   * 30 s, as in the server. Input is untrusted: a few kilobytes can ask for thousands of pages.
   */
  timeLimitMs?: number;
}

/** The default of `timeLimitMs`, the same as the server's render time limit. */
export const DEFAULT_BUILD_TIME_LIMIT_MS = 30_000;

/** A build that ran past its time limit. */
export class TimeLimitError extends Error {
  override name = 'TimeLimitError';
}

export interface OutputFile {
  name: string;
  bytes: Uint8Array;
}

export interface BuildResult {
  deck: Deck;
  laidOut: LaidOutDeck;
  scenes: Scene[];
  /** One PDF, one ZIP, or one file per page. */
  files: OutputFile[];
  warnings: Warning[];
  timings: Record<string, number>;
}

/** The library's one call: a document in, a finished carousel out. */
export async function buildCarousel(document: SpoolDocument, options: BuildOptions = {}): Promise<BuildResult> {
  const start = performance.now();
  const design = isDesign(options.design) ? options.design : resolveDesign(options.design ?? {});
  const deck = planDeck(document, design);
  const planMs = performance.now() - start;
  const result = await renderDeck(deck, { ...options, extraImages: imageRefs(document, design) });
  return { ...result, timings: { plan: round(planMs), ...result.timings } };
}

export interface RenderOptions extends Omit<BuildOptions, 'design'> {
  /** Images to load besides those the deck shows (e.g. every post's avatar). */
  extraImages?: { src: string; place: string }[];
  /** Text engine to lay out with; default the bundled fonts. Pass one over `fontsWith(...)` for uploaded fonts. */
  engine?: TextEngine;
}

/** A planned (or hand-edited) deck in, a finished carousel out. */
export async function renderDeck(deck: Deck, options: RenderOptions = {}): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  const time = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const value = await fn();
    timings[name] = round(performance.now() - start);
    return value;
  };
  const format = options.format ?? 'pdf';
  const design = deck.design;
  const limitMs = options.timeLimitMs ?? DEFAULT_BUILD_TIME_LIMIT_MS;
  const stopAt = performance.now() + limitMs;
  const checkpoint = () => {
    if (performance.now() > stopAt) {
      const shown = limitMs >= 1000 ? `${Math.round(limitMs / 100) / 10} s` : `${Math.round(limitMs)} ms`;
      throw new TimeLimitError(`the carousel took longer than the ${shown} limit to build and was stopped; try a shorter or simpler source, or a longer --time-limit`);
    }
  };
  // Painters load on first use, so a PDF build never loads the PNG or SVG stack and the other way round.
  // The import starts now: its parsing overlaps image decoding, which runs off the main thread.
  if (format === 'pdf') import('../paint/pdf/index.js').catch(() => undefined);
  else if (format === 'svg') import('../paint/svg/index.js').catch(() => undefined);
  else import('../paint/png/index.js').catch(() => undefined);
  const engine = await time('fonts', () => options.engine ?? defaultTextEngine());
  // Document places first: an error then names the post the user wrote, not the slide it became.
  const refs = [...(options.extraImages ?? []), ...deckImageRefs(deck)];
  const { staged, warnings: imageWarnings } = await time('images', () => loadImages(refs, options.baseDir ?? process.cwd(), options.source ?? 'input', options.images));
  const laidOut = await time('layout', () => layoutDeck(deck, engine, imageLookup(staged), { checkpoint }));
  checkpoint();
  const scenes = await time('scene', () => buildScenes(laidOut));
  // Conversions (WebP to PNG, downscaling) ran during layout; painting needs their bytes.
  const images = await time('convert', () => readyImages(staged));
  const resources = paintResources(engine, images);
  // An image left out is said once, where it was named in the source, not again for each slide.
  const leftOut = new Set(imageWarnings.map((w) => w.src));
  const layoutWarnings = laidOut.warnings.filter((w) => !(w.code === 'image-missing' && leftOut.has(w.src)));
  const warnings = [...imageWarnings, ...layoutWarnings, ...platformWarnings(scenes.length, design, format)];
  const files = await time('paint', async () => {
    if (format === 'pdf') {
      const author = deck.slides.find((s) => s.author)?.author;
      const { paintPdf } = await import('../paint/pdf/index.js');
      const meta = { title: deck.title, author: author ? `${author.name} (@${author.handle})` : undefined, subject: deck.url, keywords: 'carousel' };
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
  });
  return { deck, laidOut, scenes, files, warnings, timings };
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

/**
 * Runs `fn` over items with at most `limit` at once, results in input order. Rasterising and
 * encoding run off the main thread, so slides render side by side on every core.
 */
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

function isDesign(value: BuildOptions['design']): value is Design {
  return !!value && typeof (value as Design).ratio === 'object';
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

