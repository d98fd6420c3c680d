import { blockText, type Block, type CellAlign, type Span } from '../model/document.js';
import { tableBlock } from '../model/table.js';
import { mathBlock } from '../model/math.js';
import { linkifySpans } from '../model/linkify.js';
import { splitFences } from '../model/code-fences.js';

/**
 * The plain-text form a slide is edited in: one block a line (`# ` heading, `- ` or `1. ` list item,
 * `> ` quote), `**bold**`, `*italic*`, `` `code` `` and `[text](https://…)` inside a line, and a code
 * block between fences (```js … ```) with its lines as written.
 * Editing text instead of markup keeps untrusted post text inert, and the form round-trips:
 * `textToBlocks(blocksToText(b))` gives `b` back (mentions, hashtags and bare URLs are re-detected).
 */

const ESCAPED = /[\\*`]/g;

export function spansToText(spans: readonly Span[]): string {
  return spans.map(spanToText).join('');
}

function spanToText(span: Span): string {
  if (span.code) return `\`${span.text.replace(/`/g, '\u02cb')}\``;
  let text = span.text.replace(ESCAPED, (c) => `\\${c}`).replace(/\n/g, ' ');
  if (span.href && !span.tag) text = `[${text}](${span.href})`;
  if (span.bold && span.italic) return wrap(text, '***');
  if (span.bold) return wrap(text, '**');
  if (span.italic) return wrap(text, '*');
  return text;
}

/** Markers go inside the spaces around a run, so `** a **` never appears. */
function wrap(text: string, marker: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return m[2] ? `${m[1]}${marker}${m[2]}${marker}${m[3]}` : text;
}

export function blocksToText(blocks: readonly Block[]): string {
  return blocks.map(blockToText).join('\n');
}

function blockToText(block: Block): string {
  if (block.type === 'code') {
    const code = block.spans.map((s) => s.text).join('');
    // A fence longer than any run of backticks in the code, so the code can never close it.
    const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}${block.lang ?? ''}\n${code}\n${fence}`;
  }
  if (block.type === 'table' && block.cells) return tableToText(block);
  // A display formula as Markdown writes one, its TeX on one line.
  if (block.type === 'math') return `$$${(block.tex ?? blockText(block)).replace(/\s*\n\s*/g, ' ')}$$`;
  const text = spansToText(block.spans);
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(Math.min(3, Math.max(1, block.level ?? 1)))} ${text}`;
    case 'listItem':
      return block.ordered ? `${block.ordinal ?? 1}. ${text}` : `- ${text}`;
    case 'quote':
      return `> ${text}`;
    default:
      // A paragraph that starts like a marker keeps its first character escaped.
      return LINE_MARKER.test(text) ? `\\${text}` : text;
  }
}

const LINE_MARKER = /^(#{1,3} |[-•*] |\d+[.)] |> |\||\$\$)/;

/** A table as Markdown writes one: `| a | b |` rows, the header over a `| --- | ---: |` rule. */
function tableToText(block: Block): string {
  const cells = block.cells ?? [];
  const columns = Math.max(...cells.map((r) => r.length));
  const row = (r: readonly Span[][]) => `| ${Array.from({ length: columns }, (_, c) => spansToText(r[c] ?? []).replace(/\|/g, '\\|')).join(' | ')} |`;
  const rule = Array.from({ length: columns }, (_, c) => ({ left: '---', center: ':---:', right: '---:' })[block.cellAlign?.[c] ?? 'left']);
  return [row(cells[0] ?? []), `| ${rule.join(' | ')} |`, ...cells.slice(1).map(row)].join('\n');
}

const TABLE_ROW = /^\s*\|/;
const DISPLAY_MATH = /^\s*\$\$(.+)\$\$\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** The table starting at lines[i] (a row, a rule, then rows), and the line after it. */
function tableAt(lines: readonly string[], i: number): { block: Block; end: number } | undefined {
  if (!TABLE_RULE.test(lines[i + 1] ?? '')) return undefined;
  let end = i + 2;
  while (end < lines.length && TABLE_ROW.test(lines[end])) end++;
  const align = tableCells(lines[i + 1]).map((c): CellAlign => (/^:-+:$/.test(c) ? 'center' : /-:$/.test(c) ? 'right' : 'left'));
  const rows = [lines[i], ...lines.slice(i + 2, end)].map((line) => tableCells(line).map((cell) => textToSpans(cell)));
  const block = tableBlock(rows, align);
  return block ? { block, end } : undefined;
}

/** A row's cells, split at pipes a backslash does not escape, the outer pipes dropped. */
function tableCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  const text = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length) cell += text[i] + text[++i];
    else if (text[i] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += text[i];
  }
  cells.push(cell.trim());
  return cells;
}

