import { pdfNum } from './pdf-color.js';
import { cmOp, viewportMatrix } from './emoji/svg-matrix.js';
import { Painter, type ExtGStates } from './emoji/svg-painter.js';
import { alphaValue, rootStyle } from './emoji/svg-style.js';
import { parseSvg } from './emoji/svg-tree.js';

/**
 * Twemoji SVGs (the files of `@twemoji/svg`) as PDF vector content.
 *
 * This is not a general SVG renderer. It reads the subset of SVG that the Twemoji set is written
 * in, which ships with the package and is trusted, never user content (user SVG is rasterised by
 * resvg instead). Over the 3,720 files of @twemoji/svg 15 that subset is:
 *
 * - elements `svg`, `g`, `path`, `circle`, `ellipse`, and `clipPath` inside `defs`;
 * - `fill` as `#rgb`/`#rrggbb`, a few colour names (`red`, `navy`…) and `none`; `fill-rule` and
 *   `clip-rule` `evenodd`; `fill-opacity` (on shapes and on one `g`) and `opacity` (on shapes
 *   only: no file puts it on a `g`);
 * - `transform` with `rotate(a cx cy)` and `matrix(…)`;
 * - `clip-path="url(#id)"` on a `g` and on shapes that also have a transform, with
 *   `clipPathUnits="userSpaceOnUse"` and a single path inside the `clipPath`;
 * - one stroked path (`stroke`, `stroke-linecap`, `stroke-miterlimit`, no `stroke-width`).
 *
 * Beyond that the converter also reads, because each is a few lines: `rect`, `line`, `polyline`
 * and `polygon`; every transform function; `stroke-opacity`, `stroke-width`, `stroke-linejoin`;
 * `style` declarations; `rgb()` and all CSS colour names; `currentColor` with `color`;
 * `display="none"`; `preserveAspectRatio`. Anything else (gradients, `use`, masks, text, images,
 * dashes) is skipped without error. Known approximations, none of which Twemoji rely on:
 *
 * - `opacity` on a `g` is multiplied into the alpha of each shape inside instead of compositing the
 *   group as one layer, so overlapping shapes inside a translucent group show through each other
 *   (the same holds for a shape that is both filled and stroked with `opacity`). A transparency
 *   group would need a form XObject, which this module's output cannot carry.
 * - A `clipPath` with several children clips to their union as one path under the nonzero rule
 *   (`evenodd` only when every child asks for it); `clipPathUnits="objectBoundingBox"` is read as
 *   user space.
 * - A `fill` of `url(#…)` (a gradient or pattern) paints its fallback colour when one is given, else
 *   nothing.
 */

export interface EmojiPdf {
  /**
   * Content-stream operators, lines joined by `\n`, balanced in `q`/`Q`. They draw the SVG's
   * viewBox into the box (0,0)-(width,height) of the current user space, which is taken to be y-down
   * like the pages (`1 0 0 -1 0 H cm`); drawing is clipped to that box, as an SVG viewport is.
   */
  content: string;
  /**
   * ExtGState dictionaries the content names with `/Name gs`, by resource name. Alpha is set
   * absolutely (`ca` for fills, `CA` for strokes) on shapes that have SVG alpha; opaque shapes set
   * none and so draw at whatever alpha is current. To draw a whole emoji translucent, paint the
   * content as a transparency group (a form XObject with `/Group << /S /Transparency >>`) under
   * the wanted alpha.
   *
   * A name is a function of its dictionary (`Emoji` + `F400` for `{ ca: 0.4 }`, + `S500` for
   * `CA: 0.5`), so the dictionaries of several emoji can be merged into one resource dictionary
   * without clashes.
   */
  extGStates: ExtGStates;
}

export interface EmojiPdfOptions {
  /** Prefix of the ExtGState resource names, to keep them apart from the page's own. Default `Emoji`. */
  resourcePrefix?: string;
}

/**
 * Converts one Twemoji SVG document to PDF content drawing it into (0,0)-(width,height).
 * Never throws on the bundled files; text that holds no `svg` element gives empty content.
 */
export function emojiSvgToPdf(svg: string, width: number, height: number, options: EmojiPdfOptions = {}): EmojiPdf {
  const root = parseSvg(svg);
  const extGStates: ExtGStates = {};
  if (!root || !(width > 0) || !(height > 0)) return { content: '', extGStates };
  const painter = new Painter(root, options.resourcePrefix ?? 'Emoji', extGStates);
  const out: string[] = ['q', `0 0 ${pdfNum(width)} ${pdfNum(height)} re`, 'W n'];
  const viewport = viewportMatrix(root, width, height);
  if (viewport) out.push(cmOp(viewport));
  painter.children(root, rootStyle(root), alphaValue(root.attrs.opacity, 1), out);
  out.push('Q');
  return { content: out.join('\n'), extGStates };
}
