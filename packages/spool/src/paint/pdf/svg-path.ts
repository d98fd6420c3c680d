import { pdfNum } from './pdf-color.js';

/** Bézier arm length, per unit of radius, of a quarter circle drawn as one cubic: 4/3 · (√2 − 1). */
export const QUARTER_KAPPA = 0.5522847498307936;

/**
 * SVG path data (`d`) as PDF path-construction operators.
 *
 * The PDF pages are drawn in a y-down space, so coordinates are written as they are. The result
 * holds only `m`, `l`, `c` and `h`, one operator per line (joined by `\n`, no trailing newline),
 * and no painting operator: the caller appends `f`, `f*`, `S`, `W n`… An empty string means there
 * is nothing to draw.
 *
 * Every SVG command is read, absolute and relative, with the compact syntax SVG allows (`1.5.5`
 * is two numbers, `-1-2` too, arc flags need no separator: `a1 1 0 011 1`). Quadratic Béziers are
 * raised to cubics, and elliptical arcs become cubics of at most 90° each, following the SVG
 * implementation notes on arcs: the endpoint form is converted to centre form, radii too small to
 * reach the end point are scaled up, an arc with a zero radius is a straight line and an arc
 * ending where it starts is omitted. After `Z` the current point is the start of the closed
 * subpath; a segment that follows without a moveto starts a new subpath there.
 *
 * As browsers do with malformed data, conversion stops at the first error and what came before it
 * is returned, so `M 0 0 L 10 10 L 20` draws the first line only. Data that does not begin with a
 * moveto draws nothing.
 *
 * Pattern backgrounds send paths with thousands of commands through here, so the scanner walks
 * character codes by hand and the state lives in one object per call.
 */
export function svgPathToPdf(d: string): string {
  return new PathConverter(d).run();
}

// Character codes.
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

function isNumberStart(c: number): boolean {
  return (c >= ZERO && c <= NINE) || c === DOT || c === MINUS || c === PLUS;
}

/** Arguments each command letter takes, by character code; undefined for anything else. */
const ARG_COUNTS: Record<number, number> = {};
for (const [letters, count] of [['Mm', 2], ['Ll', 2], ['Hh', 1], ['Vv', 1], ['Cc', 6], ['Ss', 4], ['Qq', 4], ['Tt', 2], ['Aa', 7], ['Zz', 0]] as const) {
  for (const letter of letters) ARG_COUNTS[letter.charCodeAt(0)] = count;
}

/** Powers of ten to scale a mantissa of up to 15 digits by; each is an exact double. */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

class PathConverter {
  private readonly d: string;
  private readonly n: number;
  private i = 0;
  private readonly out: string[] = [];
  private readonly args = new Float64Array(7);
  /** Current point. */
  private cx = 0;
  private cy = 0;
  /** Start of the current subpath. */
  private sx = 0;
  private sy = 0;
  /** The control point a following S (after a cubic) or T (after a quadratic) reflects. */
  private ctrlX = 0;
  private ctrlY = 0;
  /** What the previous segment was, for S and T: 1 a cubic, 2 a quadratic, 0 anything else. */
  private prevCurve = 0;
  /**
   * After `Z` no subpath is open. SVG continues from the closed subpath's start; PDF needs an
   * explicit `m` there before the next segment.
   */
  private needMove = false;

  constructor(d: string) {
    this.d = d;
    this.n = d.length;
  }

