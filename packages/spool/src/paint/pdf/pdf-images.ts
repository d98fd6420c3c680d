import SVGtoPDF from 'svg-to-pdfkit';
import type { ImageItem, ImageResource, PaintResources } from '../../scene/types.js';
import { placeImage, type Box } from '../svg/geometry.js';
import type { SplitPng } from './pdf-alpha.js';

/**
 * Photos, logos and emoji. Every resource is embedded once per document however many pages show
 * it: bitmaps as one image XObject, SVG emoji as one form XObject drawn as vectors, both placed
 * with a transform on each use.
 */

interface PdfRef {
  data: Record<string, unknown>;
  write(chunk: string): void;
  end(): void;
}

interface FakePage {
  width: number;
  height: number;
  write(chunk: string): void;
  fonts: Record<string, unknown>;
  xobjects: Record<string, unknown>;
  ext_gstates: Record<string, unknown>;
  patterns: Record<string, unknown>;
  annotations: unknown[];
  markings: unknown[];
}

/** pdfkit internals swapped while an SVG is drawn into a form (the technique svg-to-pdfkit uses for groups). */
interface DocInternals {
  page: PDFKit.PDFPage | FakePage;
  _ctm: number[];
  ref(data: object): PdfRef;
  openImage(src: Buffer): unknown;
}

/** pdfkit's PNG image object, as far as joining a soft mask to it goes. */
interface PdfkitPng {
  obj?: PdfRef;
  embed(doc: PDFKit.PDFDocument): void;
  finalize(): void;
}

interface Form {
  name: string;
  ref: PdfRef;
}

export class PdfImageWriter {
  private readonly bitmaps = new Map<ImageResource, unknown>();
  private readonly forms = new Map<ImageResource, Form>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly resources: PaintResources,
    /** Transparent PNGs already split into colour and mask (see pdf-alpha.ts). */
    private readonly splits: ReadonlyMap<ImageResource, SplitPng> = new Map(),
  ) {}

  draw(item: ImageItem): void {
    const res = this.resources.image(item.key);
    if (!res || !(res.width > 0) || !(res.height > 0)) return;
    const place = placeImage(item, res.width, res.height);
    if (place.clip.w <= 0 || place.clip.h <= 0) return;
    const doc = this.doc;
    doc.save();
    if (item.opacity !== undefined && item.opacity < 1) doc.fillOpacity(Math.max(0, item.opacity));
    if (place.overflows || place.radius > 0) {
      const c = place.clip;
      if (place.radius > 0) doc.roundedRect(c.x, c.y, c.w, c.h, place.radius);
      else doc.rect(c.x, c.y, c.w, c.h);
      doc.clip();
    }
    if (res.mime === 'image/svg+xml') this.drawForm(res, place.draw);
    else if (res.mime === 'image/png' || res.mime === 'image/jpeg') this.drawBitmap(res, place.draw);
    doc.restore();
  }

  private drawBitmap(res: ImageResource, box: Box): void {
    let image = this.bitmaps.get(res);
    if (!image) {
      image = this.openBitmap(res);
      this.bitmaps.set(res, image);
    }
    // Orientation is normalised when images are loaded; the painters place the bitmap as stored.
    const options = { width: box.w, height: box.h, ignoreOrientation: true };
    this.doc.image(image as Buffer, box.x, box.y, options);
  }

  private openBitmap(res: ImageResource): unknown {
    const doc = this.doc as unknown as DocInternals;
    const split = this.splits.get(res);
    if (!split) {
      const b = res.bytes;
      return doc.openImage(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
    }
    const mask = doc.openImage(split.alpha) as PdfkitPng;
    mask.embed(this.doc);
    const colour = doc.openImage(split.colour) as PdfkitPng;
    // The mask has to be on the image dictionary before pdfkit writes it out in finalize().
    const finalize = colour.finalize.bind(colour);
    colour.finalize = () => {
      if (colour.obj && mask.obj) colour.obj.data.SMask = mask.obj;
      finalize();
    };
    return colour;
  }

  private drawForm(res: ImageResource, box: Box): void {
    const form = this.form(res);
    const page = (this.doc as unknown as DocInternals).page as PDFKit.PDFPage;
    page.xobjects[form.name] = form.ref;
    this.doc.transform(box.w / res.width, 0, 0, box.h / res.height, box.x, box.y);
    this.doc.addContent(`/${form.name} Do`);
  }

  /**
   * Draws the SVG once into a form XObject by pointing pdfkit's current page at the form while
   * svg-to-pdfkit runs, then restoring it. The form is in the same y-down space as the page.
   */
  private form(res: ImageResource): Form {
    const known = this.forms.get(res);
    if (known) return known;
    const doc = this.doc as unknown as DocInternals;
    const resources = doc.ref({});
    const ref = doc.ref({
      Type: 'XObject',
      Subtype: 'Form',
      FormType: 1,
      BBox: [0, 0, res.width, res.height],
      Resources: resources,
      // A transparency group, so an item's opacity fades the emoji as a whole (the SVG inside
      // sets its own fill opacities, which would otherwise replace the outer one).
      Group: { S: 'Transparency', CS: 'DeviceRGB' },
    });
    const fake: FakePage = {
      width: res.width,
      height: res.height,
      write: (chunk) => ref.write(chunk),
      fonts: {},
      xobjects: {},
      ext_gstates: {},
      patterns: {},
      annotations: [],
      markings: [],
    };
    const savedPage = doc.page;
    const savedCtm = doc._ctm;
    doc.page = fake;
    doc._ctm = [1, 0, 0, 1, 0, 0];
    try {
      const svg = new TextDecoder().decode(res.bytes);
      SVGtoPDF(this.doc, svg, 0, 0, {
        width: res.width,
        height: res.height,
        assumePt: true,
        preserveAspectRatio: 'none',
        warningCallback: () => undefined,
      });
    } finally {
      doc.page = savedPage;
      doc._ctm = savedCtm;
    }
    const entries: [string, Record<string, unknown>][] = [
      ['Font', fake.fonts],
      ['XObject', fake.xobjects],
      ['ExtGState', fake.ext_gstates],
      ['Pattern', fake.patterns],
    ];
    for (const [name, dict] of entries) if (Object.keys(dict).length) resources.data[name] = dict;
    resources.end();
    ref.end();
    const form = { name: `Spool${this.forms.size + 1}`, ref };
    this.forms.set(res, form);
    return form;
  }
}
