import type { LinearGradient, Paint, PathItem, RectItem, Stroke } from '../../scene/types.js';
import { clampRadius } from '../../scene/geometry.js';
import { pdfColor, pdfNum, rgbOp } from './pdf-color.js';
import { name, type PdfFile, type PdfRef, type PdfValue } from './pdf-objects.js';
import type { PdfAlphaStates, PdfPage } from './pdf-page.js';
import { QUARTER_KAPPA, svgPathToPdf } from './svg-path.js';

/**
 * Rects and paths, filled with a colour or a linear gradient, optionally stroked. An item's
 * opacity is folded into its colours' alpha, which is what SVG's group opacity amounts to for one
 * shape.
 *
 * Background patterns are one long path repeated on every page: converted operators are cached
 * for the process, and a long path that repeats is written once per document as a form XObject
 * that every page reuses.
 */

/** Paths at least this long (in content-stream characters) go into a shared form. */
const FORM_MIN_CHARS = 1500;
const OPS_CACHE_SIZE = 64;
const opsCache = new Map<string, string>();

function pathOps(d: string): string {
  let ops = opsCache.get(d);
  if (ops === undefined) {
    ops = svgPathToPdf(d);
    if (opsCache.size >= OPS_CACHE_SIZE) opsCache.delete(opsCache.keys().next().value as string);
    opsCache.set(d, ops);
  }
  return ops;
}

/** A rectangle, with rounded corners when `r` > 0, as path operators. */
export function rectOps(x: number, y: number, w: number, h: number, r: number): string {
  const n = pdfNum;
  if (!(r > 0)) return `${n(x)} ${n(y)} ${n(w)} ${n(h)} re`;
  const k = r * (1 - QUARTER_KAPPA);
  const x2 = x + w;
  const y2 = y + h;
  return [
    `${n(x + r)} ${n(y)} m`,
    `${n(x2 - r)} ${n(y)} l`,
    `${n(x2 - k)} ${n(y)} ${n(x2)} ${n(y + k)} ${n(x2)} ${n(y + r)} c`,
    `${n(x2)} ${n(y2 - r)} l`,
    `${n(x2)} ${n(y2 - k)} ${n(x2 - k)} ${n(y2)} ${n(x2 - r)} ${n(y2)} c`,
    `${n(x + r)} ${n(y2)} l`,
    `${n(x + k)} ${n(y2)} ${n(x)} ${n(y2 - k)} ${n(x)} ${n(y2 - r)} c`,
    `${n(x)} ${n(y + r)} l`,
    `${n(x)} ${n(y + k)} ${n(x + k)} ${n(y)} ${n(x + r)} ${n(y)} c`,
    'h',
  ].join('\n');
}

export class PdfShapeWriter {
  private readonly forms = new Map<string, { resource: string; ref: PdfRef }>();
  private readonly shadings = new Map<string, { resource: string; ref: PdfRef }>();

  constructor(
    private readonly file: PdfFile,
    private readonly alpha: PdfAlphaStates,
  ) {}

  drawRect(page: PdfPage, item: RectItem): void {
    const stroke = item.stroke && item.stroke.width > 0 ? item.stroke : undefined;
    if (item.fill === undefined && !stroke) return;
    const r = clampRadius(item.radius ?? 0, item.w, item.h);
    this.paint(page, rectOps(item.x, item.y, item.w, item.h, r), item.fill, stroke, item.opacity ?? 1);
  }

  drawPath(page: PdfPage, item: PathItem): void {
    const stroke = item.stroke && item.stroke.width > 0 ? item.stroke : undefined;
    if (item.fill === undefined && !stroke) return;
    const ops = pathOps(item.d);
    if (!ops) return;
    if (ops.length >= FORM_MIN_CHARS && typeof item.fill !== 'object') {
      page.add('q');
      const alpha = item.opacity ?? 1;
      const colours = this.colours(page, item.fill, stroke, alpha);
      if (colours) page.add(colours);
      const op = item.fill !== undefined && stroke ? 'B' : item.fill !== undefined ? 'f' : 'S';
      page.add(`/${this.form(page, ops, op)} Do`);
      page.add('Q');
      return;
    }
    this.paint(page, ops, item.fill, stroke, item.opacity ?? 1);
  }

  /** Fills and/or strokes `ops`, inside its own graphics state. */
  private paint(page: PdfPage, ops: string, fill: Paint | undefined, stroke: Stroke | undefined, alpha: number): void {
    page.add('q');
    if (typeof fill === 'object') {
      // A gradient fills by clipping to the shape and painting the shading; a stroke follows.
      page.add(`q\n${ops}\nW n`);
      this.gradient(page, fill, alpha);
      page.add('Q');
      if (stroke) {
        const colours = this.colours(page, undefined, stroke, alpha);
        if (colours) page.add(colours);
        page.add(`${ops}\nS`);
      }
    } else {
      const colours = this.colours(page, fill, stroke, alpha);
      if (colours) page.add(colours);
      page.add(`${ops}\n${fill !== undefined && stroke ? 'B' : fill !== undefined ? 'f' : 'S'}`);
    }
    page.add('Q');
  }

