import { name, textString, PdfRaw, type PdfFile, type PdfRef, type PdfValue } from './pdf-objects.js';
import type { PdfPage } from './pdf-page.js';

/**
 * Tagged PDF (ISO 32000-1, 14.7-14.8): a structure tree of Document → one Sect per page →
 * paragraphs, figures with alt text and links, tied to the content by marked-content ids, so
 * screen readers and reflow read the slides in order. Everything else is marked as an artifact
 * (decoration that assistive tools skip).
 */

type Kid = StructElem | { mcid: number; page: PdfRef } | { annot: PdfRef; page: PdfRef };

interface StructElem {
  ref: PdfRef;
  type: string;
  parent?: StructElem;
  kids: Kid[];
  alt?: string;
}

export class PdfStructure {
  readonly root: StructElem;
  /** ParentTree entries by key: a page's elements by MCID, or an annotation's element. */
  private readonly parents: [number, StructElem[] | StructElem][] = [];
  private readonly elements: StructElem[] = [];

  constructor(private readonly file: PdfFile) {
    this.root = this.element('Document');
  }

  element(type: string, parent?: StructElem, alt?: string): StructElem {
    const elem: StructElem = { ref: this.file.alloc(), type, parent, kids: [], alt };
    parent?.kids.push(elem);
    this.elements.push(elem);
    return elem;
  }

  /** A page's key into the ParentTree; its marked content is registered under it. */
  pageKey(): { key: number; byMcid: StructElem[] } {
    const byMcid: StructElem[] = [];
    this.parents.push([this.parents.length, byMcid]);
    return { key: this.parents.length - 1, byMcid };
  }

  annotationKey(elem: StructElem): number {
    this.parents.push([this.parents.length, elem]);
    return this.parents.length - 1;
  }

  /** Writes the elements and the StructTreeRoot; returns its reference for the catalog. */
  finish(): PdfRef {
    const rootRef = this.file.alloc();
    for (const elem of this.elements) {
      const kids: PdfValue[] = elem.kids.map((kid) => {
        if ('ref' in kid) return kid.ref;
        if ('mcid' in kid) return { Type: name('MCR'), Pg: kid.page, MCID: kid.mcid };
        return { Type: name('OBJR'), Pg: kid.page, Obj: kid.annot };
      });
      this.file.set(
        {
          Type: name('StructElem'),
          S: name(elem.type),
          P: elem.parent?.ref ?? rootRef,
          K: kids,
          Alt: elem.alt,
        },
        elem.ref,
      );
    }
    const nums: PdfValue[] = [];
    for (const [key, value] of this.parents) nums.push(key, Array.isArray(value) ? value.map((e) => e.ref) : value.ref);
    this.file.set(
      {
        Type: name('StructTreeRoot'),
        K: [this.root.ref],
        ParentTree: this.file.set({ Nums: nums }),
        ParentTreeNextKey: this.parents.length,
      },
      rootRef,
    );
    return rootRef;
  }
}

type Open = 'none' | 'artifact' | 'text';

/**
 * Tagged-PDF bookkeeping for one page: text runs become paragraphs, images with alt text become
 * figures, everything else is an artifact. Items arrive in reading order, so consecutive text
 * items form one paragraph. Without a structure (untagged output) only links are written.
 */
export class PageStructure {
  private open: Open = 'none';
  private readonly section: StructElem | undefined;
  private readonly byMcid: StructElem[] = [];
  /** The page's StructParents key, when tagged. */
  readonly key: number | undefined;

  constructor(
    private readonly file: PdfFile,
    private readonly page: PdfPage,
    private readonly structure: PdfStructure | undefined,
  ) {
    if (structure) {
      this.section = structure.element('Sect', structure.root);
      const { key, byMcid } = structure.pageKey();
      this.key = key;
      this.byMcid = byMcid;
    }
  }

  /** Before drawing a decoration (background, shape, unlabelled image). */
  artifact(): void {
    if (!this.section || this.open === 'artifact') return;
    this.close();
    this.page.add('/Artifact BMC');
    this.open = 'artifact';
  }

  /** Before drawing text or an inline emoji; continues the current paragraph if one is open. */
  text(): void {
    if (!this.section || this.open === 'text') return;
    this.close();
    const paragraph = this.structure!.element('P', this.section);
    this.page.add(`/P <</MCID ${this.mark(paragraph)}>> BDC`);
    this.open = 'text';
  }

  /** Wraps an inline image (emoji) in a span whose actual text is its alt, for copy and search. */
  inlineImage(alt: string | undefined, draw: () => void): void {
    this.text();
    if (!this.section || !alt) return draw();
    this.page.add(`/Span <</ActualText ${textString(alt)}>> BDC`);
    draw();
    this.page.add('EMC');
  }

  figure(alt: string, draw: () => void): void {
    if (!this.section) return draw();
    this.close();
    const figure = this.structure!.element('Figure', this.section, alt);
    this.page.add(`/Figure <</MCID ${this.mark(figure)}>> BDC`);
    draw();
    this.page.add('EMC');
  }

  /** A link annotation (page space is y down; annotation rectangles are y up), in the structure. */
  link(x: number, y: number, w: number, h: number, href: string): void {
    const H = this.page.height;
    const annot = this.file.alloc();
    let structParent: number | undefined;
    if (this.section) {
      this.close();
      const link = this.structure!.element('Link', this.section);
      link.kids.push({ annot, page: this.page.ref });
      structParent = this.structure!.annotationKey(link);
    }
    this.file.set(
      {
        Type: name('Annot'),
        Subtype: name('Link'),
        Rect: [x, H - y - h, x + w, H - y],
        Border: [0, 0, 0],
        F: 4,
        A: { S: name('URI'), URI: new PdfRaw(textString(asciiUri(href))) },
        StructParent: structParent,
      },
      annot,
    );
    this.page.annots.push(annot);
  }

  close(): void {
    if (this.open === 'none') return;
    this.page.add('EMC');
    this.open = 'none';
  }

  private mark(elem: StructElem): number {
    const mcid = this.byMcid.length;
    this.byMcid.push(elem);
    elem.kids.push({ mcid, page: this.page.ref });
    return mcid;
  }
}

/** URIs in a PDF are 7-bit ASCII: anything else is percent-encoded as UTF-8. */
function asciiUri(href: string): string {
  return href.replace(/[^\x21-\x7e]/gu, (c) => (c.length === 1 && /[\ud800-\udfff]/.test(c) ? '%EF%BF%BD' : encodeURIComponent(c)));
}
