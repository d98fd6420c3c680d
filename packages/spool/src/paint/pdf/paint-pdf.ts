import { createHash } from 'node:crypto';
import type { ImageItem, Scene } from '../../scene/types.js';
import type { PaintResources } from '../../scene/types.js';
import { safeHref } from '../../scene/safe-values.js';
import { pdfColor, rgbOp } from './pdf-color.js';
import { splitTransparentPngs } from './pdf-alpha.js';
import { PdfFonts } from './pdf-fonts.js';
import { PdfImageWriter } from './pdf-images.js';
import { name, pdfDate, PdfFile, type PdfDict, type PdfRef } from './pdf-objects.js';
import { PdfAlphaStates, PdfPage } from './pdf-page.js';
import { PdfShapeWriter } from './pdf-shapes.js';
import { PageStructure, PdfStructure } from './pdf-structure.js';
import { loadSubsetter, type Subsetter } from './pdf-subset.js';
import { PdfTextWriter } from './pdf-text.js';

export interface PdfMeta {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string[] | string;
  /** BCP 47 language of the text, e.g. `en`. */
  lang?: string;
}

export interface PdfPaintOptions {
  /**
   * Write a tagged PDF (paragraphs, figures with alt text, links in the structure tree) so screen
   * readers and reflow work. Default true; off saves a little size and time.
   */
  tagged?: boolean;
  /** Called before each page; throws to stop a PDF that has taken too long to write. */
  checkpoint?: () => void;
  /** Document dates; default now. Fixed in tests that compare bytes. */
  date?: Date;
}

interface Writers {
  text: PdfTextWriter;
  images: PdfImageWriter;
  shapes: PdfShapeWriter;
  alpha: PdfAlphaStates;
}

/**
 * Paints one page per scene. Text stays real text in embedded subset fonts, placed glyph by glyph
 * where the layout put it; page size in points equals the scene's layout units.
 */
export async function paintPdf(
  scenes: readonly Scene[],
  resources: PaintResources,
  meta: PdfMeta = {},
  opts: PdfPaintOptions = {},
): Promise<Uint8Array> {
  const tagged = opts.tagged ?? true;
  // The subsetter compiles while the transparent PNGs are split and the pages are drawn.
  const subsetter = loadSubsetter().catch(() => undefined);
  const splits = await splitTransparentPngs(scenes, resources);

  const file = new PdfFile();
  const alpha = new PdfAlphaStates(file);
  const fonts = new PdfFonts(file);
  const writers: Writers = {
    text: new PdfTextWriter(fonts, resources),
    images: new PdfImageWriter(file, alpha, resources, splits),
    shapes: new PdfShapeWriter(file, alpha),
    alpha,
  };
  const structure = tagged ? new PdfStructure(file) : undefined;
  const pagesRef = file.alloc();
  const pageRefs: PdfRef[] = [];

  for (const scene of scenes) {
    opts.checkpoint?.();
    const page = new PdfPage(file.alloc(), scene.width, scene.height);
    const marks = new PageStructure(file, page, structure);
    paintPage(page, scene, marks, writers);
    marks.close();
    writePage(file, page, pagesRef, marks.key);
    pageRefs.push(page.ref);
  }
  file.set({ Type: name('Pages'), Kids: pageRefs, Count: pageRefs.length }, pagesRef);
  fonts.finish((await subsetter) as Subsetter | undefined);

  const keywords = Array.isArray(meta.keywords) ? meta.keywords.join(', ') : meta.keywords;
  const date = pdfDate(opts.date ?? new Date());
  const info = file.set({
    Title: meta.title || undefined,
    Author: meta.author || undefined,
    Subject: meta.subject || undefined,
    Keywords: keywords || undefined,
    Creator: 'Spool',
    Producer: 'Spool',
    CreationDate: date,
    ModDate: date,
  });
  const catalog: PdfDict = {
    Type: name('Catalog'),
    Pages: pagesRef,
    Lang: meta.lang || undefined,
    ViewerPreferences: meta.title ? { DisplayDocTitle: true } : undefined,
  };
  if (structure) {
    catalog.MarkInfo = { Marked: true };
    catalog.StructTreeRoot = structure.finish();
  }
  const root = file.set(catalog);
  const id = createHash('md5').update(`${date}\u0000${meta.title ?? ''}\u0000${scenes.length}`).digest('hex');
  return file.finish({ Root: root, Info: info, ID: [id, id] });
}

function writePage(file: PdfFile, page: PdfPage, parent: PdfRef, structParents: number | undefined): void {
  const resources: PdfDict = {};
  const add = (key: string, dict: Record<string, PdfRef>) => {
    if (Object.keys(dict).length) resources[key] = dict;
  };
  add('Font', page.fonts);
  add('XObject', page.xobjects);
  add('ExtGState', page.extGStates);
  add('Shading', page.shadings);
  file.set(
    {
      Type: name('Page'),
      Parent: parent,
      MediaBox: [0, 0, page.width, page.height],
      Resources: resources,
      Contents: file.stream({}, page.ops.join('\n')),
      Annots: page.annots.length ? page.annots : undefined,
      StructParents: structParents,
      // Tab order follows the structure, as PDF/UA asks of tagged documents.
      Tabs: structParents === undefined ? undefined : name('S'),
    },
    page.ref,
  );
}

function paintPage(page: PdfPage, scene: Scene, structure: PageStructure, w: Writers): void {
  for (const item of scene.items) {
    switch (item.type) {
      case 'rect':
        structure.artifact();
        w.shapes.drawRect(page, item);
        break;
      case 'path':
        structure.artifact();
        w.shapes.drawPath(page, item);
        break;
      case 'text': {
        structure.text();
        const { rgb, opacity } = pdfColor(item.color);
        page.add('q');
        page.add(rgbOp(rgb, 'rg'));
        const gs = w.alpha.apply(page, opacity * (item.opacity ?? 1));
        if (gs) page.add(gs);
        w.text.draw(page, item);
        page.add('Q');
        break;
      }
      case 'image':
        drawImage(page, item, structure, w.images);
        break;
      case 'link': {
        const href = safeHref(item.href);
        if (href) structure.link(item.x, item.y, item.w, item.h, href);
        break;
      }
    }
  }
}

function drawImage(page: PdfPage, item: ImageItem, structure: PageStructure, images: PdfImageWriter): void {
  if (item.key.startsWith('emoji:')) {
    structure.inlineImage(item.alt, () => images.draw(page, item));
  } else if (item.alt) {
    structure.figure(item.alt, () => images.draw(page, item));
  } else {
    structure.artifact();
    images.draw(page, item);
  }
}
