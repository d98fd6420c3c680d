import type { PaintResources, TextItem } from '../../scene/types.js';
import { pdfNum } from './pdf-color.js';
import type { PdfFonts } from './pdf-fonts.js';
import type { PdfPage } from './pdf-page.js';

/**
 * Writes a TextItem's glyphs at exactly the positions the layout chose, as real text in an
 * embedded subset font: glyph ids and pen positions come from the scene, never from shaping the
 * string again, so kerning across spaces and every layout adjustment survive.
 */

const REPLACEMENT = 0xfffd;

const codePointsOf = (text: string): number[] => Array.from(text, (c) => c.codePointAt(0) ?? REPLACEMENT);

export class PdfTextWriter {
  constructor(
    private readonly fonts: PdfFonts,
    private readonly resources: PaintResources,
  ) {}

  /** Draws the glyphs in the current fill colour. */
  draw(page: PdfPage, item: TextItem): void {
    if (item.glyphs.length === 0 || !(item.size > 0)) return;
    const font = this.fonts.font(this.resources.face(item.face));
    page.fonts[font.resource] = font.ref;

    // The ToUnicode map (copy, search) is per code. A glyph without `text` is the next code
    // point of the item's text; one with `text` (a ligature, a composed accent, right-to-left
    // text) says what it stands for, and every glyph of its word carries it.
    const codePoints = codePointsOf(item.text);
    let cursor = 0;

    const size = item.size;
    const toText = 1000 / size;
    const ops: string[] = ['BT', `/${font.resource} ${pdfNum(size)} Tf`];
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

    for (const g of item.glyphs) {
      let chars: number[];
      if (g.text === undefined) {
        chars = [codePoints[cursor++] ?? REPLACEMENT];
      } else {
        chars = codePointsOf(g.text);
        cursor += chars.length;
      }
      const { code, width } = this.fonts.code(font, g.id, chars);
      const x = item.x + g.x;
      const y = item.y + g.y;
      if (y !== lineY) {
        // A new text matrix, flipped back upright because the page space has y going down.
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
      hex += code.toString(16).padStart(4, '0');
      penX += width / toText;
    }
    flush();
    ops.push('ET');
    page.add(ops.join('\n'));
  }
}
