import type { SpoolDocument } from '../model/document.js';
import type { Deck } from '../model/deck.js';
import type { Design } from '../design/types.js';
import { resolveDesign } from '../design/resolve.js';
import { planDeck } from '../plan/plan-deck.js';
import { imageRefs } from './resources.js';
import { BUILD_STEPS, made, round, runSteps, type BuildState } from './build-steps.js';
import type { BuildOptions, BuildResult, RenderOptions } from './build-types.js';

export type { BuildFormat, BuildOptions, BuildResult, OutputFile, OutputFormat, RenderOptions, VideoOptions } from './build-types.js';

/** The default of `timeLimitMs`, the same as the server's render time limit. */
export const DEFAULT_BUILD_TIME_LIMIT_MS = 30_000;
/**
 * The default for a video: x264 takes about a fifth of a second of CPU for each second of video,
 * whatever is on the slides, and 20 slides at the default pace are a minute of video.
 */
export const DEFAULT_VIDEO_TIME_LIMIT_MS = 120_000;

/** A build that ran past its time limit. */
export class TimeLimitError extends Error {
  override name = 'TimeLimitError';
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

/** A planned (or hand-edited) deck in, a finished carousel out: the steps of `BUILD_STEPS`, in order. */
export async function renderDeck(deck: Deck, options: RenderOptions = {}): Promise<BuildResult> {
  const limitMs = options.timeLimitMs ?? (options.format === 'mp4' ? DEFAULT_VIDEO_TIME_LIMIT_MS : DEFAULT_BUILD_TIME_LIMIT_MS);
  const state: BuildState = { deck, options, checkpoint: deadline(limitMs) };
  const timings: Record<string, number> = {};
  await runSteps(state, BUILD_STEPS, timings);
  return {
    deck,
    laidOut: made(state, 'laidOut'),
    scenes: made(state, 'scenes'),
    files: made(state, 'files'),
    warnings: made(state, 'warnings'),
    timings,
  };
}

/** A check that throws a TimeLimitError once `limitMs` has passed since it was made. */
function deadline(limitMs: number): () => void {
  const stopAt = performance.now() + limitMs;
  return () => {
    if (performance.now() <= stopAt) return;
    const shown = limitMs >= 1000 ? `${Math.round(limitMs / 100) / 10} s` : `${Math.round(limitMs)} ms`;
    throw new TimeLimitError(`the carousel took longer than the ${shown} limit to build and was stopped; try a shorter or simpler source, or a longer --time-limit`);
  };
}

function isDesign(value: BuildOptions['design']): value is Design {
  return !!value && typeof (value as Design).ratio === 'object';
}
