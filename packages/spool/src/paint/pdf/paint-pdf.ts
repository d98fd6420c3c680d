import PDFDocument from 'pdfkit';
import type { ImageItem, PaintResources, Scene } from '../../scene/types.js';
import { safeHref } from '../svg/xml.js';
import { pdfColor } from './pdf-color.js';
import { splitTransparentPngs } from './pdf-alpha.js';
import { PdfImageWriter } from './pdf-images.js';
import { PdfShapeWriter } from './pdf-shapes.js';
import { PageStructure } from './pdf-structure.js';
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
  const splits = await splitTransparentPngs(scenes, resources);
  const keywords = Array.isArray(meta.keywords) ? meta.keywords.join(', ') : meta.keywords;
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    pdfVersion: '1.7',
    tagged,
    lang: meta.lang,
    displayTitle: !!meta.title,
    // No default font: every face is registered from the scene, so Helvetica would be dead weight.
    font: null as unknown as string,
    info: {
      ...(meta.title ? { Title: meta.title } : {}),
      ...(meta.author ? { Author: meta.author } : {}),
      ...(meta.subject ? { Subject: meta.subject } : {}),
      ...(keywords ? { Keywords: keywords } : {}),
      Creator: 'Spool',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const text = new PdfTextWriter(doc, resources);
  const images = new PdfImageWriter(doc, resources, splits);
  const shapes = new PdfShapeWriter(doc);
  const root = tagged ? doc.struct('Document') : undefined;
  if (root) doc.addStructure(root);

  for (const scene of scenes) {
    doc.addPage({ size: [scene.width, scene.height], margin: 0 });
    const section = root ? doc.struct('Sect') : undefined;
    if (root && section) root.add(section);
    paintPage(doc, scene, new PageStructure(doc, section), { text, images, shapes });
    section?.end();
  }
  root?.end();
  doc.end();
  await finished;
  const out = Buffer.concat(chunks);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

function paintPage(
  doc: PDFKit.PDFDocument,
  scene: Scene,
  structure: PageStructure,
  { text, images, shapes }: { text: PdfTextWriter; images: PdfImageWriter; shapes: PdfShapeWriter },
): void {
  for (const item of scene.items) {
    switch (item.type) {
      case 'rect':
        structure.artifact();
        shapes.drawRect(item);
        break;
      case 'path':
        structure.artifact();
        shapes.drawPath(item);
        break;
      case 'text': {
        structure.text();
        const { color, opacity } = pdfColor(item.color);
        const alpha = opacity * (item.opacity ?? 1);
        doc.save();
        doc.fillColor(color, alpha < 1 ? Math.max(0, alpha) : undefined);
        text.draw(item);
        doc.restore();
        break;
      }
      case 'image':
        drawImage(item, structure, images);
        break;
      case 'link': {
        const href = safeHref(item.href);
        if (href) structure.link(item.x, item.y, item.w, item.h, href);
        break;
      }
    }
  }
  structure.close();
}

function drawImage(item: ImageItem, structure: PageStructure, images: PdfImageWriter): void {
  if (item.key.startsWith('emoji:')) {
    structure.inlineImage(item.alt, () => images.draw(item));
  } else if (item.alt) {
    structure.figure(item.alt, () => images.draw(item));
  } else {
    structure.artifact();
    images.draw(item);
  }
}
