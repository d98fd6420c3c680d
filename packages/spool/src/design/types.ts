/**
 * Design choices for a deck. Everything here is plain data so the studio can edit it
 * and presets can store it; ids refer to the registries in this folder.
 */

/** Width of every slide in layout units; sizes (title 36, body 18) are in these units. */
export const SLIDE_UNITS_WIDE = 432;

export interface Ratio {
  id: string;
  label: string;
  /** Exact export size in pixels. */
  width: number;
  height: number;
}

export type FontFamilyId = 'sans' | 'serif' | 'display' | 'mono' | (string & {});

export interface Typography {
  titleSize: number;
  bodySize: number;
  /** Header and footer text. */
  chromeSize: number;
  /** Defaults to the theme's pairing. */
  titleFont?: FontFamilyId;
  bodyFont?: FontFamilyId;
}

export interface PatternChoice {
  id: string;
  /** Defaults to the theme's pattern colour. */
  color?: string;
  /** 0..1; defaults to the theme's pattern opacity. */
  opacity?: number;
}

export interface BrandKit {
  name?: string;
  handle?: string;
  avatar?: string;
  logo?: string;
  website?: string;
  /** Overrides the theme's accent colour. */
  accent?: string;
  show: {
    header: boolean;
    footer: boolean;
    avatar: boolean;
    name: boolean;
    handle: boolean;
    logo: boolean;
    website: boolean;
    pageNumbers: boolean;
    swipeHint: boolean;
  };
}

export type EmphasisStyle = 'colour' | 'highlight';

export interface CallToAction {
  enabled: boolean;
  /** Up to three lines: a headline and two follow-ups. */
  lines: string[];
  /**
   * `follow` (default): the author's picture over the lines, the last as a button. `link`: the
   * source's address under the headline with a QR code to it, for a reader on another screen.
   * `subscribe`: the lines on an accent card, the last as the button, the brand's website under it.
   */
  style?: 'follow' | 'link' | 'subscribe';
}

export interface PlanOptions {
  /** A heading-only post becomes its own section slide, or the title of the slide that follows. */
  headings: 'section' | 'title';
  /** An image-only post becomes its own slide, or is applied to the slide before it. */
  images: 'slide' | 'attach';
  cover: boolean;
}

/** The user's own colours, from which a custom theme is derived (see design/custom-theme.ts). */
export interface CustomColors {
  background: string;
  /** A second background colour for a diagonal gradient. */
  backgroundTo?: string;
  text: string;
  accent: string;
}

/** How a slide's text sits: flush to its reading side (left, or right in Arabic and Hebrew) or centred. */
export type TextAlign = 'left' | 'center';

/** How the footer shows where the reader is: `3/12`, a bar that fills, or a dot a page. */
export type ProgressStyle = 'number' | 'bar' | 'dots';

export interface Design {
  ratio: Ratio;
  theme: string;
  layout: string;
  typography: Typography;
  pattern: PatternChoice;
  brand: BrandKit;
  cta: CallToAction;
  plan: PlanOptions;
  /** Default `number`. Shown when the brand kit shows page numbers. */
  progress?: ProgressStyle;
  /** The theme's fonts and pattern in these colours instead of its own. */
  colors?: CustomColors;
  /** Text alignment of content slides; default `left`. A slide may set its own. */
  align?: TextAlign;
  /**
   * The cover: `title` (default) the hook large with the author below; `image` the first post's
   * image full-bleed under a scrim with the hook on it; `photo` the author's picture large.
   */
  coverStyle?: CoverStyle;
  /**
   * How display text (statements, quotes, covers) marks a bold key phrase: `colour` (default) sets
   * it in the accent, `highlight` on a band of the accent mixed into the page, as with a highlighter.
   */
  emphasis?: EmphasisStyle;
}

export type CoverStyle = 'title' | 'image' | 'photo';

export interface Theme {
  id: string;
  label: string;
  background: string;
  /** Optional second background colour for a diagonal gradient. */
  backgroundTo?: string;
  /** Card surfaces (post-card layout, quotes). */
  surface: string;
  text: string;
  /** Titles and headings. */
  title: string;
  muted: string;
  accent: string;
  /** Text drawn on the accent colour (badges, numbers). */
  onAccent: string;
  link: string;
  pattern: { color: string; opacity: number };
  /** Default font pairing. */
  titleFont: FontFamilyId;
  bodyFont: FontFamilyId;
}

export interface LayoutTemplate {
  id: string;
  label: string;
  description: string;
}

export interface PatternDef {
  id: string;
  label: string;
}
