import svgpath from 'svgpath';
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
 * svgpath reads the data (every command, absolute and relative, in the compact syntax SVG allows),
 * makes it absolute, expands S and T by reflection and turns elliptical arcs into cubics of at most
 * 90° each, by the SVG implementation notes. What is ours is the PDF side: quadratics raised to
 * cubics, an arc that ends where it starts omitted, and after `Z` an explicit `m` at the closed
 * subpath's start before a segment that follows without a moveto, since PDF has no implicit one.
 *
 * As browsers do with malformed data, conversion stops at the first error and what came before it
 * is returned, so `M 0 0 L 10 10 L 20` draws the first line only. Data that does not begin with a
 * moveto draws nothing.
 */
export function svgPathToPdf(d: string): string {
  const out: string[] = [];
  /** Whether a subpath is open: after `Z` the next segment must move to where the subpath began. */
  let open = false;
  const segment = (x: number, y: number, line: string) => {
    if (!open) out.push(`${pdfNum(x)} ${pdfNum(y)} m`);
    open = true;
    out.push(line);
  };
  let path = svgpath(d).abs();
  // Each of svgpath's steps walks every segment; pattern backgrounds send thousands, so a step
  // runs only when the data holds a command it changes.
  if (/[SsTt]/.test(d)) path = path.unshort();
  if (/[Aa]/.test(d)) {
    // An arc that ends where it starts draws nothing (svgpath would keep it as a line of no length).
    path = path.iterate((s, _i, x, y) => (s[0] === 'A' && s[6] === x && s[7] === y ? [] : undefined)).unarc();
  }
  let broken = false;
  path.iterate((s, _i, x, y) => {
    // A number too large for a double (`1e999`) is an error like any other: drawing stops there.
    if (broken || !s.every((v, k) => k === 0 || Number.isFinite(v))) {
      broken = true;
      return;
    }
    switch (s[0]) {
      case 'M':
        out.push(`${pdfNum(s[1])} ${pdfNum(s[2])} m`);
        open = true;
        break;
      case 'L':
        segment(x, y, `${pdfNum(s[1])} ${pdfNum(s[2])} l`);
        break;
      case 'H':
        segment(x, y, `${pdfNum(s[1])} ${pdfNum(y)} l`);
        break;
      case 'V':
        segment(x, y, `${pdfNum(x)} ${pdfNum(s[1])} l`);
        break;
      case 'C':
        segment(x, y, `${pdfNum(s[1])} ${pdfNum(s[2])} ${pdfNum(s[3])} ${pdfNum(s[4])} ${pdfNum(s[5])} ${pdfNum(s[6])} c`);
        break;
      case 'Q': {
        // A quadratic is the cubic whose control points lie two thirds of the way to its one.
        const [, qx, qy, ex, ey] = s;
        const c = [x + (2 / 3) * (qx - x), y + (2 / 3) * (qy - y), ex + (2 / 3) * (qx - ex), ey + (2 / 3) * (qy - ey)];
        segment(x, y, `${c.map(pdfNum).join(' ')} ${pdfNum(ex)} ${pdfNum(ey)} c`);
        break;
      }
      case 'Z':
      case 'z':
        if (open) out.push('h');
        open = false;
        break;
    }
  });
  return out.join('\n');
}
