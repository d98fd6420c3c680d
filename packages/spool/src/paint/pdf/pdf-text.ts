import { create as createFont, type Font } from 'fontkit';
import type { FontFace, PaintResources, TextItem } from '../../scene/types.js';
import { pdfNum } from './pdf-color.js';

/**
 * Writes a TextItem's glyphs at exactly the positions the layout chose, as real text in an embedded
 * subset font. pdfkit's text() would shape the string again (word by word, so kerning across spaces
 * and any layout adjustment would be lost); here the glyph ids and pen positions come from the
 * scene and pdfkit only provides the font embedding (subset, widths, ToUnicode map for search and
 * copy). That part of pdfkit is internal, so it is reached through the small typed surface below
 * and checked when a face is first used.
 */

/** The parts of pdfkit's EmbeddedFont used here (pdfkit 0.20). */
interface EmbeddedFont {
  id: string;
  font: Font;
  /** 1000 / unitsPerEm. */
  scale: number;
  /** `glyphs` lists the source glyph of each subset glyph id; a source glyph may appear twice. */
  subset: { includeGlyph(glyphId: number): number; glyphs: number[] };
  /** Advance per subset glyph id in 1/1000 em; written as the PDF /W array. */
  widths: number[];
  /** Code points per subset glyph id; written as the ToUnicode map. */
  unicode: number[][];
  ref(): unknown;
}

interface PdfDocInternals {
  _font: unknown;
  page: PDFKit.PDFPage;
}

/** Parsed once per face for the whole process (fontkit parses lazily and caches glyphs per Font). */
const embeddingFonts = new WeakMap<FontFace, Font>();

function parsedFont(face: FontFace): Font {
  let font = embeddingFonts.get(face);
  if (!font) {
    const bytes = face.bytes;
    font = createFont(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as Font;
    if (typeof font.layout !== 'function') throw new Error(`font ${face.key} is a collection, not a single face`);
    embeddingFonts.set(face, font);
  }
  return font;
}

function isEmbeddedFont(value: unknown): value is EmbeddedFont {
  const f = value as Partial<EmbeddedFont> | null;
  return (
    !!f &&
    typeof f.id === 'string' &&
    typeof f.subset?.includeGlyph === 'function' &&
    Array.isArray(f.subset.glyphs) &&
    Array.isArray(f.widths) &&
    Array.isArray(f.unicode) &&
    typeof f.ref === 'function'
  );
}

const REPLACEMENT = 0xfffd;

const codePointsOf = (text: string): number[] => Array.from(text, (c) => c.codePointAt(0) ?? REPLACEMENT);

const sameChars = (a: number[], b: number[]) => a.length === b.length && a.every((c, i) => c === b[i]);

export class PdfTextWriter {
  private readonly fonts = new Map<string, EmbeddedFont>();
  /** Per face: extra subset glyph ids by `glyph id:characters`; see subsetGlyph. */
  private readonly copies = new Map<string, Map<string, number>>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly resources: PaintResources,
  ) {}

  /** Draws the glyphs in the current fill colour. */
  draw(item: TextItem): void {
    if (item.glyphs.length === 0 || !(item.size > 0)) return;
    const font = this.font(item.face);
    const page = (this.doc as unknown as PdfDocInternals).page;
    if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();

    // The ToUnicode map (copy, search) is per glyph id. A glyph without `text` is the next code
    // point of the item's text; one with `text` (a ligature, a composed accent, right-to-left
    // text) says what it stands for, and every glyph of its word carries it.
    const codePoints = codePointsOf(item.text);
    let cursor = 0;

    const size = item.size;
    const toText = 1000 / size;
    const ops: string[] = ['BT', `/${font.id} ${pdfNum(size)} Tf`];
    let segment: string[] = [];
    let hex = '';
    let penX = Number.NaN;
    let lineY = Number.NaN;
    const flush = () => {
      if (hex) segment.push(`<${hex}>`);
      if (segment.length) ops.push(`[${segment.join(' ')}] TJ`);
      segment = [];
      hex = '';
    };

    item.glyphs.forEach((g) => {
      let chars: number[];
      if (g.text === undefined) {
        chars = [codePoints[cursor++] ?? REPLACEMENT];
      } else {
        chars = codePointsOf(g.text);
        cursor += chars.length;
      }
      const gid = this.subsetGlyph(item.face, font, g.id, chars);
      const x = item.x + g.x;
      const y = item.y + g.y;
      if (y !== lineY) {
        // A new text matrix, flipped back upright because pdfkit's page space has y going down.
        flush();
        ops.push(`1 0 0 -1 ${pdfNum(x)} ${pdfNum(y)} Tm`);
        penX = x;
        lineY = y;
      } else {
        const adjust = Math.round((penX - x) * toText * 100) / 100;
        if (adjust !== 0) {
          if (hex) segment.push(`<${hex}>`);
          hex = '';
          segment.push(String(adjust));
          penX -= adjust / toText;
        }
      }
      hex += gid.toString(16).padStart(4, '0');
      penX += font.widths[gid] / toText;
    });
    flush();
    ops.push('ET');
    this.doc.addContent(ops.join('\n'));
  }

  /**
   * The subset glyph id to write for a glyph standing for `chars`. ToUnicode maps glyph ids, so a
   * glyph that stands for different text in different places (the spacer every JetBrains Mono
   * ligature starts with) gets a copy of its outline per text. A glyph standing for nothing here
   * (the second glyph of a character drawn as two) maps to nothing until seen standing for text.
   */
  private subsetGlyph(face: string, font: EmbeddedFont, id: number, chars: number[]): number {
    const gid = font.subset.includeGlyph(id);
    font.widths[gid] ??= font.font.getGlyph(id).advanceWidth * font.scale;
    const mapped = font.unicode[gid];
    if (mapped == null || (mapped.length === 0 && chars.length > 0)) {
      font.unicode[gid] = chars;
      return gid;
    }
    if (chars.length === 0 || sameChars(mapped, chars)) return gid;
    let copies = this.copies.get(face);
    if (!copies) this.copies.set(face, (copies = new Map()));
    const key = `${id}:${chars.join(',')}`;
    let copy = copies.get(key);
    if (copy === undefined) {
      copy = font.subset.glyphs.push(id) - 1;
      font.widths[copy] = font.widths[gid];
      font.unicode[copy] = chars;
      copies.set(key, copy);
    }
    return copy;
  }

  private font(key: string): EmbeddedFont {
    let font = this.fonts.get(key);
    if (font) return font;
    const face = this.resources.face(key);
    const doc = this.doc as unknown as PDFKit.PDFDocument & PdfDocInternals;
    // pdfkit accepts an already parsed fontkit font; the cast is only for its narrower typings.
    doc.registerFont(`spool:${key}`, parsedFont(face) as unknown as string);
    doc.font(`spool:${key}`);
    const embedded = doc._font;
    if (!isEmbeddedFont(embedded)) {
      throw new Error('paintPdf: this pdfkit version does not expose embedded fonts as expected (tested with 0.20)');
    }
    this.fonts.set(key, embedded);
    return embedded;
  }
}
