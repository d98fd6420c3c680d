/**
 * Markdown -> Document, through marked's lexer (its tokens, never its HTML). Front matter gives the
 * title and author; a leading `# Title` is the title when front matter has none; headings, paragraphs,
 * list items, quotes and code become blocks, images become image posts, and long paragraphs are cut
 * into slide-sized posts like any article.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import type { Block, Span } from '../model/document.js';
import { SpoolInputError } from '../errors/input-error.js';
import { articleToDocument, type ArticleOptions } from './article-document.js';
import { isLanguageTag } from '../model/language.js';
import { splitFrontMatter, type FrontMatter } from './front-matter.js';
import { tokensToBlocks } from './inline-html.js';
import { tokenizeHtml } from './html-tokens.js';
import { extractFootnotes } from './markdown-footnotes.js';
import { expandMathItems, expandMathText, extractMath } from './markdown-math.js';
import { codeBlock } from '../model/code-fences.js';
import { lineToBlock, type BlockHint } from './line-rules.js';
import { linkifyBlocks, linkifySpans } from '../model/linkify.js';
import { splitTable, tableBlock } from '../model/table.js';
import { markdownTooDeep } from './markup-depth.js';
import { htmlImage, inlineToLines } from './markdown-inline.js';
import { detectMojibakeCodePage, repairMojibake, type CodePage } from './repair.js';
import type { ArticleItem, ItemFlags } from './split-posts.js';
import type { DocumentWithWarnings } from './types.js';

export interface ParsedMarkdown {
  frontMatter: FrontMatter;
  title?: string;
  /** The title is the document's opening `# heading` (not only front matter). */
  titleIsHeading?: boolean;
  items: ArticleItem[];
  codePage?: CodePage;
}

export function markdownToDocument(markdown: string, opts: ArticleOptions = {}, place = 'markdown'): DocumentWithWarnings {
  const deep = markdownTooDeep(markdown);
  if (deep) throw new SpoolInputError(place, `this Markdown cannot be read: ${deep}`);
  let parsed: ParsedMarkdown;
  try {
    parsed = parseMarkdown(markdown);
  } catch (err) {
    // Nesting of a kind the depth check does not count still ends here, not in a crash.
    if (err instanceof RangeError) throw new SpoolInputError(place, 'this Markdown cannot be read: it is nested too deeply');
    throw err;
  }
  // A document that is only its heading is a one-slide carousel of it (front matter alone is not text).
  if (parsed.items.length === 0 && parsed.title && parsed.titleIsHeading) parsed.items.push({ kind: 'block', block: { type: 'paragraph', spans: [{ text: parsed.title }] } });
  if (parsed.items.length === 0) throw new SpoolInputError(place, 'no text to import');
  const fm = parsed.frontMatter;
  return articleToDocument(
    parsed.items,
    {
      ...opts,
      title: opts.title ?? parsed.title,
      subtitle: opts.subtitle ?? fm.subtitle,
      date: opts.date ?? fm.date,
      ...(fm.lang && isLanguageTag(fm.lang.replace(/_/g, '-')) ? { lang: fm.lang.replace(/_/g, '-') } : {}),
      ...(fm.dir === 'rtl' || fm.dir === 'ltr' ? { dir: fm.dir } : {}),
      url: opts.url ?? fm.url,
      author: opts.author ?? fm.author,
      handle: opts.handle ?? fm.handle,
      avatar: opts.avatar ?? fm.avatar,
    },
    parsed.codePage,
  );
}

export function parseMarkdown(markdown: string): ParsedMarkdown {
  const { data, body: text } = splitFrontMatter(markdown);
  const { body: noted, notes } = extractFootnotes(text);
  const { body, formulas } = extractMath(noted);
  const codePage = detectMojibakeCodePage(body);
  let flags: ItemFlags = {};
  const fix = (text: string) => {
    if (!codePage) return text;
    const r = repairMojibake(text, { codePage });
    if (r.repaired) flags.repaired = true;
    if (r.unrecoverable) flags.unrecoverable = true;
    return r.text;
  };
  const tokens = Lexer.lex(body).filter((t) => t.type !== 'space' && t.type !== 'def');
  let title = data.title !== undefined ? fix(data.title) : undefined;
  const first = tokens[0];
  let titleIsHeading = false;
  if (first?.type === 'heading' && (first as Tokens.Heading).depth === 1) {
    const text = inlineToLines((first as Tokens.Heading).tokens, fix).lines.flat().map((s) => s.text).join('');
    if (title === undefined || title === text) {
      title ??= text;
      titleIsHeading = true;
      tokens.shift();
    }
  }
  const items: ArticleItem[] = [];
  for (const token of tokens) {
    flags = {};
    const produced: ArticleItem[] = [];
    convertBlock(token, produced, fix, undefined);
    items.push(...produced.map((item) => ({ ...item, ...flags })));
  }
  items.push(...notesItems(notes, fix));
  const shown = title === undefined ? undefined : expandMathText(title, formulas);
  return { frontMatter: data, title: shown?.trim() || undefined, titleIsHeading, items: expandMathItems(items, formulas), codePage };
}

