/**
 * The article Readability extracted, as a reading-order list of blocks and images for the post
 * splitter. Article HTML nests freely (divs in list items, images inside paragraphs and links),
 * while the Document is flat, so block containers are walked and inline runs become one block each.
 */
import { codeBlock, languageClass } from '../model/code-fences.js';
import type { Block, CellAlign, MediaRef, Span } from '../model/document.js';
import { splitTable, tableBlock } from '../model/table.js';
import { mathBlock, mathSpans } from '../model/math.js';
import { lineToBlock, tidySpans, type BlockHint } from './line-rules.js';
import { linkifySpans } from '../model/linkify.js';
import type { ArticleItem } from './split-posts.js';
import { isDisplayMath, mathmlToTex } from './mathml.js';

/** How references in the page become usable ones; undefined drops them. */
export interface RefResolver {
  image(src: string): string | undefined;
  link(href: string): string | undefined;
}

type Marks = Omit<Span, 'text'>;

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'video', 'audio', 'canvas', 'object', 'embed',
  'form', 'button', 'input', 'select', 'textarea', 'nav', 'aside', 'footer', 'head', 'title', 'meta', 'link',
]);
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'ul', 'ol', 'li', 'blockquote', 'pre', 'figure', 'table',
  'thead', 'tbody', 'tfoot', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'dl', 'dt', 'dd', 'details', 'summary',
  'address', 'center', 'picture', 'body', 'figcaption',
]);

const tag = (node: Node): string => (node.nodeType === 1 ? (node as Element).tagName.toLowerCase() : '');

export function articleItems(root: Element, refs: RefResolver): ArticleItem[] {
  const walker = new Walker(refs, headingLevels(root));
  walker.container(root);
  return walker.items;
}

/** The levels used, ranked: an article whose sections are h2 and h3 gets levels 1 and 2. */
function headingLevels(root: Element): Map<string, number> {
  const used = new Set<string>();
  for (const h of Array.from(root.querySelectorAll('h1,h2,h3,h4,h5,h6'))) used.add(h.tagName.toLowerCase());
  const ranked = [...used].sort();
  return new Map(ranked.map((name, i) => [name, Math.min(3, i + 1)]));
}

class Walker {
  readonly items: ArticleItem[] = [];
  /** List-item hints already given to a block: an item's later paragraphs continue it unmarked. */
  private readonly usedItems = new Set<BlockHint>();

  constructor(
    private readonly refs: RefResolver,
    private readonly levels: Map<string, number>,
  ) {}

  /** Children in order: runs of inline content become paragraphs, block children are handled on their own. */
  container(el: Element, hint?: BlockHint): void {
    let run: Node[] = [];
    const flush = () => {
      if (run.length > 0) this.inline(run, hint);
      run = [];
    };
    for (const child of Array.from(el.childNodes)) {
      const name = tag(child);
      if (SKIP.has(name) || child.nodeType === 8) continue;
      const alone = run.every((n) => (n.textContent ?? '').trim() === '');
      if (BLOCKS.has(name) || (name === 'img' && alone) || (name === 'math' && isDisplayMath(child as Element))) {
        flush();
        this.block(child as Element, hint);
      } else run.push(child);
    }
    flush();
  }

  private block(el: Element, hint?: BlockHint): void {
    const name = tag(el);
    if (/^h[1-6]$/.test(name)) return this.inline([el], { type: 'heading', level: this.levels.get(name) ?? 1 });
    if (name === 'ul' || name === 'ol') return this.list(el, name === 'ol');
    if (name === 'blockquote') return this.container(el, { type: 'quote' });
    if (name === 'pre') return this.pre(el);
    if (name === 'img') return this.image(el, '');
    if (name === 'math') return this.displayMath(el);
    if (name === 'figure') return this.figure(el);
    if (name === 'table') return this.table(el);
    if (name === 'tr') return this.inline(this.cells(el), hint);
    if (name === 'hr') return;
    this.container(el, hint);
  }

