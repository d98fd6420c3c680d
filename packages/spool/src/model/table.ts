/**
 * Tables: a block whose `cells` hold its rows (the first is the header) and whose `spans` hold the
 * same text read row by row, cells parted by " · " and rows by line breaks, for everything that
 * reads a block as text (search, condensing, word counts, the slide's alt text).
 */
import type { Block, CellAlign, Span } from './document.js';

/** Rows of a table a slide shows at most; a longer table continues on the next, its header repeated. */
export const TABLE_ROWS_PER_SLIDE = 6;
/** Columns kept; more would not read on a phone. */
export const MAX_TABLE_COLUMNS = 8;

export const CELL_SEPARATOR = ' · ';

/** A table block from rows of cells; rows are padded to the widest, empty rows dropped. */
export function tableBlock(rows: readonly (readonly Span[][])[], align?: readonly CellAlign[]): Block | undefined {
  const filled = (row: readonly Span[][]) => row.some((cell) => cell.some((s) => s.text.trim() !== ''));
  // The header stays even when it is empty, so the first row of data is never taken for it.
  const kept = rows.filter((row, r) => r === 0 || filled(row));
  if (!kept.some(filled)) return undefined;
  const columns = Math.min(MAX_TABLE_COLUMNS, Math.max(...kept.map((r) => r.length)));
  // Cells past the last column kept are joined into it rather than lost.
  const cells = kept.map((row) =>
    Array.from({ length: columns }, (_, c) => {
      const cell = c < columns - 1 ? row[c] ?? [] : row.slice(c).flatMap((x, i) => (i > 0 ? [{ text: CELL_SEPARATOR }, ...x] : x));
      return cell.map((s) => ({ ...s }));
    }),
  );
  const block: Block = { type: 'table', spans: tableSpans(cells), cells };
  if (align?.some((a) => a !== 'left')) block.cellAlign = Array.from({ length: columns }, (_, c) => align[c] ?? 'left');
  return block;
}

/** The row-by-row reading of a table's cells. */
export function tableSpans(cells: readonly (readonly Span[][])[]): Span[] {
  const spans: Span[] = [];
  cells.forEach((row, r) => {
    if (r > 0) spans.push({ text: '\n' });
    row.forEach((cell, c) => {
      if (c > 0) spans.push({ text: CELL_SEPARATOR });
      spans.push(...cell.filter((s) => s.text !== ''));
    });
  });
  return spans;
}

/**
 * A long table as tables of at most `rows` body rows each, every one under the same header: a
 * carousel shows a table a slide at a time.
 */
export function splitTable(block: Block, rows = TABLE_ROWS_PER_SLIDE): Block[] {
  const cells = block.cells ?? [];
  if (cells.length <= rows + 1) return [block];
  const [header, ...body] = cells;
  // As many tables as it takes, their rows shared out evenly: 8 rows go 4 and 4, not 6 and 2.
  const each = Math.ceil(body.length / Math.ceil(body.length / rows));
  const out: Block[] = [];
  for (let i = 0; i < body.length; i += each) {
    const part = [header, ...body.slice(i, i + each)];
    out.push({ ...block, cells: part, spans: tableSpans(part) });
  }
  return out;
}

/**
 * A table cut after its first `keep` rows (header included), both parts under the header, for
 * the slide splitter; undefined when that leaves either part without a body row.
 */
export function cutTable(block: Block, keep: number): [Block, Block] | undefined {
  const cells = block.cells ?? [];
  if (keep < 2 || keep >= cells.length) return undefined;
  const head = cells.slice(0, keep);
  const tail = [cells[0], ...cells.slice(keep)];
  return [{ ...block, cells: head, spans: tableSpans(head) }, { ...block, cells: tail, spans: tableSpans(tail) }];
}
