import type { SlideKind } from '../model/deck.js';
import type { Design, Theme } from '../design/types.js';
import type { TextLine } from '../text/types.js';

/** A line of shaped text placed on the page: x of its start and its baseline. */
export interface PlacedLine {
  x: number;
  baseline: number;
  line: TextLine;
  /**
   * How far an opening quotation mark hangs into the margin, left of the text's edge, so the words
   * line up under each other (optical margin alignment). The rest of the line starts at the edge.
   */
  hang?: number;
}

export interface LaidText {
  type: 'text';
  lines: PlacedLine[];
  /** Set on the header and footer, which every page repeats, so a page's own words can be told apart. */
  role?: 'chrome';
}

export interface LaidImage {
  type: 'image';
  src: string;
  x: number;
  y: number;
  w: number;
  h: number;
  fit: 'cover' | 'contain';
  /** Where a crop of a picture taller than its box falls (see the scene's ImageItem). */
  focusY?: number;
  radius: number;
  alt?: string;
}

export interface LaidRect {
  type: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  radius?: number;
  fill: string;
  opacity?: number;
  stroke?: { color: string; width: number };
}

/**
 * A typeset formula: outlines in em units (origin on the baseline at the left, y down), drawn at
 * `size` page units to the em with the baseline `ascent * size` below `y`.
 */
export interface LaidFormula {
  type: 'formula';
  x: number;
  y: number;
  w: number;
  h: number;
  size: number;
  ascent: number;
  paths: string[];
  fill: string;
  /** The formula's source, for the slide's alt text. */
  alt: string;
}

export type LaidElement = LaidText | LaidImage | LaidRect | LaidFormula;

export interface LaidOutPage {
  slideId: string;
  kind: SlideKind;
  layout: string;
  /** 0 for a slide's first page, 1.. for continuations of a long slide. */
  part: number;
  /** Body size actually used after shrinking, for the summary and tests. */
  bodySize: number;
  elements: LaidElement[];
}

export interface Warning {
  code: 'instagram-limit' | 'linkedin-limit' | 'image-missing' | 'text-shrunk' | 'text-continued' | 'source' | 'contrast' | 'missing-glyph';
  message: string;
  slideId?: string;
  /** The image an `image-missing` warning is about. */
  src?: string;
}

export interface LaidOutDeck {
  /** Page size in layout units. */
  width: number;
  height: number;
  design: Design;
  theme: Theme;
  pages: LaidOutPage[];
  warnings: Warning[];
}

/** Size of an image, known to the host before layout so fitting never needs its bytes. */
export interface ImageInfo {
  width: number;
  height: number;
  /** Has transparency: on a dark page it is set on a light card, as it was drawn to be seen. */
  alpha?: boolean;
  /** A photograph (see `isPhotograph`): a grid may crop it deeper than a chart or diagram. */
  photo?: boolean;
}

export type ImageLookup = (src: string) => ImageInfo | undefined;
