import type { ImageItem, ImageResource, PaintResources } from '../../scene/types.js';
import { placeImage } from '../../scene/geometry.js';
import { pdfNum } from './pdf-color.js';
import type { SplitPng } from './pdf-alpha.js';
import { embedJpeg, embedPng } from './pdf-bitmaps.js';
import { name, type PdfFile, type PdfRef } from './pdf-objects.js';
import type { PdfAlphaStates, PdfPage } from './pdf-page.js';
import { rectOps } from './pdf-shapes.js';
import { emojiSvgToPdf } from './svg-emoji.js';

/**
 * Photos, logos and emoji. Every resource is embedded once per document however many pages show
 * it: bitmaps as one image XObject, SVG emoji as one form XObject drawn as vectors, both placed
 * with a transform on each use.
 */
export class PdfImageWriter {
  private readonly embedded = new Map<ImageResource, { resource: string; ref: PdfRef }>();

  constructor(
    private readonly file: PdfFile,
    private readonly alpha: PdfAlphaStates,
    private readonly resources: PaintResources,
    /** Transparent PNGs already split into colour and mask (see pdf-alpha.ts). */
    private readonly splits: ReadonlyMap<ImageResource, SplitPng> = new Map(),
  ) {}

  draw(page: PdfPage, item: ImageItem): void {
    const res = this.resources.image(item.key);
    if (!res || !(res.width > 0) || !(res.height > 0)) return;
    const place = placeImage(item, res.width, res.height);
    if (place.clip.w <= 0 || place.clip.h <= 0) return;
    const xobject = this.xobject(res);
    page.xobjects[xobject.resource] = xobject.ref;
    page.add('q');
    if (item.opacity !== undefined && item.opacity < 1) {
      const gs = this.alpha.apply(page, item.opacity, item.opacity);
      if (gs) page.add(gs);
    }
    if (place.overflows || place.radius > 0) {
      const c = place.clip;
      page.add(`${rectOps(c.x, c.y, c.w, c.h, place.radius)}\nW n`);
    }
    const b = place.draw;
    if (res.mime === 'image/svg+xml') {
      // The form is drawn in the page's y-down space, in the resource's own units.
      page.add(`${pdfNum(b.w / res.width)} 0 0 ${pdfNum(b.h / res.height)} ${pdfNum(b.x)} ${pdfNum(b.y)} cm`);
    } else {
      // An image fills the unit square upright; the page space is flipped, so flip it back.
      page.add(`${pdfNum(b.w)} 0 0 ${pdfNum(-b.h)} ${pdfNum(b.x)} ${pdfNum(b.y + b.h)} cm`);
    }
    page.add(`/${xobject.resource} Do`);
    page.add('Q');
  }

  private xobject(res: ImageResource): { resource: string; ref: PdfRef } {
    let known = this.embedded.get(res);
    if (!known) {
      known = { resource: `Im${this.embedded.size + 1}`, ref: this.embed(res) };
      this.embedded.set(res, known);
    }
    return known;
  }

  private embed(res: ImageResource): PdfRef {
    if (res.mime === 'image/jpeg') return embedJpeg(this.file, res.bytes, res.key);
    if (res.mime === 'image/svg+xml') return this.embedSvg(res);
    const split = this.splits.get(res);
    if (!split) return embedPng(this.file, res.bytes, res.key);
    const mask = embedPng(this.file, split.alpha, `${res.key} (alpha)`);
    return embedPng(this.file, split.colour, res.key, mask);
  }

  /** An emoji as a form XObject: vectors, in its own transparency group so opacity fades it whole. */
  private embedSvg(res: ImageResource): PdfRef {
    const svg = new TextDecoder().decode(res.bytes);
    const drawn = emojiSvgToPdf(svg, res.width, res.height);
    const states: Record<string, PdfRef> = {};
    for (const [resource, state] of Object.entries(drawn.extGStates)) {
      states[resource] = this.file.set({ Type: name('ExtGState'), ...state });
    }
    return this.file.stream(
      {
        Type: name('XObject'),
        Subtype: name('Form'),
        FormType: 1,
        BBox: [0, 0, res.width, res.height],
        Resources: Object.keys(states).length ? { ExtGState: states } : {},
        Group: { S: name('Transparency'), CS: name('DeviceRGB') },
      },
      drawn.content,
    );
  }
}
