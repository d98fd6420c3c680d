import type { Deck } from '../model/deck.js';
import type { Design } from '../design/types.js';
import type { DesignInput } from '../design/resolve.js';
import type { LaidOutDeck, Warning } from '../layout/types.js';
import type { Scene } from '../scene/types.js';
import type { TextEngine } from '../text/types.js';
import type { LoadImageOptions } from './images.js';
import type { OutputFile, OutputFormat } from './paint-pages.js';

export type { OutputFile, OutputFormat } from './paint-pages.js';

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
  /** One PDF, one ZIP, or one file per page. */
  files: OutputFile[];
  warnings: Warning[];
  timings: Record<string, number>;
}