/** Footnotes as the article's last words: a Notes heading over the notes, numbered as in the text. */
function notesItems(notes: readonly string[], fix: (t: string) => string): ArticleItem[] {
  if (notes.length === 0) return [];
  const items: ArticleItem[] = [{ kind: 'block', block: { type: 'heading', level: 2, spans: [{ text: 'Notes' }] } }];
  notes.forEach((note, i) => {
    const spans = inlineToLines(Lexer.lexInline(note), fix).lines.flatMap((line, k) => (k > 0 ? [{ text: ' ' }, ...line] : line));
    if (spans.length > 0) items.push({ kind: 'block', block: linkifyBlocks([{ type: 'listItem', ordered: true, ordinal: i + 1, spans }])[0] });
  });
  return items;
}

/** Block token -> items. `within` is the block type every paragraph takes inside a quote. */
function convertBlock(token: Token, out: ArticleItem[], fix: (t: string) => string, within: 'quote' | undefined): void {
  const lines = (inline: readonly Token[], firstHint: BlockHint, restHint: BlockHint) => {
    const { lines: spans, images } = inlineToLines(inline, fix);
    spans.forEach((line, i) => pushBlock(out, lineToBlock(line, i === 0 ? firstHint : restHint)));
    for (const media of images) out.push({ kind: 'image', media });
  };
  const plain: BlockHint = within === 'quote' ? { type: 'quote' } : { type: 'paragraph' };
  switch (token.type) {
    case 'heading':
      lines(token.tokens ?? [], { type: 'heading', level: Math.min(token.depth, 3) }, { type: 'heading', level: Math.min(token.depth, 3) });
      return;
    case 'paragraph':
    case 'text':
      lines(token.tokens ?? [{ type: 'text', raw: token.text, text: token.text } as Token], plain, plain);
      return;
    case 'list': {
      const list = token as Tokens.List;
      const start = typeof list.start === 'number' ? list.start : 1;
      list.items.forEach((item, i) => {
        const hint: BlockHint = list.ordered ? { type: 'listItem', ordered: true, ordinal: start + i } : { type: 'listItem', ordered: false };
        let marked = false;
        for (const child of item.tokens) {
          if (!marked && (child.type === 'text' || child.type === 'paragraph')) {
            lines(child.tokens ?? [], hint, plain);
            marked = true;
          } else convertBlock(child, out, fix, within);
        }
      });
      return;
    }
    case 'blockquote':
      for (const child of (token as Tokens.Blockquote).tokens) convertBlock(child, out, fix, 'quote');
      return;
    case 'code': {
      const block = codeBlock(fix(token.text), (token as Tokens.Code).lang);
      if (block) out.push({ kind: 'block', block });
      return;
    }
    case 'html': {
      const tokens = tokenizeHtml(fix(token.text));
      for (const block of tokensToBlocks(tokens)) pushBlock(out, within === 'quote' ? { ...block, type: 'quote' } : block);
      // Pictures written as HTML (`<img src>`, often to set a width) are pictures like any other.
      for (const t of tokens) {
        const media = t.kind === 'open' && t.name === 'img' ? htmlImage(t.attrs, (s) => s) : undefined;
        if (media) out.push({ kind: 'image', media });
      }
      return;
    }
    case 'table': {
      // A real table, a slide's worth of rows at a time under its header.
      const table = token as Tokens.Table;
      const rows = [table.header, ...table.rows].map((row) => row.map((cell) => linkifySpans(inlineToLines(cell.tokens, fix).lines.flat())));
      const block = tableBlock(rows, table.align.map((a) => a ?? 'left'));
      if (block) for (const part of splitTable(block)) out.push({ kind: 'block', block: part });
      return;
    }
    case 'hr':
    case 'space':
    case 'def':
      return;
    default:
      if ('tokens' in token && Array.isArray(token.tokens)) for (const child of token.tokens) convertBlock(child, out, fix, within);
  }
}

function pushBlock(out: ArticleItem[], block: Block | undefined): void {
  if (!block || block.spans.length === 0) return;
  out.push({ kind: 'block', block: linkifyBlocks([block])[0] });
}
