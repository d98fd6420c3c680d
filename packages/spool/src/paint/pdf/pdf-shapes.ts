import type { Paint, PathItem, RectItem, Stroke } from '../../scene/types.js';
import { clampRadius } from '../svg/geometry.js';
import { pdfColor } from './pdf-color.js';

/**
 * Rects and paths, filled with a colour or a linear gradient, optionally stroked. An item's opacity
 * is folded into its colours' alpha, which is what SVG's group opacity amounts to for one shape.
 *
 * Background patterns are one long path repeated on every page, and pdfkit converts SVG arcs to
 * curves in JavaScript each time. Converted operators are cached for the process, and a long path
 * that repeats is written once per document as a form XObject that every page reuses.
 */

/** Paths at least this long (in content-stream characters) go into a shared form. */
const FORM_MIN_CHARS = 1500;
const OPS_CACHE_SIZE = 64;
const opsCache = new Map<string, string>();

interface PdfRef {
  write(chunk: string): void;
  end(): void;
}

interface DocInternals {
  page: PDFKit.PDFPage;
  ref(data: object): PdfRef;
  addContent(data: string): unknown;
}

function alphaOrUndefined(alpha: number): number | undefined {
  return alpha < 1 ? Math.max(0, alpha) : undefined;
}

export class PdfShapeWriter {
  private readonly forms = new Map<string, { name: string; ref: PdfRef }>();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  drawRect(item: RectItem): void {
    if (item.fill === undefined && !item.stroke) return;
    const doc = this.doc;
    doc.save();
    const r = clampRadius(item.radius ?? 0, item.w, item.h);
    if (r > 0) doc.roundedRect(item.x, item.y, item.w, item.h, r);
    else doc.rect(item.x, item.y, item.w, item.h);
    this.paint(item.fill, item.stroke, item.opacity ?? 1);
    doc.restore();
  }

  drawPath(item: PathItem): void {
    const stroke = item.stroke && item.stroke.width > 0 ? item.stroke : undefined;
    if (item.fill === undefined && !stroke) return;
    const doc = this.doc;
    doc.save();
    const ops = this.pathOps(item.d);
    if (ops.length >= FORM_MIN_CHARS && typeof item.fill !== 'object') {
      this.setColours(item.fill, stroke, item.opacity ?? 1);
      const op = item.fill !== undefined && stroke ? 'B' : item.fill !== undefined ? 'f' : 'S';
      (doc as unknown as DocInternals).addContent(`/${this.form(ops, op)} Do`);
    } else {
      (doc as unknown as DocInternals).addContent(ops);
      this.paint(item.fill, stroke, item.opacity ?? 1);
    }
    doc.restore();
  }

  /** Fills and/or strokes the path already built on the document. */
  private paint(fill: Paint | undefined, stroke: Stroke | undefined, alpha: number): void {
    const stroked = stroke && stroke.width > 0 ? stroke : undefined;
    this.setColours(fill, stroked, alpha);
    if (fill !== undefined && stroked) this.doc.fillAndStroke();
    else if (fill !== undefined) this.doc.fill();
    else if (stroked) this.doc.stroke();
  }

  private setColours(fill: Paint | undefined, stroke: Stroke | undefined, alpha: number): void {
    const doc = this.doc;
    if (typeof fill === 'string') {
      const { color, opacity } = pdfColor(fill);
      doc.fillColor(color, alphaOrUndefined(opacity * alpha));
    } else if (fill) {
      const gradient = doc.linearGradient(fill.x1, fill.y1, fill.x2, fill.y2);
      for (const stop of fill.stops) {
        const { color, opacity } = pdfColor(stop.color);
        // pdfkit's stop() typings omit the RGB tuple it accepts at runtime.
        gradient.stop(Math.min(1, Math.max(0, stop.offset)), color as string, opacity * (stop.opacity ?? 1) * alpha);
      }
      doc.fillColor(gradient);
    }
    if (stroke) {
      const { color, opacity } = pdfColor(stroke.color);
      doc.lineWidth(stroke.width).strokeColor(color, alphaOrUndefined(opacity * alpha));
    }
  }

  /** pdfkit's path operators for `d`, captured once by listening to what doc.path() writes. */
  private pathOps(d: string): string {
    const cached = opsCache.get(d);
    if (cached !== undefined) return cached;
    const doc = this.doc as unknown as { addContent?: (chunk: string) => unknown };
    const collected: string[] = [];
    doc.addContent = (chunk: string) => {
      collected.push(String(chunk));
      return doc;
    };
    try {
      this.doc.path(d);
    } finally {
      // addContent lives on the prototype; removing the own property restores it.
      delete doc.addContent;
    }
    const ops = collected.join('\n');
    if (opsCache.size >= OPS_CACHE_SIZE) opsCache.delete(opsCache.keys().next().value as string);
    opsCache.set(d, ops);
    return ops;
  }

  /** A form holding the path and its painting operator; colours come from the page that draws it. */
  private form(ops: string, op: string): string {
    const key = `${op}\u0000${ops}`;
    const doc = this.doc as unknown as DocInternals;
    let form = this.forms.get(key);
    if (!form) {
      const { width: w, height: h } = doc.page;
      const ref = doc.ref({ Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: [-w, -h, 2 * w, 2 * h] });
      ref.write(`${ops}\n${op}`);
      ref.end();
      form = { name: `SpoolPath${this.forms.size + 1}`, ref };
      this.forms.set(key, form);
    }
    doc.page.xobjects[form.name] = form.ref;
    return form.name;
  }
}
