import { parseColour, pdfNum, rgbOp } from './pdf-color.js';
import { QUARTER_KAPPA, svgPathToPdf } from './svg-path.js';

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
  extGStates: Record<string, { ca?: number; CA?: number }>;
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
  const extGStates: EmojiPdf['extGStates'] = {};
  if (!root || !(width > 0) || !(height > 0)) return { content: '', extGStates };
  const painter = new Painter(root, options.resourcePrefix ?? 'Emoji', extGStates);
  const out: string[] = ['q', `0 0 ${pdfNum(width)} ${pdfNum(height)} re`, 'W n'];
  const viewport = viewportMatrix(root, width, height);
  if (viewport) out.push(cmOp(viewport));
  painter.children(root, rootStyle(root), alphaValue(root.attrs.opacity, 1), out);
  out.push('Q');
  return { content: out.join('\n'), extGStates };
}

// ---------------------------------------------------------------------------------------------
// XML

interface SvgNode {
  name: string;
  /** Attributes, with `style` declarations merged over them (a declaration wins, as in CSS). */
  attrs: Record<string, string>;
  children: SvgNode[];
  parent: SvgNode | undefined;
}

/**
 * Reads well-formed SVG markup into a tree of elements and returns the first `svg` element.
 * Text, comments, processing instructions, doctypes and CDATA are skipped.
 */
function parseSvg(text: string): SvgNode | undefined {
  const top: SvgNode = { name: '', attrs: {}, children: [], parent: undefined };
  let current = top;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    i = lt + 1;
    const c = text.charCodeAt(i);
    if (c === 33 /* ! */) {
      const close = text.startsWith('!--', i) ? '-->' : text.startsWith('![CDATA[', i) ? ']]>' : '>';
      const end = text.indexOf(close, i);
      i = end < 0 ? n : end + close.length;
      continue;
    }
    if (c === 63 /* ? */) {
      const end = text.indexOf('?>', i);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (c === 47 /* / */) {
      const end = text.indexOf('>', i);
      const name = text.slice(i + 1, end < 0 ? n : end).trim();
      i = end < 0 ? n : end + 1;
      // Closes the nearest open element of that name; a stray end tag is ignored.
      for (let node: SvgNode | undefined = current; node && node !== top; node = node.parent) {
        if (node.name === name) {
          current = node.parent ?? top;
          break;
        }
      }
      continue;
    }
    let j = i;
    while (j < n && !isNameEnd(text.charCodeAt(j))) j++;
    const node: SvgNode = { name: text.slice(i, j), attrs: {}, children: [], parent: current };
    i = j;
    let selfClosing = false;
    for (;;) {
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      if (i >= n) break;
      const a = text.charCodeAt(i);
      if (a === 62 /* > */) {
        i++;
        break;
      }
      if (a === 47 /* / */) {
        selfClosing = true;
        i++;
        continue;
      }
      let k = i;
      while (k < n && !isNameEnd(text.charCodeAt(k)) && text.charCodeAt(k) !== 61) k++;
      const name = text.slice(i, k);
      i = k;
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      // An attribute without a value is not XML and is dropped. (Its name is not empty: every
      // character that ends a name is consumed above, so the scan always moves on.)
      if (text.charCodeAt(i) !== 61 /* = */) continue;
      i++;
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      const quote = text[i];
      if (quote !== '"' && quote !== "'") continue;
      const end = text.indexOf(quote, i + 1);
      const raw = text.slice(i + 1, end < 0 ? n : end);
      i = end < 0 ? n : end + 1;
      node.attrs[name] = raw.includes('&') ? decodeEntities(raw) : raw;
    }
    const style = node.attrs.style;
    if (style) {
      for (const declaration of style.split(';')) {
        const colon = declaration.indexOf(':');
        if (colon > 0) node.attrs[declaration.slice(0, colon).trim()] = declaration.slice(colon + 1).replace(/!important/i, '').trim();
      }
    }
    current.children.push(node);
    if (!selfClosing) current = node;
  }
  return findElement(top, 'svg');
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isNameEnd(c: number): boolean {
  return isSpace(c) || c === 47 || c === 62;
}

function decodeEntities(s: string): string {
  return s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (whole, hex?: string, dec?: string, name?: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name!.toLowerCase() as 'amp'] ?? whole;
  });
}