export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const part of splitFences(text)) {
    if (part.kind === 'code') {
      blocks.push(part.block);
      continue;
    }
    const lines = part.text.split(/\r?\n/).map((raw) => raw.trimEnd());
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line.trim() === '') continue;
      const formula = DISPLAY_MATH.exec(line);
      if (formula) {
        blocks.push(mathBlock(formula[1]));
        continue;
      }
      const table = TABLE_ROW.test(line) ? tableAt(lines, i) : undefined;
      if (table) {
        blocks.push(table.block);
        i = table.end - 1;
        continue;
      }
      blocks.push(lineToBlock(line));
    }
  }
  return blocks;
}

function lineToBlock(line: string): Block {
  let m: RegExpExecArray | null;
  if ((m = /^(#{1,3}) (.*)$/.exec(line))) return { type: 'heading', level: m[1].length, spans: textToSpans(m[2]) };
  if ((m = /^(\d+)[.)] (.*)$/.exec(line))) return { type: 'listItem', ordered: true, ordinal: Number(m[1]), spans: textToSpans(m[2]) };
  if ((m = /^[-•*] (.*)$/.exec(line))) return { type: 'listItem', ordered: false, spans: textToSpans(m[1]) };
  if ((m = /^> ?(.*)$/.exec(line))) return { type: 'quote', spans: textToSpans(m[1]) };
  return { type: 'paragraph', spans: textToSpans(line) };
}

/**
 * One line of the edit form -> spans. Markers toggle as they are met, so half-typed `**bol`
 * is already bold while the user types; a backslash makes the next character literal.
 */
export function textToSpans(line: string): Span[] {
  const spans: Span[] = [];
  let bold = false;
  let italic = false;
  let buf = '';
  const flush = (extra: Partial<Span> = {}) => {
    if (buf) spans.push({ text: buf, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}), ...extra });
    buf = '';
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length) {
      buf += line[++i];
    } else if (c === '`') {
      const end = line.indexOf('`', i + 1);
      if (end < 0) {
        buf += c;
        continue;
      }
      flush();
      buf = line.slice(i + 1, end);
      flush({ code: true });
      i = end;
    } else if (c === '*') {
      let n = 1;
      while (line[i + n] === '*' && n < 3) n++;
      flush();
      if (n >= 2) bold = !bold;
      if (n !== 2) italic = !italic;
      i += n - 1;
    } else if (c === '[') {
      const link = /^\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/.exec(line.slice(i));
      if (!link) {
        buf += c;
        continue;
      }
      flush();
      buf = link[1].replace(/\\([\\*`])/g, '$1');
      flush({ href: link[2] });
      i += link[0].length - 1;
    } else {
      buf += c;
    }
  }
  flush();
  return merge(linkifySpans(spans));
}

/** Neighbouring spans with the same marks become one, as importers produce them. */
function merge(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    const prev = out[out.length - 1];
    if (prev && sameMarks(prev, span) && !prev.href && !prev.tag && !prev.code) out[out.length - 1] = { ...prev, text: prev.text + span.text };
    else out.push(span);
  }
  return out;
}

function sameMarks(a: Span, b: Span): boolean {
  return !!a.bold === !!b.bold && !!a.italic === !!b.italic && !!a.code === !!b.code && a.href === b.href && a.tag === b.tag;
}