  run(): string {
    const { d, n, args } = this;
    let command = 0;
    for (;;) {
      this.skipWs();
      if (this.i >= n) break;
      const c = d.charCodeAt(this.i);
      if (isNumberStart(c)) {
        // Numbers after a command's last argument repeat it; after a moveto they are linetos.
        if (command === 0 || command === 90 || command === 122) break;
        if (command === 77) command = 76;
        else if (command === 109) command = 108;
      } else {
        // Path data must begin with a moveto.
        if (ARG_COUNTS[c] === undefined || (command === 0 && c !== 77 && c !== 109)) break;
        command = c;
        this.i++;
      }
      if (!this.readArgs(ARG_COUNTS[command], command === 65 || command === 97)) break;
      const rel = command >= 97; // lower case
      const ox = rel ? this.cx : 0;
      const oy = rel ? this.cy : 0;
      let curve = 0;
      switch (command) {
        case 77: // M
        case 109:
          this.cx = this.sx = ox + args[0];
          this.cy = this.sy = oy + args[1];
          this.out.push(`${pdfNum(this.cx)} ${pdfNum(this.cy)} m`);
          this.needMove = false;
          break;
        case 76: // L
        case 108:
          this.lineTo(ox + args[0], oy + args[1]);
          break;
        case 72: // H
        case 104:
          this.lineTo(ox + args[0], this.cy);
          break;
        case 86: // V
        case 118:
          this.lineTo(this.cx, oy + args[0]);
          break;
        case 67: // C
        case 99:
          this.ctrlX = ox + args[2];
          this.ctrlY = oy + args[3];
          this.curveTo(ox + args[0], oy + args[1], this.ctrlX, this.ctrlY, ox + args[4], oy + args[5]);
          curve = 1;
          break;
        case 83: // S
        case 115: {
          const x1 = this.prevCurve === 1 ? 2 * this.cx - this.ctrlX : this.cx;
          const y1 = this.prevCurve === 1 ? 2 * this.cy - this.ctrlY : this.cy;
          this.ctrlX = ox + args[0];
          this.ctrlY = oy + args[1];
          this.curveTo(x1, y1, this.ctrlX, this.ctrlY, ox + args[2], oy + args[3]);
          curve = 1;
          break;
        }
        case 81: // Q
        case 113:
          this.ctrlX = ox + args[0];
          this.ctrlY = oy + args[1];
          this.quadTo(this.ctrlX, this.ctrlY, ox + args[2], oy + args[3]);
          curve = 2;
          break;
        case 84: // T
        case 116:
          this.ctrlX = this.prevCurve === 2 ? 2 * this.cx - this.ctrlX : this.cx;
          this.ctrlY = this.prevCurve === 2 ? 2 * this.cy - this.ctrlY : this.cy;
          this.quadTo(this.ctrlX, this.ctrlY, ox + args[0], oy + args[1]);
          curve = 2;
          break;
        case 65: // A
        case 97:
          this.arcTo(args[0], args[1], args[2], args[3] !== 0, args[4] !== 0, ox + args[5], oy + args[6]);
          break;
        default: // Z
          if (!this.needMove) this.out.push('h');
          this.cx = this.sx;
          this.cy = this.sy;
          this.needMove = true;
      }
      this.prevCurve = curve;
      // A comma may separate one set of arguments from the next, but never ends the data.
      this.skipWs();
      if (this.i < n && d.charCodeAt(this.i) === COMMA) {
        if (command === 90 || command === 122) break;
        this.i++;
        this.skipWs();
        if (!(this.i < n && isNumberStart(d.charCodeAt(this.i)))) break;
      }
    }
    return this.out.join('\n');
  }

