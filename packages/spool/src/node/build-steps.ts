/**
 * The pipeline from a planned deck to files, as a literal list of named steps. Each step reads what the
 * steps before it made and adds its own part to the state; the runner times each one under its name
 * (the build's `timings`) and checks the time limit between them. Layout itself is the one loop in
 * `layout/layout-deck.ts`, which the studio's incremental preview runs too.
 */
import type { Deck } from '../model/deck.js';
import type { Highlighter } from '../formats/highlight.js';
import type { MathTypesetter } from '../formats/math.js';
import type { LaidOutDeck, Warning } from '../layout/types.js';
import { layoutDeck } from '../layout/layout-deck.js';
import { buildScenes } from '../draw/build-scene.js';
import type { PaintResources, Scene } from '../scene/types.js';
import type { TextEngine } from '../text/types.js';
import { defaultTextEngine } from './fonts.js';
import { deckImageRefs, imageLookup, loadImages, paintResources, readyImages, type StagedImages } from './resources.js';
import { platformWarnings } from './warnings.js';
import { paintFiles, preloadPainter, type OutputFile } from './paint-pages.js';
import type { RenderOptions } from './build-types.js';

/** What the steps have made so far. */
export interface BuildState {
  readonly deck: Deck;
  readonly options: RenderOptions;
  /** Throws once the build has run past its time limit. */
  readonly checkpoint: () => void;
  engine?: TextEngine;
  /** Loaded only for a deck that shows code. */
  highlight?: Highlighter;
  math?: MathTypesetter;
  staged?: StagedImages;
  imageWarnings?: Warning[];
  laidOut?: LaidOutDeck;
  scenes?: Scene[];
  resources?: PaintResources;
  warnings?: Warning[];
  files?: OutputFile[];
}

export interface BuildStep {
  name: string;
  /** Whether the step's time is reported in the build's timings. */
  timed: boolean;
  run(state: BuildState): void | Promise<void>;
}

/** A part a step needs from an earlier one; missing means the list is out of order. */
export function made<K extends keyof BuildState>(state: BuildState, key: K): NonNullable<BuildState[K]> {
  const value = state[key];
  if (value === undefined || value === null) throw new Error(`build steps out of order: ${String(key)} is not made yet`);
  return value as NonNullable<BuildState[K]>;
}

export const BUILD_STEPS: readonly BuildStep[] = [
  {
    name: 'fonts',
    timed: true,
    async run(state) {
      const format = state.options.format ?? 'pdf';
      // A video's frames are JPEG pages; its encoder loads only for a video.
      preloadPainter(format === 'mp4' ? 'jpeg' : format);
      if (format === 'mp4') import('./video.js').catch(() => undefined);
      state.engine = state.options.engine ?? (await defaultTextEngine());
    },
  },
  {
    name: 'images',
    timed: true,
    async run(state) {
      const { options } = state;
      // Document places first: an error then names the post the user wrote, not the slide it became.
      const refs = [...(options.extraImages ?? []), ...deckImageRefs(state.deck)];
      const loaded = await loadImages(refs, options.baseDir ?? process.cwd(), options.source, options.images);
      state.staged = loaded.staged;
      state.imageWarnings = loaded.warnings;
    },
  },
  {
    name: 'code',
    timed: false,
    async run(state) {
      // The highlighter and its grammars cost a cold process tens of milliseconds: only code pays.
      if (state.deck.slides.some((s) => s.blocks.some((b) => b.type === 'code'))) state.highlight = (await import('../formats/highlight.js')).highlightCode;
      // MathJax takes a third of a second to load: only a deck with a display formula waits for it.
      if (state.deck.slides.some((s) => s.blocks.some((b) => b.type === 'math'))) state.math = await (await import('../formats/math.js')).loadMathTypesetter();
    },
  },
  {
    name: 'layout',
    timed: true,
    run(state) {
      const options = { checkpoint: state.checkpoint, ...(state.highlight ? { highlight: state.highlight } : {}), ...(state.math ? { math: state.math } : {}) };
      state.laidOut = layoutDeck(state.deck, made(state, 'engine'), imageLookup(made(state, 'staged')), options);
    },
  },
  {
    name: 'scene',
    timed: true,
    run(state) {
      state.scenes = buildScenes(made(state, 'laidOut'));
    },
  },
  {
    name: 'convert',
    timed: true,
    async run(state) {
      // Conversions (WebP to PNG, downscaling) ran during layout; painting needs their bytes.
      state.resources = paintResources(made(state, 'engine'), await readyImages(made(state, 'staged')));
    },
  },
  {
    name: 'warnings',
    timed: false,
    run(state) {
      const imageWarnings = made(state, 'imageWarnings');
      // An image left out is said once, where it was named in the source, not again for each slide.
      const leftOut = new Set(imageWarnings.map((w) => w.src));
      const layoutWarnings = made(state, 'laidOut').warnings.filter((w) => !(w.code === 'image-missing' && leftOut.has(w.src)));
      const platform = platformWarnings(made(state, 'scenes').length, state.deck.design, state.options.format ?? 'pdf');
      state.warnings = [...imageWarnings, ...layoutWarnings, ...platform];
    },
  },
  {
    name: 'paint',
    timed: true,
    async run(state) {
      const { options } = state;
      const format = options.format ?? 'pdf';
      if (format === 'mp4') {
        const { paintVideo } = await import('./video.js');
        state.files = await paintVideo(state.deck, made(state, 'scenes'), made(state, 'resources'), options, state.checkpoint);
        return;
      }
      state.files = await paintFiles(state.deck, made(state, 'scenes'), made(state, 'resources'), {
        format,
        jpegQuality: options.jpegQuality,
        page: options.page,
        zip: options.zip,
        onProgress: options.onProgress,
        checkpoint: state.checkpoint,
      });
    },
  },
];

/** Runs the steps in order, timing each; the time limit is checked between steps and inside the long ones. */
export async function runSteps(state: BuildState, steps: readonly BuildStep[], timings: Record<string, number>): Promise<void> {
  for (const step of steps) {
    state.checkpoint();
    const start = performance.now();
    await step.run(state);
    if (step.timed) timings[step.name] = round(performance.now() - start);
  }
}

export function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
