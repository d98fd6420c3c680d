/**
 * A table on a slide: columns sized to what they hold, the header in bold over an accent rule,
 * hairlines between rows, every cell wrapped in its own column. Numbers are set flush right so
 * their digits line up; a right-to-left table runs its columns from the right.
 */
import type { Block, Span } from '../model/document.js';
import { spansText } from '../model/document.js';
import { isRightToLeft } from '../text/bidi.js';
import type { LayoutContext } from './context.js';
import type { Flow, FlowStyle } from './flow-style.js';
import { setText, type Align } from './lines.js';
import { baseStyle, styleSpans } from './styles.js';
import type { LaidElement } from './types.js';

/** A table's text beside the body text around it, and the smallest share it shrinks to before cells wrap mid-word. */
const TABLE_SIZE = 0.86;
const SMALLEST = 0.6;
const CELL_LINE_HEIGHT = 1.3;

const NUMERIC = /^[\s$€£¥+\-−–]*[\d.,]+\s*[%×x]?[\s\p{L}]{0,4}$/u;

export function layoutTable(ctx: LayoutContext, block: Block, x: number, y: number, width: number, style: FlowStyle): Flow {
  const rows = block.cells ?? [];
  if (rows.length === 0) return { elements: [], height: 0 };
  const columns = Math.max(...rows.map((r) => r.length));
  // The table's direction is its text's as a whole, not its header's (an Arabic table may head its columns "SKU | Price").
  const rtl = isRightToLeft(rows.map((r) => r.map(spansText).join(' ')).join(' '), ctx.engine.locale.direction);
  const align = columnAlign(block, rows, columns);

  // The largest size, down to SMALLEST of the table's own, at which every column holds its longest word.
  let size = style.size * TABLE_SIZE;
  let widths = columnWidths(ctx, rows, columns, size, width);
  for (let s = size * 0.92; !widths && s >= style.size * TABLE_SIZE * SMALLEST; s *= 0.92) {
    size = s;
    widths = columnWidths(ctx, rows, columns, size, width);
  }
  widths ??= Array.from({ length: columns }, () => width / columns);

  const pad = size * 0.5;
  const rowPad = size * 0.42;
  const elements: LaidElement[] = [];
  let cursor = y;
  rows.forEach((row, r) => {
    const header = r === 0 && rows.length > 1;
    const cellStyle = baseStyle(header ? ctx.fonts.title : style.family, size, header ? ctx.theme.title : style.color, header ? 700 : 400);
    const set = row.map((cell, c) => {
      const left = columnLeft(widths!, c, x, width, rtl);
      // A header sits over its column as the column is set: a number's heading flush right too.
      const cellAlign: Align = align[c] === 'left' ? 'start' : align[c];
      return setText(ctx.engine, styleSpans(cell, cellStyle, ctx.theme), left + pad, cursor + rowPad, Math.max(1, widths![c] - pad * 2), CELL_LINE_HEIGHT, cellAlign, 'greedy');
    });
    const height = Math.max(size * CELL_LINE_HEIGHT, ...set.map((s) => s.height)) + rowPad * 2;
    elements.push(...set.map((s) => s.text));
    cursor += height;
    if (header) elements.push({ type: 'rect', x, y: cursor - 1.25, w: width, h: 2.5, radius: 1.25, fill: ctx.accent });
    else if (r < rows.length - 1) elements.push({ type: 'rect', x, y: cursor - 0.5, w: width, h: 1, radius: 0, fill: ctx.theme.muted, opacity: 0.35 });
  });
  return { elements, height: cursor - y };
}

/** Each column's alignment: as the source said, else numbers flush right. */
function columnAlign(block: Block, rows: readonly Span[][][], columns: number): Align[] {
  return Array.from({ length: columns }, (_, c) => {
    const given = block.cellAlign?.[c];
    if (given && given !== 'left') return given;
    const body = rows.slice(1).map((r) => spansText(r[c] ?? []).trim()).filter((t) => t !== '');
    return body.length > 0 && body.every((t) => NUMERIC.test(t)) ? 'right' : 'left';
  });
}

/**
 * Column widths that fill `width`: each column gets its longest word, the rest is shared by how
 * much more its longest cell wants. Undefined when the longest words alone are wider than the table.
 */
function columnWidths(ctx: LayoutContext, rows: readonly Span[][][], columns: number, size: number, width: number): number[] | undefined {
  // Half a unit of slack, so a cell given exactly its text's width never wraps on a rounding error.
  const pad = size * 0.5 + 0.25;
  const natural = new Array<number>(columns).fill(0);
  const least = new Array<number>(columns).fill(0);
  rows.forEach((row, r) => {
    const style = baseStyle(r === 0 ? ctx.fonts.title : ctx.fonts.body, size, '#000000', r === 0 ? 700 : 400);
    row.forEach((cell, c) => {
      const text = spansText(cell);
      natural[c] = Math.max(natural[c], ctx.engine.measure([{ text, style }]) + pad * 2);
      for (const word of text.split(/\s+/)) if (word) least[c] = Math.max(least[c], ctx.engine.measure([{ text: word, style }]) + pad * 2);
    });
  });
  const leastTotal = least.reduce((a, b) => a + b, 0);
  if (leastTotal > width) return undefined;
  const naturalTotal = natural.reduce((a, b) => a + b, 0);
  if (naturalTotal <= width) return natural.map((n) => n + ((width - naturalTotal) * n) / naturalTotal);
  // Columns that fit in an even share of what is left keep their cells on one line; the others
  // share the rest by how much they want, never under their longest word.
  const widths = new Array<number>(columns).fill(0);
  let open = natural.map((_, c) => c);
  let left = width;
  for (let fixed = true; fixed && open.length > 0; ) {
    const share = left / open.length;
    const fits = open.filter((c) => natural[c] <= share);
    fixed = fits.length > 0;
    for (const c of fits) {
      widths[c] = natural[c];
      left -= natural[c];
    }
    open = open.filter((c) => !fits.includes(c));
  }
  const floor = open.reduce((a, c) => a + least[c], 0);
  const want = open.reduce((a, c) => a + natural[c] - least[c], 0) || 1;
  for (const c of open) widths[c] = least[c] + (Math.max(0, left - floor) * (natural[c] - least[c])) / want;
  return widths;
}

function columnLeft(widths: readonly number[], c: number, x: number, width: number, rtl: boolean): number {
  const before = widths.slice(0, c).reduce((a, b) => a + b, 0);
  return rtl ? x + width - before - widths[c] : x + before;
}