  private list(el: Element, ordered: boolean): void {
    let ordinal = Number(el.getAttribute('start') ?? '1') || 1;
    // Text written straight into the list, outside any <li>, is a paragraph where it stands.
    let loose: Node[] = [];
    const flush = () => {
      if (loose.some((n) => (n.textContent ?? '').trim() !== '')) this.inline(loose);
      loose = [];
    };
    for (const child of Array.from(el.childNodes)) {
      const name = tag(child);
      if (name !== 'li') {
        if (SKIP.has(name) || child.nodeType === 8) continue;
        if (BLOCKS.has(name)) {
          flush();
          this.block(child as Element);
        } else loose.push(child);
        continue;
      }
      flush();
      const hint: BlockHint = ordered ? { type: 'listItem', ordered: true, ordinal: ordinal++ } : { type: 'listItem', ordered: false };
      this.container(child as Element, hint);
    }
    flush();
  }

  private pre(el: Element): void {
    const cls = [el.getAttribute('class'), el.querySelector('code')?.getAttribute('class')].join(' ');
    const block = codeBlock(preText(el), languageClass(cls));
    if (block) this.items.push({ kind: 'block', block });
  }

  /** A formula set on its own line: a math block, typeset from its TeX. */
  private displayMath(el: Element): void {
    const tex = mathmlToTex(el);
    if (tex) this.items.push({ kind: 'block', block: mathBlock(tex) });
  }

  private figure(el: Element): void {
    const caption = el.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    const images = Array.from(el.querySelectorAll('img'));
    if (images.length === 0) return this.container(el);
    for (const img of images) this.image(img, caption);
  }

  private image(img: Element, caption: string): void {
    const src = pickImageSource(img);
    const resolved = src ? this.refs.image(src) : undefined;
    if (!resolved) return;
    const alt = (img.getAttribute('alt') ?? '').trim() || caption;
    const media: MediaRef = alt ? { type: 'image', src: resolved, alt } : { type: 'image', src: resolved };
    this.items.push({ kind: 'image', media });
  }

  /** A table as a table block, a slide's worth of rows at a time under its header; its caption before it. */
  private table(el: Element): void {
    const rows = Array.from(el.querySelectorAll('tr')).filter((tr) => tr.closest('table') === el);
    const caption = el.querySelector('caption');
    if (caption && caption.closest('table') === el) this.inline([caption]);
    const cells = rows.map((tr) =>
      Array.from(tr.children)
        .filter((c) => tag(c) === 'td' || tag(c) === 'th')
        .map((cell) => {
          const spans: Span[] = [];
          for (const child of Array.from(cell.childNodes)) this.spans(child, {}, spans, []);
          return tidySpans(linkifySpans(collapse(spans.filter((s) => s.text !== '\n'))));
        }),
    );
    const align = rows[0] ? Array.from(rows[0].children).map((c) => cellAlignOf(c)) : [];
    const block = tableBlock(cells, align);
    if (block) for (const part of splitTable(block)) this.items.push({ kind: 'block', block: part });
  }

  private cells(row: Element): Node[] {
    const out: Node[] = [];
    for (const cell of Array.from(row.children)) {
      if (out.length > 0) out.push(row.ownerDocument.createTextNode(' · '));
      out.push(...Array.from(cell.childNodes));
    }
    return out;
  }

