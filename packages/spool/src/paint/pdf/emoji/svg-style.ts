/** The inherited painting properties of SVG (fill, stroke, opacity, rules) and the colours they name. */
import { parseColour } from '../pdf-color.js';
import type { SvgNode } from './svg-tree.js';


export type Rgb = readonly [number, number, number];

/** A fill or stroke: a colour with its own alpha (from `#rrggbbaa`, `rgba()`), or none. */
export type Paint = { rgb: Rgb; alpha: number } | null;

/** The inherited properties the painter tracks. */
export interface Style {
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

export const DEFAULT_STYLE: Style = {
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

export function rootStyle(root: SvgNode): Style {
  return inherit(DEFAULT_STYLE, root.attrs);
}

/**
 * The style of an element from its parent's and its own attributes. A value that does not parse
 * is ignored and the inherited one kept, as browsers treat invalid presentation attributes.
 */
export function inherit(parent: Style, a: Record<string, string>): Style {
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
export function alphaValue(value: string | undefined, fallback: number): number {
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
