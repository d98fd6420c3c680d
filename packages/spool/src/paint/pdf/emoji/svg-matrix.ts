/** SVG transforms and the viewport as affine matrices, and the PDF operator that applies one. */
import { pdfNum } from '../pdf-color.js';
import { length, type SvgNode } from './svg-tree.js';


/** An affine matrix `[a b c d e f]`, mapping (x, y) to (a·x + c·y + e, b·x + d·y + f), as in SVG and PDF. */
export type Matrix = [number, number, number, number, number, number];

/** `m · n`: the matrix applying `n` first, then `m`. */
export function multiply(m: Matrix, n: Matrix): Matrix {
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
export function parseTransform(value: string | undefined): Matrix | undefined {
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
export function matrixNum(v: number): string {
  const r = Math.round(v * 1e6) / 1e6;
  return r === 0 ? '0' : String(r);
}

export function cmOp(m: Matrix): string {
  return `${matrixNum(m[0])} ${matrixNum(m[1])} ${matrixNum(m[2])} ${matrixNum(m[3])} ${pdfNum(m[4])} ${pdfNum(m[5])} cm`;
}

/** Maps the root's viewBox to the box, following `preserveAspectRatio` (default `xMidYMid meet`). */
export function viewportMatrix(root: SvgNode, width: number, height: number): Matrix | undefined {
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
