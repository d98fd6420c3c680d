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
  subset: { includeGlyph(glyphId: number): number };
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

/**
 * Parsed once per face for the whole process (fontkit parses lazily and caches glyphs per Font).
 * Two instances per face: fontkit caches a glyph object with the characters it was first created
 * for, so the one used for advance widths (created without characters) must not also be used to
 * find the characters of a glyph by shaping.
 */
const embeddingFonts = new WeakMap<FontFace, Font>();
const shapingFonts = new WeakMap<FontFace, Font>();

function parsedFont(face: FontFace, cache: WeakMap<FontFace, Font>): Font {
  let font = cache.get(face);
  if (!font) {
    const bytes = face.bytes;
    font = createFont(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as Font;
    if (typeof font.layout !== 'function') throw new Error(`font ${face.key} is a collection, not a single face`);
    cache.set(face, font);
  }
  return font;
}

function isEmbeddedFont(value: unknown): value is EmbeddedFont {
  const f = value as Partial<EmbeddedFont> | null;
  return (
    !!f &&
    typeof f.id === 'string' &&
    typeof f.subset?.includeGlyph === 'function' &&
    Array.isArray(f.widths) &&
    Array.isArray(f.unicode) &&
    typeof f.ref === 'function'
  );
}

const REPLACEMENT = [0xfffd];

export class PdfTextWriter {
  private readonly fonts = new Map<string, EmbeddedFont>();

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

    const codePoints = Array.from(item.text, (c) => c.codePointAt(0) ?? 0xfffd);
    const positional = codePoints.length === item.glyphs.length;
    let shaped: Map<number, number[]> | undefined;

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

    item.glyphs.forEach((g, i) => {
      const gid = font.subset.includeGlyph(g.id);
      if (font.widths[gid] == null) font.widths[gid] = font.font.getGlyph(g.id).advanceWidth * font.scale;
      if (font.unicode[gid] == null) {
        if (positional) {
          font.unicode[gid] = [codePoints[i]];
        } else {
          shaped ??= shapedCodePoints(parsedFont(this.resources.face(item.face), shapingFonts), item.text);
          font.unicode[gid] = shaped.get(g.id) ?? REPLACEMENT;
        }
      }
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

  private font(key: string): EmbeddedFont {
    let font = this.fonts.get(key);
    if (font) return font;
    const face = this.resources.face(key);
    const doc = this.doc as unknown as PDFKit.PDFDocument & PdfDocInternals;
    // pdfkit accepts an already parsed fontkit font; the cast is only for its narrower typings.
    doc.registerFont(`spool:${key}`, parsedFont(face, embeddingFonts) as unknown as string);
    doc.font(`spool:${key}`);
    const embedded = doc._font;
    if (!isEmbeddedFont(embedded)) {
      throw new Error('paintPdf: this pdfkit version does not expose embedded fonts as expected (tested with 0.20)');
    }
    this.fonts.set(key, embedded);
    return embedded;
  }
}

/** Code points per glyph from shaping the item's text, for ligatures and other many-to-one glyphs. */
function shapedCodePoints(font: Font, text: string): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const glyph of font.layout(text).glyphs) {
    if (!map.has(glyph.id) && glyph.codePoints.length) map.set(glyph.id, glyph.codePoints);
  }
  return map;
}
