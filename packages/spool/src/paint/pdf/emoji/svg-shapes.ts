/** The outlines of SVG's basic shapes and paths as PDF path operators. */
import { pdfNum } from '../pdf-color.js';
import { QUARTER_KAPPA, svgPathToPdf } from '../svg-path.js';
import type { Matrix } from './svg-matrix.js';
import { length, type SvgNode } from './svg-tree.js';

export function ellipsePath(cx: number, cy: number, rx: number, ry: number): string {
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
export function shapePath(node: SvgNode): string {
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
export function transformPath(ops: string, m: Matrix): string {
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