  private skipWs(): void {
    const { d, n } = this;
    let i = this.i;
    while (i < n) {
      const c = d.charCodeAt(i);
      // space, tab, LF, CR, FF
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) i++;
      else break;
    }
    this.i = i;
  }

  /** Reads `count` arguments into `args`; for an arc, positions 3 and 4 are flags. */
  private readArgs(count: number, arc: boolean): boolean {
    for (let k = 0; k < count; k++) {
      this.skipWs();
      if (k > 0 && this.i < this.n && this.d.charCodeAt(this.i) === COMMA) {
        this.i++;
        this.skipWs();
      }
      const value = arc && (k === 3 || k === 4) ? this.readFlag() : this.readNumber();
      if (Number.isNaN(value)) return false;
      this.args[k] = value;
    }
    return true;
  }

  /** An arc flag: a single `0` or `1`, which needs no separator after it. NaN when there is none. */
  private readFlag(): number {
    const c = this.i < this.n ? this.d.charCodeAt(this.i) : 0;
    if (c !== ZERO && c !== ZERO + 1) return NaN;
    this.i++;
    return c - ZERO;
  }

  /** The number at the scan position (no leading separators), NaN when there is none. */
  private readNumber(): number {
    const { d, n } = this;
    const start = this.i;
    let i = start;
    let c = i < n ? d.charCodeAt(i) : 0;
    let negative = false;
    if (c === PLUS || c === MINUS) {
      negative = c === MINUS;
      c = ++i < n ? d.charCodeAt(i) : 0;
    }
    // Digits are gathered into an integer mantissa; `scale` counts those after the point.
    let mantissa = 0;
    let digits = 0;
    let scale = 0;
    while (c >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + (c - ZERO);
      digits++;
      c = ++i < n ? d.charCodeAt(i) : 0;
    }
    if (c === DOT) {
      // A second point starts the next number, as in `1.5.5`.
      c = ++i < n ? d.charCodeAt(i) : 0;
      while (c >= ZERO && c <= NINE) {
        mantissa = mantissa * 10 + (c - ZERO);
        digits++;
        scale++;
        c = ++i < n ? d.charCodeAt(i) : 0;
      }
    }
    if (digits === 0) return NaN;
    let exact = digits <= 15;
    if (c === 101 || c === 69) {
      // An exponent only when digits follow; otherwise the `e` is left to fail as a command.
      let j = i + 1;
      let e = j < n ? d.charCodeAt(j) : 0;
      if (e === PLUS || e === MINUS) e = ++j < n ? d.charCodeAt(j) : 0;
      if (e >= ZERO && e <= NINE) {
        while (e >= ZERO && e <= NINE) e = ++j < n ? d.charCodeAt(j) : 0;
        i = j;
        exact = false;
      }
    }
    this.i = i;
    // Up to 15 digits the mantissa and the power of ten are exact doubles, so one division gives
    // the correctly rounded value, as Number() would; anything longer goes through Number().
    const value = exact ? mantissa / POW10[scale] : Math.abs(Number(d.slice(start, i)));
    if (!Number.isFinite(value)) return NaN;
    return negative ? -value : value;
  }

  private openSubpath(): void {
    if (this.needMove) {
      this.out.push(`${pdfNum(this.sx)} ${pdfNum(this.sy)} m`);
      this.needMove = false;
    }
  }

  private lineTo(x: number, y: number): void {
    this.openSubpath();
    this.out.push(`${pdfNum(x)} ${pdfNum(y)} l`);
    this.cx = x;
    this.cy = y;
  }

  private curveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): void {
    this.openSubpath();
    this.out.push(`${pdfNum(x1)} ${pdfNum(y1)} ${pdfNum(x2)} ${pdfNum(y2)} ${pdfNum(x)} ${pdfNum(y)} c`);
    this.cx = x;
    this.cy = y;
  }

  /** A quadratic from the current point, as the cubic with the same curve. */
  private quadTo(qx: number, qy: number, x: number, y: number): void {
    const { cx, cy } = this;
    this.curveTo(cx + (2 / 3) * (qx - cx), cy + (2 / 3) * (qy - cy), x + (2 / 3) * (qx - x), y + (2 / 3) * (qy - y), x, y);
  }

  /** An SVG elliptical arc from the current point to (x2, y2). */
  private arcTo(rxIn: number, ryIn: number, angle: number, large: boolean, sweep: boolean, x2: number, y2: number): void {
    const x1 = this.cx;
    const y1 = this.cy;
    if (x1 === x2 && y1 === y2) return;
    let rx = Math.abs(rxIn);
    let ry = Math.abs(ryIn);
    if (rx === 0 || ry === 0) {
      this.lineTo(x2, y2);
      return;
    }
    const phi = ((angle % 360) * Math.PI) / 180;
    const cos = Math.cos(phi);
    const sin = Math.sin(phi);
    // The start point in a frame centred between the end points and aligned with the ellipse axes.
    const hx = (x1 - x2) / 2;
    const hy = (y1 - y2) / 2;
    const x1p = cos * hx + sin * hy;
    const y1p = -sin * hx + cos * hy;
    // Radii too small for the chord grow, keeping their ratio, until the ellipse just fits.
    const lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
    if (lambda > 1) {
      const s = Math.sqrt(lambda);
      rx *= s;
      ry *= s;
    }
    const rx2 = rx * rx;
    const ry2 = ry * ry;
    const den = rx2 * y1p * y1p + ry2 * x1p * x1p;
    let coef = Math.sqrt(Math.max(0, (rx2 * ry2 - den) / den));
    if (large === sweep) coef = -coef;
    const cxp = (coef * rx * y1p) / ry;
    const cyp = (-coef * ry * x1p) / rx;
    const ox = cos * cxp - sin * cyp + (x1 + x2) / 2;
    const oy = sin * cxp + cos * cyp + (y1 + y2) / 2;
    const theta1 = Math.atan2((y1p - cyp) / ry, (x1p - cxp) / rx);
    let delta = Math.atan2((-y1p - cyp) / ry, (-x1p - cxp) / rx) - theta1;
    if (sweep && delta < 0) delta += 2 * Math.PI;
    else if (!sweep && delta > 0) delta -= 2 * Math.PI;
    // The tolerance keeps a rounding error from adding a sliver segment to an exact quarter.
    const segments = Math.max(1, Math.ceil(Math.abs(delta) / (Math.PI / 2) - 1e-9));
    const step = delta / segments;
    // Control-arm length of a cubic approximating a unit circular arc of `step` radians.
    const k = (4 / 3) * Math.tan(step / 4);
    // Points of the unit circle map to the ellipse by (ux, uy) → o + R(φ)·(rx·ux, ry·uy).
    const ax = rx * cos;
    const ay = rx * sin;
    const bx = -ry * sin;
    const by = ry * cos;
    let ca = Math.cos(theta1);
    let sa = Math.sin(theta1);
    for (let s = 1; s <= segments; s++) {
      const t = theta1 + s * step;
      const cb = Math.cos(t);
      const sb = Math.sin(t);
      const u1 = ca - k * sa;
      const v1 = sa + k * ca;
      const u2 = cb + k * sb;
      const v2 = sb - k * cb;
      const last = s === segments;
      this.curveTo(
        ox + ax * u1 + bx * v1,
        oy + ay * u1 + by * v1,
        ox + ax * u2 + bx * v2,
        oy + ay * u2 + by * v2,
        // The last segment ends exactly on the given end point.
        last ? x2 : ox + ax * cb + bx * sb,
        last ? y2 : oy + ay * cb + by * sb,
      );
      ca = cb;
      sa = sb;
    }
  }
}
