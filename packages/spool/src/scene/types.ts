/**
 * The Scene: a format-neutral display list for one page. Painters (SVG, PDF, PNG) read only this,
 * plus the bytes of the fonts and images it names through PaintResources. Coordinates are layout
 * units (the page is SLIDE_UNITS_WIDE wide), y grows downwards, text y is the baseline.
 */

export interface GradientStop {
  offset: number;
  color: string;
  opacity?: number;
}

export interface LinearGradient {
  type: 'linear';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  stops: GradientStop[];
}

/** A CSS hex colour (#rrggbb) or a gradient. */
export type Paint = string | LinearGradient;

export interface Stroke {
  color: string;
  width: number;
}

export interface RectItem {
  type: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  radius?: number;
  fill?: Paint;
  stroke?: Stroke;
  opacity?: number;
}

export interface PathItem {
  type: 'path';
  /** SVG path data in page units. */
  d: string;
  fill?: Paint;
  stroke?: Stroke;
  opacity?: number;
}

export interface PlacedGlyph {
  id: number;
  /** Pen position relative to the run's x, in page units. */
  x: number;
  /** Vertical offset (GPOS), page units, y down. */
  y: number;
  advance: number;
  /**
   * The characters this glyph stands for, for copy and search. Absent when a word's glyphs are
   * its code points one for one and in order; present on every glyph of a word that is not (a
   * ligature, a composed accent, right-to-left text), and '' on a glyph that stands for none.
   */
  text?: string;
}

/** One line fragment in a single face, size and colour, already shaped and positioned. */
export interface TextItem {
  type: 'text';
  x: number;
  /** Baseline. */
  y: number;
  /** Key of a FontFace in PaintResources. */
  face: string;
  size: number;
  color: string;
  text: string;
  width: number;
  glyphs: PlacedGlyph[];
  opacity?: number;
}

export interface ImageItem {
  type: 'image';
  /** Key of an ImageResource (photos, avatars, logos, and emoji as `emoji:<codepoints>`). */
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
  fit: 'cover' | 'contain' | 'fill';
  /**
   * Where a `cover` crop of a picture taller than its box falls, 0 (keep the top) to 1 (keep the
   * bottom); default 0.5, the middle.
   */
  focusY?: number;
  /** Corner radius of the clip; w/2 on a square makes a circle. */
  radius?: number;
  alt?: string;
  opacity?: number;
}

export interface LinkItem {
  type: 'link';
  x: number;
  y: number;
  w: number;
  h: number;
  href: string;
}

export type SceneItem = RectItem | PathItem | TextItem | ImageItem | LinkItem;

export interface Scene {
  /** Page size in layout units. */
  width: number;
  height: number;
  /** Export size in pixels (PNG/JPEG); the SVG uses it as its width/height. */
  pixelWidth: number;
  pixelHeight: number;
  /** Drawn in order; the first item is normally the background. */
  items: SceneItem[];
}

export interface ImageResource {
  key: string;
  mime: 'image/png' | 'image/jpeg' | 'image/svg+xml';
  bytes: Uint8Array;
  width: number;
  height: number;
}

export interface FontFace {
  /** Stable key, e.g. `sans-700-italic`. */
  key: string;
  /** Family name for document metadata and CSS. */
  family: string;
  bytes: Uint8Array;
  unitsPerEm: number;
  /** Outline of a glyph as SVG path data in font units, y up (as stored in the font). */
  glyphPath(glyphId: number): string;
  /** Nominal horizontal advance of a glyph (hmtx) in font units, before shaping adjusts it. */
  advance(glyphId: number): number;
}

export interface PaintResources {
  face(key: string): FontFace;
  image(key: string): ImageResource | undefined;
}
