import type { Highlighter } from '../formats/highlight.js';
import type { MathTypesetter } from '../formats/math.js';
import type { Design, Theme } from '../design/types.js';
import type { TextEngine } from '../text/types.js';
import type { Emphasis, Fonts } from './styles.js';
import type { ImageLookup } from './types.js';

/** Everything a template needs besides the slide: measured in layout units. */
export interface LayoutContext {
  engine: TextEngine;
  design: Design;
  theme: Theme;
  fonts: Fonts;
  images: ImageLookup;
  width: number;
  height: number;
  /** The content box that header and footer leave free. */
  box: Box;
  /** Ordinal of the slide among content slides (numbered template), 1-based. */
  ordinal: number;
  /** Ordinal among section slides, 1-based. */
  section: number;
  /** Accent colour after the brand kit's override. */
  accent: string;
  /** How display text marks a key phrase (a bold span): the accent colour, or a band of it. */
  emphasis: Emphasis;
  /** The slide's text alignment: its own, else the deck's. */
  align: 'start' | 'center';
  /** Colours code blocks, when the host loaded the highlighter. */
  highlight?: Highlighter;
  /** Typesets display formulas, when the host loaded MathJax. */
  math?: MathTypesetter;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Side margin of every slide: the safe area nothing is drawn outside of (backgrounds aside). */
export const MARGIN = 36;
