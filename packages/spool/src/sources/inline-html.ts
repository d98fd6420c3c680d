/**
 * Post HTML -> blocks. Thread tools and X articles give a small, often sloppy subset of HTML; we read
 * `<b> <strong> <i> <em> <a href> <br> <p> <ul> <ol> <li> <code>` (and headings and quotes where they
 * appear), `<pre>` as a code block with its text as written, keep the text of everything else, and
 * drop script and style content whole. Post text is untrusted: it only ever becomes our spans, and
 * only http(s) and mailto links survive.
 *
 * Whitespace collapses as in HTML, with one exception: a newline ends the line. Thread tools keep a
 * post's line breaks as newlines inside its HTML, and the line rules (`## `, `1. `) depend on them.
 */
import type { Block, Span } from '../model/document.js';
import { tokenizeHtml, type HtmlToken } from './html-tokens.js';
import { cleanText, lineToBlock, type BlockHint } from './line-rules.js';
import { codeBlock, languageClass } from '../model/code-fences.js';
import { linkifyBlocks } from '../model/linkify.js';

const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'figure', 'figcaption',
  'table', 'thead', 'tbody', 'tr', 'td', 'th', 'dl', 'dt', 'dd', 'hr', 'center', 'address',
  'details', 'summary', 'body', 'html',
]);
const BOLD = new Set(['b', 'strong']);
const ITALIC = new Set(['i', 'em']);
const CODE = new Set(['code', 'kbd', 'samp', 'tt']);

export function parsePostHtml(html: string): Block[] {
  return linkifyBlocks(htmlToBlocks(html));
}

/** Blocks before bare URLs, mentions and hashtags are found. */
export function htmlToBlocks(html: string): Block[] {
  return tokensToBlocks(tokenizeHtml(html));
}

/** The same, from tokens a reader has already sifted (dropping what a site hides, say). */
export function tokensToBlocks(tokens: readonly HtmlToken[]): Block[] {
  const builder = new LineBuilder();
  for (const token of tokens) {
    if (token.kind === 'text') builder.text(token.text);
    else if (token.kind === 'open') builder.open(token.name, token.attrs, token.selfClosing);
    else builder.close(token.name);
  }
  builder.endLine();
  return builder.blocks;
}

class LineBuilder {
  readonly blocks: Block[] = [];
  private spans: Span[] = [];
  private hint: BlockHint | undefined;
  private bold = 0;
  private italic = 0;
  private code = 0;
  private links: (string | undefined)[] = [];
  private lists: { ordered: boolean; next: number }[] = [];
  private quoteDepth = 0;
  private headingLevel = 0;
  /** Inside `<pre>`: its text as written, and the language a `class="language-…"` named. */
  private pre: { text: string; lang?: string; depth: number } | undefined;

  text(raw: string): void {
    if (this.pre) {
      this.pre.text += raw;
      return;
    }
    raw.split(/\r\n|\r|\n/).forEach((part, i) => {
      if (i > 0) this.endLine();
      let text = cleanText(part).replace(/[ \f]+/g, ' ');
      const last = this.spans[this.spans.length - 1];
      if (!last || last.text.endsWith(' ')) text = text.replace(/^ +/, '');
      if (text !== '') this.spans.push(this.span(text));
    });
  }

  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void {
    if (this.pre) {
      if (name === 'br') this.pre.text += '\n';
      else if (name === 'pre' && !selfClosing) this.pre.depth++;
      this.pre.lang ??= languageClass(attrs.class);
      return;
    }
    if (name === 'pre' && !selfClosing) {
      this.endLine();
      this.pre = { text: '', lang: languageClass(attrs.class), depth: 1 };
      return;
    }
    if (selfClosing && !['br', 'hr'].includes(name)) return;
    if (BOLD.has(name)) this.bold++;
    else if (ITALIC.has(name)) this.italic++;
    else if (CODE.has(name)) this.code++;
    else if (name === 'a') this.links.push(safeHref(attrs.href));
    else if (name === 'br' || BLOCK_TAGS.has(name)) this.endLine();
    else if (/^h[1-6]$/.test(name)) {
      this.endLine();
      this.headingLevel = Math.min(Number(name[1]), 3);
    } else if (name === 'blockquote') {
      this.endLine();
      this.quoteDepth++;
    } else if (name === 'ul' || name === 'ol') {
      this.endLine();
      const start = Number.parseInt(attrs.start ?? '', 10);
      this.lists.push({ ordered: name === 'ol', next: Number.isFinite(start) ? start : 1 });
    } else if (name === 'li') {
      this.endLine();
      const list = this.lists[this.lists.length - 1] ?? { ordered: false, next: 1 };
      const value = Number.parseInt(attrs.value ?? '', 10);
      const ordinal = Number.isFinite(value) ? value : list.next;
      list.next = ordinal + 1;
      this.hint = list.ordered ? { type: 'listItem', ordered: true, ordinal } : { type: 'listItem', ordered: false };
    }
  }

  close(name: string): void {
    if (this.pre) {
      if (name !== 'pre' || --this.pre.depth > 0) return;
      const block = codeBlock(this.pre.text.replace(/^\r?\n/, ''), this.pre.lang);
      this.pre = undefined;
      if (block) this.blocks.push(block);
      return;
    }
    // Stray closing tags are common in pasted markup; counters never go below zero.
    if (BOLD.has(name)) this.bold = Math.max(0, this.bold - 1);
    else if (ITALIC.has(name)) this.italic = Math.max(0, this.italic - 1);
    else if (CODE.has(name)) this.code = Math.max(0, this.code - 1);
    else if (name === 'a') this.links.pop();
    else if (BLOCK_TAGS.has(name)) this.endLine();
    else if (name === 'li') {
      this.endLine();
      this.hint = undefined;
    } else if (/^h[1-6]$/.test(name)) {
      this.endLine();
      this.headingLevel = 0;
    } else if (name === 'blockquote') {
      this.endLine();
      this.quoteDepth = Math.max(0, this.quoteDepth - 1);
    } else if (name === 'ul' || name === 'ol') {
      this.endLine();
      this.hint = undefined;
      this.lists.pop();
    }
  }

  endLine(): void {
    // A `<pre>` left open at the end of the post keeps its code.
    if (this.pre) {
      this.pre.depth = 1;
      return this.close('pre');
    }
    const hint: BlockHint | undefined =
      this.hint ??
      (this.headingLevel > 0
        ? { type: 'heading', level: this.headingLevel }
        : this.quoteDepth > 0
          ? { type: 'quote' }
          : undefined);
    const block = this.spans.length > 0 ? lineToBlock(this.spans, hint) : undefined;
    if (block) this.blocks.push(block);
    this.spans = [];
    // A list item's marker belongs to its first line only; later lines of the item are plain.
    if (block) this.hint = undefined;
  }

  private span(text: string): Span {
    const span: Span = { text };
    if (this.bold > 0) span.bold = true;
    if (this.italic > 0) span.italic = true;
    if (this.code > 0) span.code = true;
    const href = this.links[this.links.length - 1];
    if (href) span.href = href;
    return span;
  }
}


/** Only links a reader can follow safely; `javascript:`, `data:` and relative links become plain text. */
export function safeHref(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let href = raw.trim();
  if (href.startsWith('//')) href = `https:${href}`;
  else if (/^www\./i.test(href)) href = `https://${href}`;
  if (!/^(https?:\/\/|mailto:)/i.test(href)) return undefined;
  try {
    new URL(href);
    return href;
  } catch {
    return undefined;
  }
}
