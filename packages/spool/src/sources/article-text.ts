/**
 * Plain article text, as copied from a web page: one paragraph per line (or per blank-line block when
 * the text is hard-wrapped), headings as bare short lines. A short line without final punctuation is a
 * heading when prose follows it; a run of short lines (a small table, a list of values) is not.
 */
import type { Block } from '../model/document.js';
import { SpoolInputError } from '../errors/input-error.js';
import { lineRule, lineToBlock } from './line-rules.js';
import { linkify, linkifyBlocks } from '../model/linkify.js';
import type { CodePage } from './repair.js';
import { repairTexts } from './repair-texts.js';
import { countWords } from '../model/sentences.js';
import type { ArticleItem } from './split-posts.js';
import type { DocumentWithWarnings } from './types.js';
import { articleToDocument, type ArticleOptions } from './article-document.js';

export type { ArticleOptions } from './article-document.js';


const MAX_HEADING_WORDS = 12;
const MAX_HEADING_CHARS = 100;

export function articleTextToDocument(text: string, opts: ArticleOptions = {}, place = 'text'): DocumentWithWarnings {
  const article = parseArticleText(text);
  if (article.items.length === 0) throw new SpoolInputError(place, 'no text to import');
  return articleToDocument(article.items, { ...opts, title: opts.title ?? article.title }, article.codePage);
}

export interface ParsedArticle {
  title?: string;
  items: ArticleItem[];
  codePage?: CodePage;
}

export function parseArticleText(text: string): ParsedArticle {
  const units = paragraphUnits(text.replace(/^\uFEFF/, ''));
  const fixed = repairTexts(units);
  const lines = fixed.texts;
  const candidate = lines.map(isHeadingCandidate);
  let title: string | undefined;
  let first = 0;
  if (lines.length > 1 && candidate[0]) {
    title = lines[0].trim();
    first = 1;
  }
  const items: ArticleItem[] = [];
  for (let i = first; i < lines.length; i++) {
    const flags = { repaired: fixed.repaired[i], unrecoverable: fixed.unrecoverable[i] };
    const heading =
      candidate[i] &&
      i + 1 < lines.length &&
      !candidate[i + 1] &&
      !(i > first && candidate[i - 1]) &&
      !(i > 0 && /:\s*$/.test(lines[i - 1]));
    const block: Block | undefined = heading
      ? { type: 'heading', level: 2, spans: linkify(lines[i].trim()) }
      : linkifyBlocks([lineToBlock([{ text: lines[i] }]) ?? { type: 'paragraph', spans: [] }])[0];
    if (block && block.spans.length > 0) items.push({ kind: 'block', block, ...flags });
  }
  return { title, items, codePage: fixed.codePage };
}

/** Short, no final punctuation (a question mark is fine), no URL, not a list item. */
function isHeadingCandidate(line: string): boolean {
  const text = line.trim();
  if (text === '' || text.length > MAX_HEADING_CHARS || countWords(text) > MAX_HEADING_WORDS) return false;
  if (/[.!,;:…]["'”’)]*$/.test(text) || /https?:\/\/|www\./i.test(text)) return false;
  if (lineRule(text) !== undefined) return false;
  return /\p{L}/u.test(text);
}

/**
 * Lines are paragraphs, unless the text is hard-wrapped: blank lines between blocks of several long
 * lines mean the blocks are the paragraphs and their lines must be joined (list lines stay lines).
 */
function paragraphUnits(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/).map((l) => l.trimEnd());
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) blocks.push(current);
  const multi = blocks.filter((b) => b.length > 1);
  const wrapped =
    blocks.length > 1 &&
    multi.length >= blocks.length / 2 &&
    multi.every((b) => b.slice(0, -1).filter((l) => l.length >= 50 && !/[.!?:]$/.test(l)).length >= (b.length - 1) / 2);
  if (!wrapped) return blocks.flat().map((l) => l.trim());
  return blocks.flatMap((b) => {
    const out: string[] = [];
    for (const line of b) {
      const prev = out.length - 1;
      if (prev >= 0 && lineRule(line.trim()) === undefined) out[prev] = `${out[prev]} ${line.trim()}`;
      else out.push(line.trim());
    }
    return out;
  });
}