  /** Colour, width and opacity operators for a solid fill and/or a stroke. */
  private colours(page: PdfPage, fill: string | undefined, stroke: Stroke | undefined, alpha: number): string {
    const ops: string[] = [];
    let fillAlpha = 1;
    let strokeAlpha = 1;
    if (fill !== undefined) {
      const c = pdfColor(fill);
      ops.push(rgbOp(c.rgb, 'rg'));
      fillAlpha = c.opacity * alpha;
    }
    if (stroke) {
      const c = pdfColor(stroke.color);
      ops.push(`${pdfNum(stroke.width)} w`, rgbOp(c.rgb, 'RG'));
      strokeAlpha = c.opacity * alpha;
    }
    const gs = this.alpha.apply(page, fillAlpha, strokeAlpha);
    if (gs) ops.push(gs);
    return ops.join('\n');
  }

  /**
   * Paints a linear gradient over the current clip. Stop opacities below 1 become a soft mask: the
   * same gradient in grey, where white is opaque.
   */
  private gradient(page: PdfPage, g: LinearGradient, alpha: number): void {
    const stops = [...g.stops].sort((a, b) => a.offset - b.offset);
    if (stops.length === 0) return;
    const colours = stops.map((s) => pdfColor(s.color));
    const alphas = stops.map((s, i) => colours[i].opacity * (s.opacity ?? 1) * alpha);
    const offsets = stops.map((s) => Math.min(1, Math.max(0, s.offset)));
    const coords: [number, number, number, number] = [g.x1, g.y1, g.x2, g.y2];
    const shading = this.shading(coords, offsets, colours.map((c) => c.rgb), 'DeviceRGB');
    page.shadings[shading.resource] = shading.ref;
    const uniform = alphas.every((a) => Math.abs(a - alphas[0]) < 1e-3);
    if (uniform) {
      const gs = this.alpha.apply(page, alphas[0], alphas[0]);
      if (gs) page.add(gs);
    } else {
      page.add(`/${this.softMask(page, coords, offsets, alphas)} gs`);
    }
    page.add(`/${shading.resource} sh`);
  }

  private shading(
    coords: [number, number, number, number],
    offsets: number[],
    values: readonly (readonly number[])[],
    space: 'DeviceRGB' | 'DeviceGray',
  ): { resource: string; ref: PdfRef } {
    const key = JSON.stringify([coords, offsets, values, space]);
    let shading = this.shadings.get(key);
    if (!shading) {
      const ref = this.file.set({
        ShadingType: 2,
        ColorSpace: name(space),
        Coords: coords,
        Function: stitch(offsets, values),
        Extend: [true, true],
      });
      shading = { resource: `Sh${this.shadings.size + 1}`, ref };
      this.shadings.set(key, shading);
    }
    return shading;
  }

  /** A graphics state whose soft mask is the alphas as a grey gradient over the whole page. */
  private softMask(page: PdfPage, coords: [number, number, number, number], offsets: number[], alphas: number[]): string {
    const grey = this.shading(coords, offsets, alphas.map((a) => [Math.min(1, Math.max(0, a))]), 'DeviceGray');
    const { width: w, height: h } = page;
    const group = this.file.stream(
      {
        Type: name('XObject'),
        Subtype: name('Form'),
        BBox: [-w, -h, 2 * w, 2 * h],
        Group: { S: name('Transparency'), CS: name('DeviceGray') },
        Resources: { Shading: { [grey.resource]: grey.ref } },
      },
      `/${grey.resource} sh`,
    );
    const resource = `GM${Object.keys(page.extGStates).length + 1}x${grey.ref.id}`;
    page.extGStates[resource] = this.file.set({
      Type: name('ExtGState'),
      SMask: { Type: name('Mask'), S: name('Luminosity'), G: group },
    });
    return resource;
  }

  /** A form holding the path and its painting operator; colours come from the page that draws it. */
  private form(page: PdfPage, ops: string, op: string): string {
    const key = `${op}\u0000${ops}`;
    let form = this.forms.get(key);
    if (!form) {
      const { width: w, height: h } = page;
      const ref = this.file.stream(
        { Type: name('XObject'), Subtype: name('Form'), FormType: 1, BBox: [-w, -h, 2 * w, 2 * h] },
        `${ops}\n${op}`,
      );
      form = { resource: `SpoolPath${this.forms.size + 1}`, ref };
      this.forms.set(key, form);
    }
    page.xobjects[form.resource] = form.ref;
    return form.resource;
  }
}

/** An interpolation function through the stops: one linear segment, or several stitched. */
function stitch(offsets: number[], values: readonly (readonly number[])[]): PdfValue {
  // Flat before the first stop and after the last, as SVG and CSS draw them.
  const points = [
    { x: 0, v: values[0] },
    ...offsets.map((x, i) => ({ x, v: values[i] })),
    { x: 1, v: values[values.length - 1] },
  ];
  const segments: { x: number; a: readonly number[]; b: readonly number[] }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    if (points[i + 1].x > points[i].x) segments.push({ x: points[i].x, a: points[i].v, b: points[i + 1].v });
  }
  const linear = (a: readonly number[], b: readonly number[]): PdfValue => ({ FunctionType: 2, Domain: [0, 1], C0: [...a], C1: [...b], N: 1 });
  if (segments.length === 0) return linear(values[values.length - 1], values[values.length - 1]);
  if (segments.length === 1) return linear(segments[0].a, segments[0].b);
  return {
    FunctionType: 3,
    Domain: [0, 1],
    Functions: segments.map((s) => linear(s.a, s.b)),
    Bounds: segments.slice(1).map((s) => s.x),
    Encode: segments.flatMap(() => [0, 1]),
  };
}
