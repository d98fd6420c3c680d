import type { FontFace, PlacedGlyph } from '../scene/types.js';
import type { FontFamilyId } from '../design/types.js';

/**
 * Text shaping and line breaking live behind TextEngine so layout can be tested with a fake
 * and the implementation swapped. Sizes and widths are layout units.
 */

export type FontWeight = 400 | 500 | 600 | 700 | 800;

export interface FontStyle {
  family: FontFamilyId;
  weight: FontWeight;
  italic: boolean;
}

export interface TextStyle extends FontStyle {
  size: number;
  color: string;
  href?: string;
  underline?: boolean;
  /** A band of this colour behind the text: a key phrase marked as with a highlighter. */
  highlight?: string;
}

/** A piece of input text in one style. `\n` inside text forces a line break. */
export interface StyledText {
  text: string;
  style: TextStyle;
}

/** A shaped fragment of a line: one face (after fallback), one style, or one emoji. */
export interface ShapedRun {
  text: string;
  /** FontFace key actually used (may be a fallback face). Empty for emoji. */
  face: string;
  size: number;
  color: string;
  href?: string;
  underline?: boolean;
  highlight?: string;
  /** Offset from the line start. */
  x: number;
  width: number;
  /**
   * The glyphs the painters draw, as the engine's shaper set them with the face's default features,
   * word by word (chunks that end after each space or tab). `x` includes the GPOS x offset.
   */
  glyphs: PlacedGlyph[];
  /** Set for an emoji drawn as an image: its Twemoji key, e.g. `1f469-200d-1f4bb`. */
  emoji?: string;
  /** For an emoji: the square its image fills, from the run's start on the baseline. */
  emojiBox?: { x: number; y: number; w: number; h: number };
}

export interface TextLine {
  width: number;
  /** Largest ascent / descent of the runs on the line, in layout units (positive numbers). */
  ascent: number;
  descent: number;
  runs: ShapedRun[];
  /** True when the line ends at a forced break or the end of the text. */
  hardBreak: boolean;
  /** Set when the line ends inside a word wider than the line, cut as a last resort. */
  splitWord?: boolean;
  /** Set on lines of a right-to-left paragraph: they start at the right. */
  rtl?: boolean;
  /** Indices into `runs` in reading order, when that differs from the drawn order (right-to-left text). */
  logical?: number[];
}

export interface FontMetrics {
  /** Per 1 unit of font size. */
  ascent: number;
  descent: number;
  capHeight: number;
  xHeight: number;
}

/** What a document says about its text: its language (BCP 47) and base writing direction. */
export interface TextLocale {
  /** Chooses between the Chinese, Japanese and Korean faces, which draw shared ideographs differently. */
  lang?: string;
  /**
   * The base direction of paragraphs that hold letters of it; a paragraph with letters of the other
   * direction only keeps its own, one without a declared direction takes the direction of most of its letters.
   */
  direction?: 'ltr' | 'rtl';
}

export interface TextEngine {
  /** Breaks rich text into lines no wider than maxWidth (a word longer than a line is split as a last resort). */
  breakLines(texts: readonly StyledText[], maxWidth: number): TextLine[];
  /** Width of the text set on one line (the widest line when it holds `\n`). */
  measure(texts: readonly StyledText[]): number;
  metrics(style: FontStyle): FontMetrics;
  /** Every face the engine may put in a ShapedRun, for the painters. */
  face(key: string): FontFace;
  /** The locale this engine sets text for. */
  readonly locale: TextLocale;
  /** An engine over the same faces and shaped words that sets text for `locale`; kept, so ask freely. */
  localized(locale: TextLocale): TextEngine;
}

/**
 * Where faces come from. Only bytes cross this line, so the engine runs unchanged in Node and in the
 * browser; any family id may be served, not just the built-in ones.
 */
export interface FontProvider {
  /** Bytes of exactly this face, or undefined when the provider does not have it. */
  faceBytes(family: FontFamilyId, weight: FontWeight, italic: boolean): Uint8Array | undefined;
  /** Families tried in order for characters a face has no glyph for (and for unknown families). */
  readonly fallbacks: readonly FontFamilyId[];
}

/** A face as a shaper sees it. Shapers keep their parsed form of a face per `bytes` object. */
export interface ShaperFace {
  /** For error messages. */
  readonly key: string;
  readonly bytes: Uint8Array;
}

/** One shaped glyph in font units, y up. Glyphs come in visual order (right-to-left text reversed). */
export interface ShapedGlyph {
  id: number;
  /** UTF-16 offset in the shaped text of the first character of the cluster the glyph belongs to. */
  cluster: number;
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** Single glyphs of one face, read from the shaper's parsed form of it. Font units throughout. */
export interface FaceGlyphs {
  /** Whether the face's character map gives the code point a glyph other than .notdef. */
  has(codePoint: number): boolean;
  /** The glyph's nominal horizontal advance (hmtx), before shaping adjusts it. */
  advance(glyphId: number): number;
  /**
   * Outline of the glyph as SVG path data, y up, absolute `M`, `L`, `Q`, `C` and `Z` commands with
   * coordinates rounded to 1/100 unit and separated by spaces; '' when the glyph draws nothing.
   */
  path(glyphId: number): string;
}

/**
 * Turns one piece of text in one face into positioned glyphs with the face's default features,
 * and answers per-glyph questions about the face. Spool's is HarfBuzz (WASM, see loadHarfBuzzShaper);
 * the tests hold it against a second one built on fontkit.
 */
export interface Shaper {
  readonly name: string;
  /** Throws when the face cannot shape the text at all. */
  shape(face: ShaperFace, text: string): { glyphs: ShapedGlyph[] };
  /** Coverage, advances and outlines of the face, parsed once per `bytes` as for shaping. */
  inspect(face: ShaperFace): FaceGlyphs;
}

export interface TextEngineOptions {
  fonts: FontProvider;
  /** Shapes the text: the HarfBuzz shaper loadHarfBuzzShaper() gives. */
  shaper: Shaper;
  /**
   * The key of an available emoji image for a Twemoji key (the same key, or a normalised one),
   * undefined when there is none. Without it every emoji is set as text.
   */
  emojiKey?: (key: string) => string | undefined;
  /** The language and direction text is set for; see TextEngine.localized. */
  locale?: TextLocale;
}

/** A shaped chunk in font units. `xs` already include the GPOS x offsets. */
export interface ShapedChunk {
  ids: number[];
  xs: number[];
  ys: number[];
  advances: number[];
  /** UTF-16 code units each glyph stands for (0 for a glyph a shaper inserted). */
  spans: number[];
  /** The characters of each glyph, when they are not simply the chunk's code points in order. */
  texts?: string[];
  width: number;
  /** Pen position at each UTF-16 offset, built on first use; see penAt. */
  pens?: Float64Array;
}
