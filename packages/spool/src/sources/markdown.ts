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
import { splitFrontMatter, type FrontMatter } from './front-matter.js';
import { htmlToBlocks } from './inline-html.js';
import { codeBlock } from '../model/code-fences.js';
import { lineToBlock, type BlockHint } from './line-rules.js';
import { linkifyBlocks } from '../model/linkify.js';
import { markdownTooDeep } from './markup-depth.js';
import { inlineToLines } from './markdown-inline.js';
import { detectMojibakeCodePage, repairMojibake, type CodePage } from './repair.js';
import type { ArticleItem, ItemFlags } from './split-posts.js';
import type { DocumentWithWarnings } from './types.js';

export interface ParsedMarkdown {
  frontMatter: FrontMatter;
  title?: string;
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
  if (parsed.items.length === 0) throw new SpoolInputError(place, 'no text to import');
  const fm = parsed.frontMatter;
  return articleToDocument(
    parsed.items,
    {
      ...opts,
      title: opts.title ?? parsed.title,
      subtitle: opts.subtitle ?? fm.subtitle,
      date: opts.date ?? fm.date,
      url: opts.url ?? fm.url,
      author: opts.author ?? fm.author,
      handle: opts.handle ?? fm.handle,
      avatar: opts.avatar ?? fm.avatar,
    },
    parsed.codePage,
  );
}

export function parseMarkdown(markdown: string): ParsedMarkdown {
  const { data, body } = splitFrontMatter(markdown);
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
  if (first?.type === 'heading' && (first as Tokens.Heading).depth === 1) {
    const text = inlineToLines((first as Tokens.Heading).tokens, fix).lines.flat().map((s) => s.text).join('');
    if (title === undefined || title === text) {
      title ??= text;
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
  return { frontMatter: data, title: title?.trim() || undefined, items, codePage };
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
    case 'html':
      for (const block of htmlToBlocks(fix(token.text))) pushBlock(out, within === 'quote' ? { ...block, type: 'quote' } : block);
      return;
    case 'table': {
      const table = token as Tokens.Table;
      for (const row of [table.header, ...table.rows]) {
        const cells = row.map((cell) => inlineToLines(cell.tokens, fix).lines.flat());
        const spans: Span[] = cells.flatMap((cell, i) => (i === 0 ? cell : [{ text: ' · ' }, ...cell]));
        pushBlock(out, lineToBlock(spans, plain));
      }
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