function findElement(node: SvgNode, name: string): SvgNode | undefined {
  for (const child of node.children) {
    if (child.name === name) return child;
    const found = findElement(child, name);
    if (found) return found;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Geometry

/** An affine matrix `[a b c d e f]`, mapping (x, y) to (a·x + c·y + e, b·x + d·y + f), as in SVG and PDF. */
type Matrix = [number, number, number, number, number, number];

/** `m · n`: the matrix applying `n` first, then `m`. */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/**
 * The `transform` attribute as one matrix, undefined when it is absent, empty or malformed (an
 * invalid transform list is ignored, as browsers do).
 */
function parseTransform(value: string | undefined): Matrix | undefined {
  if (!value) return undefined;
  let m: Matrix = [1, 0, 0, 1, 0, 0];
  const re = /\s*,?\s*([a-zA-Z]+)\s*\(([^)]*)\)/y;
  let at = 0;
  let any = false;
  for (;;) {
    re.lastIndex = at;
    const match = re.exec(value);
    if (!match) break;
    at = re.lastIndex;
    const args = match[2]
      .split(/[\s,]+/)
      .filter((s) => s !== '')
      .map(Number);
    if (args.some((v) => !Number.isFinite(v))) return undefined;
    const [p = 0, q, r, s, t, u] = args;
    const rad = (p * Math.PI) / 180;
    let step: Matrix;
    switch (match[1]) {
      case 'matrix':
        if (args.length !== 6) return undefined;
        step = [p, q!, r!, s!, t!, u!];
        break;
      case 'translate':
        step = [1, 0, 0, 1, p, q ?? 0];
        break;
      case 'scale':
        step = [p, 0, 0, q ?? p, 0, 0];
        break;
      case 'rotate': {
        const cos = Math.cos(rad);
        const sin = Math.sin(rad);
        const ox = q ?? 0;
        const oy = r ?? 0;
        // translate(ox, oy) rotate(a) translate(-ox, -oy)
        step = [cos, sin, -sin, cos, ox - cos * ox + sin * oy, oy - sin * ox - cos * oy];
        break;
      }
      case 'skewX':
        step = [1, 0, Math.tan(rad), 1, 0, 0];
        break;
      case 'skewY':
        step = [1, Math.tan(rad), 0, 1, 0, 0];
        break;
      default:
        return undefined;
    }
    m = multiply(m, step);
    any = true;
  }
  if (!any || value.slice(at).trim() !== '') return undefined;
  return m;
}

/** Matrix entries get more decimals than coordinates: an error in a scale grows with the drawing. */
function matrixNum(v: number): string {
  const r = Math.round(v * 1e6) / 1e6;
  return r === 0 ? '0' : String(r);
}

function cmOp(m: Matrix): string {
  return `${matrixNum(m[0])} ${matrixNum(m[1])} ${matrixNum(m[2])} ${matrixNum(m[3])} ${pdfNum(m[4])} ${pdfNum(m[5])} cm`;
}

/** Maps the root's viewBox to the box, following `preserveAspectRatio` (default `xMidYMid meet`). */
function viewportMatrix(root: SvgNode, width: number, height: number): Matrix | undefined {
  const box = (root.attrs.viewBox ?? '').trim().split(/[\s,]+/).map(Number);
  let [vx, vy, vw, vh] = box;
  if (box.length !== 4 || box.some((v) => !Number.isFinite(v)) || !(vw > 0) || !(vh > 0)) {
    // Without a viewBox the SVG's own size is mapped to the box.
    vx = vy = 0;
    vw = length(root.attrs.width) || width;
    vh = length(root.attrs.height) || height;
  }
  let sx = width / vw;
  let sy = height / vh;
  let tx = 0;
  let ty = 0;
  const [align = 'xMidYMid', fit = 'meet'] = (root.attrs.preserveAspectRatio ?? '').trim().split(/\s+/).filter((s) => s !== '');
  if (align !== 'none') {
    sx = sy = fit === 'slice' ? Math.max(sx, sy) : Math.min(sx, sy);
    const fx = align.startsWith('xMin') ? 0 : align.startsWith('xMax') ? 1 : 0.5;
    const fy = align.endsWith('YMin') ? 0 : align.endsWith('YMax') ? 1 : 0.5;
    tx = (width - vw * sx) * fx;
    ty = (height - vh * sy) * fy;
  }
  const m: Matrix = [sx, 0, 0, sy, tx - vx * sx, ty - vy * sy];
  return m[0] === 1 && m[3] === 1 && m[4] === 0 && m[5] === 0 ? undefined : m;
}

/** A length attribute in user units (unit suffixes are read as user units). */
function length(value: string | undefined): number {
  const v = value === undefined ? NaN : parseFloat(value);
  return Number.isFinite(v) ? v : 0;
}

function ellipsePath(cx: number, cy: number, rx: number, ry: number): string {
  if (!(rx > 0) || !(ry > 0)) return '';
  const kx = rx * QUARTER_KAPPA;
  const ky = ry * QUARTER_KAPPA;
  const p = pdfNum;
  // Starts at 3 o'clock and runs clockwise in y-down space, as SVG draws a circle.
  return [
    `${p(cx + rx)} ${p(cy)} m`,
    `${p(cx + rx)} ${p(cy + ky)} ${p(cx + kx)} ${p(cy + ry)} ${p(cx)} ${p(cy + ry)} c`,
    `${p(cx - kx)} ${p(cy + ry)} ${p(cx - rx)} ${p(cy + ky)} ${p(cx - rx)} ${p(cy)} c`,
    `${p(cx - rx)} ${p(cy - ky)} ${p(cx - kx)} ${p(cy - ry)} ${p(cx)} ${p(cy - ry)} c`,
    `${p(cx + kx)} ${p(cy - ry)} ${p(cx + rx)} ${p(cy - ky)} ${p(cx + rx)} ${p(cy)} c`,
    'h',
  ].join('\n');
}

/** The outline of a basic shape or path element as PDF path operators; '' for anything else. */
function shapePath(node: SvgNode): string {
  const a = node.attrs;
  switch (node.name) {
    case 'path':
      return a.d ? svgPathToPdf(a.d) : '';
    case 'circle': {
      const r = length(a.r);
      return ellipsePath(length(a.cx), length(a.cy), r, r);
    }
    case 'ellipse': {
      // SVG 2: an `auto` (or missing) radius takes the other one.
      const rx = length(a.rx) || length(a.ry);
      const ry = length(a.ry) || rx;
      return ellipsePath(length(a.cx), length(a.cy), rx, ry);
    }
    case 'rect': {
      const x = length(a.x);
      const y = length(a.y);
      const w = length(a.width);
      const h = length(a.height);
      if (!(w > 0) || !(h > 0)) return '';
      let rx = a.rx === undefined ? length(a.ry) : length(a.rx);
      let ry = a.ry === undefined ? rx : length(a.ry);
      rx = Math.min(Math.max(rx, 0), w / 2);
      ry = Math.min(Math.max(ry, 0), h / 2);
      if (rx > 0 && ry > 0) {
        return svgPathToPdf(
          `M${x + rx} ${y}H${x + w - rx}A${rx} ${ry} 0 0 1 ${x + w} ${y + ry}V${y + h - ry}` +
            `A${rx} ${ry} 0 0 1 ${x + w - rx} ${y + h}H${x + rx}A${rx} ${ry} 0 0 1 ${x} ${y + h - ry}` +
            `V${y + ry}A${rx} ${ry} 0 0 1 ${x + rx} ${y}Z`,
        );
      }
      return svgPathToPdf(`M${x} ${y}H${x + w}V${y + h}H${x}Z`);
    }
    case 'line':
      return svgPathToPdf(`M${length(a.x1)} ${length(a.y1)}L${length(a.x2)} ${length(a.y2)}`);
    case 'polyline':
      return a.points ? svgPathToPdf(`M${a.points}`) : '';
    case 'polygon':
      return a.points ? svgPathToPdf(`M${a.points}Z`) : '';
    default:
      return '';
  }
}

/** Applies `m` to every coordinate pair of path operators from `svgPathToPdf` or `ellipsePath`. */
function transformPath(ops: string, m: Matrix): string {
  return ops
    .split('\n')
    .map((line) => {
      const parts = line.split(' ');
      if (parts.length < 3) return line;
      const op = parts.pop()!;
      const out: string[] = [];
      for (let k = 0; k + 1 < parts.length; k += 2) {
        const x = Number(parts[k]);
        const y = Number(parts[k + 1]);
        out.push(pdfNum(m[0] * x + m[2] * y + m[4]), pdfNum(m[1] * x + m[3] * y + m[5]));
      }
      out.push(op);
      return out.join(' ');
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Paint

type Rgb = readonly [number, number, number];

/** A fill or stroke: a colour with its own alpha (from `#rrggbbaa`, `rgba()`), or none. */
type Paint = { rgb: Rgb; alpha: number } | null;

/** The inherited properties the painter tracks. */
interface Style {
  fill: Paint;
  fillOpacity: number;
  evenOdd: boolean;
  stroke: Paint;
  strokeOpacity: number;
  strokeWidth: number;
  lineCap: number;
  lineJoin: number;
  miterLimit: number;
  clipEvenOdd: boolean;
  /** `color`, for `currentColor`. */
  color: Rgb;
}

const BLACK: Rgb = [0, 0, 0];

const DEFAULT_STYLE: Style = {
  fill: { rgb: BLACK, alpha: 1 },
  fillOpacity: 1,
  evenOdd: false,
  stroke: null,
  strokeOpacity: 1,
  strokeWidth: 1,
  lineCap: 0,
  lineJoin: 0,
  miterLimit: 4,
  clipEvenOdd: false,
  color: BLACK,
};

function rootStyle(root: SvgNode): Style {
  return inherit(DEFAULT_STYLE, root.attrs);
}

/**
 * The style of an element from its parent's and its own attributes. A value that does not parse
 * is ignored and the inherited one kept, as browsers treat invalid presentation attributes.
 */
function inherit(parent: Style, a: Record<string, string>): Style {
  if (
    a.fill === undefined &&
    a.stroke === undefined &&
    a.color === undefined &&
    a['fill-opacity'] === undefined &&
    a['fill-rule'] === undefined &&
    a['clip-rule'] === undefined &&
    a['stroke-width'] === undefined &&
    a['stroke-opacity'] === undefined &&
    a['stroke-linecap'] === undefined &&
    a['stroke-linejoin'] === undefined &&
    a['stroke-miterlimit'] === undefined
  ) {
    return parent;
  }
  const s: Style = { ...parent };
  if (a.color !== undefined) s.color = parseColor(a.color, parent.color)?.rgb ?? parent.color;
  if (a.fill !== undefined) s.fill = parsePaint(a.fill, s.color, parent.fill);
  if (a.stroke !== undefined) s.stroke = parsePaint(a.stroke, s.color, parent.stroke);
  s.fillOpacity = alphaValue(a['fill-opacity'], parent.fillOpacity);
  s.strokeOpacity = alphaValue(a['stroke-opacity'], parent.strokeOpacity);
  if (a['fill-rule'] === 'evenodd' || a['fill-rule'] === 'nonzero') s.evenOdd = a['fill-rule'] === 'evenodd';
  if (a['clip-rule'] === 'evenodd' || a['clip-rule'] === 'nonzero') s.clipEvenOdd = a['clip-rule'] === 'evenodd';
  const width = parseFloat(a['stroke-width'] ?? '');
  if (width >= 0) s.strokeWidth = width;
  const cap = ['butt', 'round', 'square'].indexOf(a['stroke-linecap'] ?? '');
  if (cap >= 0) s.lineCap = cap;
  const join = ['miter', 'round', 'bevel'].indexOf(a['stroke-linejoin'] ?? '');
  if (join >= 0) s.lineJoin = join;
  const limit = parseFloat(a['stroke-miterlimit'] ?? '');
  if (limit >= 1) s.miterLimit = limit;
  return s;
}

/** An opacity value: a number or a percentage, clamped to 0..1. */
function alphaValue(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const v = parseFloat(value);
  if (!Number.isFinite(v)) return fallback;
  return Math.min(1, Math.max(0, value.trim().endsWith('%') ? v / 100 : v));
}

function parsePaint(value: string, current: Rgb, inherited: Paint): Paint {
  let v = value.trim();
  if (v === 'none') return null;
  if (v === 'inherit') return inherited;
  if (v.startsWith('url(')) {
    // No paint servers: a gradient or pattern paints its fallback colour if there is one.
    const close = v.indexOf(')');
    v = v.slice(close + 1).trim();
    if (v === '' || v === 'none') return null;
  }
  return parseColor(v, current) ?? inherited;
}

function parseColor(value: string, current: Rgb): { rgb: Rgb; alpha: number } | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'currentcolor') return { rgb: current, alpha: 1 };
  if (v === 'transparent') return { rgb: BLACK, alpha: 0 };
  const parsed = parseColour(v);
  if (parsed) return { rgb: parsed.rgb, alpha: parsed.opacity };
  const named = colorNames().get(v);
  return named ? parseColor(named, current) : undefined;
}

/** CSS named colours. */
const COLOR_NAMES = `
  aliceblue f0f8ff antiquewhite faebd7 aqua 00ffff aquamarine 7fffd4 azure f0ffff beige f5f5dc
  bisque ffe4c4 black 000000 blanchedalmond ffebcd blue 0000ff blueviolet 8a2be2 brown a52a2a
  burlywood deb887 cadetblue 5f9ea0 chartreuse 7fff00 chocolate d2691e coral ff7f50
  cornflowerblue 6495ed cornsilk fff8dc crimson dc143c cyan 00ffff darkblue 00008b darkcyan 008b8b
  darkgoldenrod b8860b darkgray a9a9a9 darkgreen 006400 darkgrey a9a9a9 darkkhaki bdb76b
  darkmagenta 8b008b darkolivegreen 556b2f darkorange ff8c00 darkorchid 9932cc darkred 8b0000
  darksalmon e9967a darkseagreen 8fbc8f darkslateblue 483d8b darkslategray 2f4f4f
  darkslategrey 2f4f4f darkturquoise 00ced1 darkviolet 9400d3 deeppink ff1493 deepskyblue 00bfff
  dimgray 696969 dimgrey 696969 dodgerblue 1e90ff firebrick b22222 floralwhite fffaf0
  forestgreen 228b22 fuchsia ff00ff gainsboro dcdcdc ghostwhite f8f8ff gold ffd700
  goldenrod daa520 gray 808080 green 008000 greenyellow adff2f grey 808080 honeydew f0fff0
  hotpink ff69b4 indianred cd5c5c indigo 4b0082 ivory fffff0 khaki f0e68c lavender e6e6fa
  lavenderblush fff0f5 lawngreen 7cfc00 lemonchiffon fffacd lightblue add8e6 lightcoral f08080
  lightcyan e0ffff lightgoldenrodyellow fafad2 lightgray d3d3d3 lightgreen 90ee90 lightgrey d3d3d3
  lightpink ffb6c1 lightsalmon ffa07a lightseagreen 20b2aa lightskyblue 87cefa
  lightslategray 778899 lightslategrey 778899 lightsteelblue b0c4de lightyellow ffffe0 lime 00ff00
  limegreen 32cd32 linen faf0e6 magenta ff00ff maroon 800000 mediumaquamarine 66cdaa
  mediumblue 0000cd mediumorchid ba55d3 mediumpurple 9370db mediumseagreen 3cb371
  mediumslateblue 7b68ee mediumspringgreen 00fa9a mediumturquoise 48d1cc mediumvioletred c71585
  midnightblue 191970 mintcream f5fffa mistyrose ffe4e1 moccasin ffe4b5 navajowhite ffdead
  navy 000080 oldlace fdf5e6 olive 808000 olivedrab 6b8e23 orange ffa500 orangered ff4500
  orchid da70d6 palegoldenrod eee8aa palegreen 98fb98 paleturquoise afeeee palevioletred db7093
  papayawhip ffefd5 peachpuff ffdab9 peru cd853f pink ffc0cb plum dda0dd powderblue b0e0e6
  purple 800080 rebeccapurple 663399 red ff0000 rosybrown bc8f8f royalblue 4169e1
  saddlebrown 8b4513 salmon fa8072 sandybrown f4a460 seagreen 2e8b57 seashell fff5ee
  sienna a0522d silver c0c0c0 skyblue 87ceeb slateblue 6a5acd slategray 708090 slategrey 708090
  snow fffafa springgreen 00ff7f steelblue 4682b4 tan d2b48c teal 008080 thistle d8bfd8
  tomato ff6347 turquoise 40e0d0 violet ee82ee wheat f5deb3 white ffffff whitesmoke f5f5f5
  yellow ffff00 yellowgreen 9acd32`;

let colorTable: Map<string, string> | undefined;

function colorNames(): Map<string, string> {
  if (!colorTable) {
    colorTable = new Map();
    const words = COLOR_NAMES.trim().split(/\s+/);
    for (let k = 0; k + 1 < words.length; k += 2) colorTable.set(words[k], `#${words[k + 1]}`);
  }
  return colorTable;
}

/** Elements drawn as a shape. */
const SHAPES = new Set(['path', 'circle', 'ellipse', 'rect', 'line', 'polyline', 'polygon']);

/** Elements whose children are drawn in place. */
const CONTAINERS = new Set(['g', 'a', 'switch']);

class Painter {
  private readonly ids = new Map<string, SvgNode>();
  /** Clip paths being applied, to stop a clip path that clips itself. */
  private readonly clipping = new Set<SvgNode>();

  constructor(
    root: SvgNode,
    private readonly prefix: string,
    private readonly extGStates: EmojiPdf['extGStates'],
  ) {
    const collect = (node: SvgNode) => {
      const id = node.attrs.id;
      if (id !== undefined && !this.ids.has(id)) this.ids.set(id, node);
      for (const child of node.children) collect(child);
    };
    collect(root);
  }

  /** Draws the children of `node` with inherited `style`; `opacity` is the product of the enclosing groups'. */
  children(node: SvgNode, style: Style, opacity: number, out: string[]): void {
    for (const child of node.children) this.element(child, style, opacity, out);
  }

  private element(node: SvgNode, parentStyle: Style, parentOpacity: number, out: string[]): void {
    const shape = SHAPES.has(node.name);
    if (!shape && !CONTAINERS.has(node.name)) return;
    const a = node.attrs;
    if (a.display === 'none') return;
    const style = inherit(parentStyle, a);
    const opacity = parentOpacity * alphaValue(a.opacity, 1);
    if (opacity <= 0) return;
    const transform = parseTransform(a.transform);
    // The clip path is in the element's user space, so after its transform.
    const clip = a['clip-path'] ? this.clipOps(a['clip-path']) : '';
    if (shape) {
      this.shape(node, style, opacity, transform, clip, out);
      return;
    }
    const wrap = transform !== undefined || clip !== '';
    if (wrap) {
      out.push('q');
      if (transform) out.push(cmOp(transform));
      if (clip) out.push(clip);
    }
    this.children(node, style, opacity, out);
    if (wrap) out.push('Q');
  }

  private shape(node: SvgNode, style: Style, opacity: number, transform: Matrix | undefined, clip: string, out: string[]): void {
    const fill = style.fill && style.fill.alpha * style.fillOpacity * opacity > 0 ? style.fill : null;
    const stroke = style.stroke && style.strokeWidth > 0 && style.stroke.alpha * style.strokeOpacity * opacity > 0 ? style.stroke : null;
    if (!fill && !stroke) return;
    const path = shapePath(node);
    if (path === '') return;
    const gs: { ca?: number; CA?: number } = {};
    if (fill) {
      const alpha = Math.round(fill.alpha * style.fillOpacity * opacity * 1000) / 1000;
      if (alpha < 1) gs.ca = alpha;
    }
    if (stroke) {
      const alpha = Math.round(stroke.alpha * style.strokeOpacity * opacity * 1000) / 1000;
      if (alpha < 1) gs.CA = alpha;
    }
    const alpha = gs.ca !== undefined || gs.CA !== undefined;
    // Fill colour needs no restoring, as every shape sets its own; the rest of the state does.
    const wrap = transform !== undefined || clip !== '' || alpha || stroke !== null;
    if (wrap) out.push('q');
    if (transform) out.push(cmOp(transform));
    if (clip) out.push(clip);
    if (alpha) out.push(`/${this.extGState(gs)} gs`);
    if (fill) out.push(rgbOp(fill.rgb, 'rg'));
    if (stroke) {
      out.push(rgbOp(stroke.rgb, 'RG'), `${pdfNum(style.strokeWidth)} w`);
      if (style.lineCap !== 0) out.push(`${style.lineCap} J`);
      if (style.lineJoin !== 0) out.push(`${style.lineJoin} j`);
      out.push(`${pdfNum(style.miterLimit)} M`);
    }
    out.push(path);
    out.push(fill && stroke ? (style.evenOdd ? 'B*' : 'B') : fill ? (style.evenOdd ? 'f*' : 'f') : 'S');
    if (wrap) out.push('Q');
  }

  /** The resource name of an alpha state, registering its dictionary. */
  private extGState(gs: { ca?: number; CA?: number }): string {
    let name = this.prefix;
    if (gs.ca !== undefined) name += `F${Math.round(gs.ca * 1000)}`;
    if (gs.CA !== undefined) name += `S${Math.round(gs.CA * 1000)}`;
    this.extGStates[name] ??= gs;
    return name;
  }

  /**
   * Operators intersecting the clip with the `clipPath` that `ref` (`url(#id)`) names, in the
   * current user space. A reference to nothing clips nothing.
   */
  private clipOps(ref: string): string {
    const id = /^\s*url\(\s*['"]?#([^'")]+)['"]?\s*\)\s*$/.exec(ref)?.[1];
    const clipPath = id === undefined ? undefined : this.ids.get(id);
    if (!clipPath || clipPath.name !== 'clipPath' || this.clipping.has(clipPath)) return '';
    this.clipping.add(clipPath);
    const ops: string[] = [];
    const own = parseTransform(clipPath.attrs.transform);
    // A clip path can itself be clipped; both clips intersect.
    if (clipPath.attrs['clip-path']) {
      const outer = this.clipOps(clipPath.attrs['clip-path']);
      if (outer) ops.push(outer);
    }
    // Properties reach the clip path's children from the clip path's own ancestors.
    const chain: SvgNode[] = [];
    for (let node: SvgNode | undefined = clipPath; node; node = node.parent) chain.unshift(node);
    const base = chain.reduce((style, node) => inherit(style, node.attrs), DEFAULT_STYLE);
    const paths: string[] = [];
    let evenOdd = true;
    for (const child of clipPath.children) {
      if (!SHAPES.has(child.name) || child.attrs.display === 'none') continue;
      let path = shapePath(child);
      if (path === '') continue;
      const m = parseTransform(child.attrs.transform);
      const combined = own && m ? multiply(own, m) : (own ?? m);
      if (combined) path = transformPath(path, combined);
      paths.push(path);
      evenOdd &&= inherit(base, child.attrs).clipEvenOdd;
    }
    this.clipping.delete(clipPath);
    if (paths.length === 0) {
      // An empty clip path hides everything it clips.
      ops.push('0 0 m', 'h', 'W n');
    } else {
      ops.push(...paths, evenOdd ? 'W* n' : 'W n');
    }
    return ops.join('\n');
  }
}