  /** One run of inline nodes -> one block per line (a <br> ends a line), images after it. */
  private inline(nodes: readonly Node[], hint?: BlockHint): void {
    const spans: Span[] = [];
    const images: Element[] = [];
    for (const node of nodes) this.spans(node, {}, spans, images);
    let line: Span[] = [];
    const lines: Span[][] = [];
    for (const span of spans) {
      if (span.text === '\n') {
        lines.push(line);
        line = [];
      } else line.push(span);
    }
    lines.push(line);
    for (const l of lines) {
      const block = lineToBlock(collapse(l), hint ?? { type: 'paragraph' });
      if (!block || block.spans.every((s) => s.text.trim() === '')) continue;
      // A list item with several paragraphs or <br> lines shows its bullet once.
      const continued = hint?.type === 'listItem' && this.usedItems.has(hint);
      if (hint?.type === 'listItem') this.usedItems.add(hint);
      const out: Block = continued ? { type: 'paragraph', spans: block.spans } : block;
      this.items.push({ kind: 'block', block: { ...out, spans: tidySpans(linkifySpans(out.spans)) } });
    }
    for (const img of images) this.image(img, '');
  }

  private spans(node: Node, marks: Marks, out: Span[], images: Element[]): void {
    if (node.nodeType === 3) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ');
      if (text !== '') out.push({ text, ...marks });
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const name = tag(el);
    if (SKIP.has(name)) return;
    if (name === 'br') return void out.push({ text: '\n' });
    if (name === 'img') return void images.push(el);
    if (name === 'math') {
      // A formula in a sentence reads as text, its variables in italic.
      out.push(...mathSpans(mathmlToTex(el), marks));
      return;
    }
    const next: Marks = { ...marks };
    if (name === 'b' || name === 'strong') next.bold = true;
    if (name === 'i' || name === 'em' || name === 'cite') next.italic = true;
    if (name === 'code' || name === 'kbd' || name === 'samp' || name === 'tt') next.code = true;
    if (name === 'a') {
      const href = this.refs.link(el.getAttribute('href') ?? '');
      if (href) next.href = href;
    }
    // Block elements met inside inline content (a <div> in a link) still separate words.
    const spaced = BLOCKS.has(name);
    if (spaced) out.push({ text: ' ' });
    for (const child of Array.from(el.childNodes)) this.spans(child, next, out, images);
    if (spaced) out.push({ text: ' ' });
  }
}

/** A <pre>'s text as shown: a <br> inside it (sites that highlight code write them) is a line break. */
function preText(node: Node): string {
  if (node.nodeType === 3) return node.textContent ?? '';
  if (tag(node) === 'br') return '\n';
  return Array.from(node.childNodes).map(preText).join('');
}

function cellAlignOf(cell: Element): CellAlign {
  const value = (cell.getAttribute('align') ?? /text-align:\s*(\w+)/i.exec(cell.getAttribute('style') ?? '')?.[1] ?? '').toLowerCase();
  return value === 'right' || value === 'center' ? value : 'left';
}

/** Spaces collapse across span edges as a browser would show them; the line is trimmed. */
function collapse(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  let endsWithSpace = true;
  for (const span of spans) {
    const text: string = endsWithSpace ? span.text.replace(/^ +/, '') : span.text;
    if (text === '') continue;
    out.push({ ...span, text });
    endsWithSpace = text.endsWith(' ');
  }
  return out;
}

/** Lazy-loading pages keep a placeholder in `src` and the real picture in `data-src` or `srcset`. */
export function pickImageSource(img: Element): string | undefined {
  const src = img.getAttribute('src')?.trim();
  const placeholder = !src || (src.startsWith('data:') && src.length < 512);
  if (!placeholder) return src;
  const lazy = img.getAttribute('data-src') ?? img.getAttribute('data-lazy-src') ?? img.getAttribute('data-original');
  if (lazy?.trim()) return lazy.trim();
  const set = img.getAttribute('srcset') ?? img.getAttribute('data-srcset');
  if (set) return largestCandidate(set);
  return src || undefined;
}

function largestCandidate(srcset: string): string | undefined {
  let best: { url: string; size: number } | undefined;
  for (const part of srcset.split(/,\s+/)) {
    const [url, descriptor = '1x'] = part.trim().split(/\s+/);
    const size = parseFloat(descriptor) || 1;
    if (url && (!best || size > best.size)) best = { url, size };
  }
  return best?.url;
}
