import { inflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem as PdfTextItem } from 'pdfjs-dist/types/src/display/api.js';
import { expectValidPdf } from '../../helpers/qpdf.js';

/** Reads a PDF back with pdf.js, the way a viewer would, for assertions on what users get. */

export interface ReadPage {
  width: number;
  height: number;
  text: string;
  items: PdfTextItem[];
  links: { url?: string; rect: number[] }[];
  structure: unknown;
}

export interface ReadPdf {
  pages: ReadPage[];
  info: Record<string, unknown>;
  /** Font names pdf.js loaded, with whether each came from the file. */
  fonts: { name: string; embedded: boolean }[];
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  // Whatever a test reads back must also be a structurally sound file.
  await expectValidPdf(bytes);
  // pdf.js takes ownership of the buffer it is given, so it gets a copy.
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, useSystemFonts: false, disableFontFace: true })
    .promise;
  const pages: ReadPage[] = [];
  const fonts = new Map<string, boolean>();
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0, y0, x1, y1] = page.view;
    const content = await page.getTextContent();
    const items = content.items.filter((i): i is PdfTextItem => 'str' in i);
    const annotations = (await page.getAnnotations()) as { subtype: string; url?: string; rect: number[] }[];
    await page.getOperatorList();
    for (const [, style] of Object.entries(content.styles)) fonts.set(style.fontFamily, true);
    const objs = page.commonObjs as unknown as { has(id: string): boolean; get(id: string): unknown };
    for (const item of items) {
      if (objs.has(item.fontName)) {
        const font = objs.get(item.fontName) as { name?: string; missingFile?: boolean };
        fonts.set(font.name ?? item.fontName, !font.missingFile);
      }
    }
    pages.push({
      width: x1 - x0,
      height: y1 - y0,
      text: items.map((i) => i.str + (i.hasEOL ? '\n' : '')).join(''),
      items,
      links: annotations.filter((a) => a.subtype === 'Link').map((a) => ({ url: a.url, rect: a.rect })),
      structure: await page.getStructTree(),
    });
  }
  const meta = await doc.getMetadata();
  await doc.destroy();
  return {
    pages,
    info: meta.info as Record<string, unknown>,
    fonts: [...fonts].filter(([name]) => !/^(sans-serif|serif|monospace)$/.test(name)).map(([name, embedded]) => ({ name, embedded })),
  };
}

/** Every Flate stream in the file, inflated: page content, forms, font maps. */
export function contentStreams(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1');
  const out: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    try {
      out.push(inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1'));
    } catch {
      // Not every stream is Flate-compressed (JPEG images are stored as they are).
    }
  }
  return out.join('\n');
}
