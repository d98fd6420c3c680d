/**
 * Tagged-PDF bookkeeping for one page: text runs become paragraphs, images with alt text become
 * figures, everything else is marked as an artifact (decoration that screen readers skip).
 * Items arrive in reading order, so consecutive text items form one paragraph.
 */

type Open = 'none' | 'artifact' | 'text';

export class PageStructure {
  private open: Open = 'none';
  private content: PDFKit.PDFStructureContent | undefined;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly section: PDFKit.PDFStructureElement | undefined,
  ) {}

  get tagged(): boolean {
    return this.section !== undefined;
  }

  /** Before drawing a decoration (background, shape, unlabelled image). */
  artifact(): void {
    if (!this.section || this.open === 'artifact') return;
    this.close();
    this.doc.markContent('Artifact');
    this.open = 'artifact';
  }

  /** Before drawing text or an inline emoji; continues the current paragraph if one is open. */
  text(): void {
    if (!this.section || this.open === 'text') return;
    this.close();
    this.content = this.doc.markStructureContent('P');
    this.open = 'text';
  }

  /** Wraps an inline image (emoji) in a span whose actual text is its alt, for copy and search. */
  inlineImage(alt: string | undefined, draw: () => void): void {
    this.text();
    if (!this.section || !alt) return draw();
    this.doc.markContent('Span', { actual: alt });
    draw();
    this.doc.endMarkedContent();
  }

  figure(alt: string, draw: () => void): void {
    if (!this.section) return draw();
    this.close();
    const content = this.doc.markStructureContent('Figure');
    draw();
    this.doc.endMarkedContent();
    this.section.add(this.doc.struct('Figure', { alt }, [content]));
  }

  /** A link annotation, tied into the structure so assistive tools can reach it. */
  link(x: number, y: number, w: number, h: number, href: string): void {
    if (!this.section) {
      this.doc.link(x, y, w, h, href);
      return;
    }
    const link = this.doc.struct('Link');
    this.section.add(link);
    // pdfkit supports structParent on annotations; its typings do not list it.
    this.doc.link(x, y, w, h, href, { structParent: link } as PDFKit.Mixins.AnnotationOption);
    link.end();
  }

  close(): void {
    if (this.open === 'none') return;
    this.doc.endMarkedContent();
    if (this.open === 'text' && this.content && this.section) {
      this.section.add(this.doc.struct('P', {}, [this.content]));
    }
    this.content = undefined;
    this.open = 'none';
  }
}
