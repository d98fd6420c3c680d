import type { Deck } from '../model/deck.js';
import type { Design } from '../design/types.js';
import type { DesignInput } from '../design/resolve.js';
import type { LaidOutDeck, Warning } from '../layout/types.js';
import type { Scene } from '../scene/types.js';
import type { TextEngine } from '../text/types.js';
import type { LoadImageOptions } from './images.js';
import type { OutputFile, OutputFormat } from './paint-pages.js';

export type { OutputFile, OutputFormat } from './paint-pages.js';

/** What a build can make: the painters' formats, or `mp4`, the slides as a video (needs ffmpeg installed). */
export type BuildFormat = OutputFormat | 'mp4';

export interface VideoOptions {
  /** How long each slide shows, 1 to 20 seconds; default 3. */
  secondsPerSlide?: number;
  /** Length of the cross-fade between slides, at most half a slide; default 0.4 s, 0 for hard cuts. */
  transitionSeconds?: number;
  /** The ffmpeg program; default `SPOOL_FFMPEG`, else `ffmpeg` on PATH. */
  ffmpeg?: string;
}

export interface BuildOptions {
  design?: DesignInput | Design;
  format?: BuildFormat;
  /** With `format: 'mp4'`: how the slides are timed, and which ffmpeg makes the video. */
  video?: VideoOptions;
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
   * 30 s, as in the server, and 2 minutes for a video. Input is untrusted: a few kilobytes can ask
   * for thousands of pages.
   */
  timeLimitMs?: number;
}

export interface RenderOptions extends Omit<BuildOptions, 'design'> {
  /** Images to load besides those the deck shows (e.g. every post's avatar). */
  extraImages?: { src: string; place: string }[];
  /** Text engine to lay out with; default the bundled fonts. Pass one over `fontsWith(...)` for uploaded fonts. */
  engine?: TextEngine;
}

export interface BuildResult {
  deck: Deck;
  laidOut: LaidOutDeck;
  scenes: Scene[];
  /** One PDF, one ZIP, one MP4, or one file per page. */
  files: OutputFile[];
  warnings: Warning[];
  timings: Record<string, number>;
}
