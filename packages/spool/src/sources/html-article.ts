/**
 * An article from an HTML page (a saved .html file or a fetched URL): Readability finds the main
 * content so navigation, ads, cookie banners and footers never reach a slide, then the content is
 * walked into blocks and cut into slide-sized posts like any other article.
 *
 * Readability runs over a linkedom document. It does not resolve relative URLs there (linkedom has
 * no document URL), so images and links are resolved here against the page URL and its <base>.
 */
import { dirname, resolve as resolvePath } from 'node:path';
import type { CondenseChoice } from './types.js';
import type { Readability } from '@mozilla/readability';
import { SpoolInputError } from '../errors/input-error.js';
import { blockText } from '../model/document.js';
import { parseDocument } from '../model/schema.js';
import { articleToDocument } from './article-document.js';
import { isLanguageTag } from '../model/language.js';
import { articleItems, type RefResolver } from './html-article-blocks.js';
import { pageMeta, type PageMeta } from './html-article-meta.js';
import { safeHref } from './inline-html.js';
import { htmlTooDeep } from './markup-depth.js';
import { detectMojibakeCodePage, repairMojibake, type CodePage } from './repair.js';
import type { ArticleItem } from './split-posts.js';
import type { AuthorOptions, ImportResult, SplitOptions } from './types.js';

export interface HtmlInput {
  html: string;
  /** The page's address: relative images and links resolve against it. */
  url?: string;
  /** The file it was read from: relative image paths stay relative to its folder. */
  file?: string;
}

export interface HtmlImportOptions extends AuthorOptions {
  /** Used only when the page has no title of its own. */
  title?: string;
  split?: SplitOptions;
  condense?: CondenseChoice;
}

export async function importHtml(input: HtmlInput, opts: HtmlImportOptions = {}): Promise<ImportResult> {
  const place = input.file ?? input.url ?? 'html';
  const deep = htmlTooDeep(input.html);
  if (deep) throw new SpoolInputError(place, `this page cannot be read: ${deep}`);
  // The page parsers load only for a page that passed the depth check: a hostile page is refused
  // in milliseconds, before their half a second of loading.
  const [{ Readability: ReadabilityClass }, { parseHTML }] = await Promise.all([import('@mozilla/readability'), import('linkedom')]);
  const { document: dom } = parseHTML(input.html);
  // Read before Readability, which rewrites the document as it goes.
  const meta = pageMeta(dom, input.url);
  let article: ReturnType<Readability['parse']>;
  try {
    article = new ReadabilityClass(dom as unknown as Document).parse();
  } catch (err) {
    throw new SpoolInputError(place, `could not read an article from this page (${(err as Error).message})`);
  }
  if (!article?.content) throw new SpoolInputError(place, 'no article text found on this page');
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);

  const title = cleanTitle(meta.title ?? article.title ?? undefined) ?? opts.title;
  const byline = cleanByline(article.byline ?? undefined) ?? meta.author;
  const refs = refResolver(meta);
  let items = articleItems(content.body as unknown as Element, refs);
  items = dropRepeats(items, title, byline);
  const codePage = repairItems(items);
  if (items.length === 0) throw new SpoolInputError(place, 'no article text found on this page');

  const { document, warnings } = articleToDocument(
    items,
    {
      title,
      subtitle: meta.description,
      date: meta.published,
      ...(meta.lang ? { lang: meta.lang } : article.lang && isLanguageTag(article.lang) ? { lang: article.lang } : {}),
      ...(meta.dir ? { dir: meta.dir } : article.dir === 'rtl' || article.dir === 'ltr' ? { dir: article.dir } : {}),
      condense: opts.condense,
      url: input.url ?? meta.canonical,
      author: opts.author ?? byline ?? meta.siteName ?? hostOf(input.url),
      handle: opts.handle ?? meta.handle,
      avatar: opts.avatar,
    },
    codePage,
  );
  const result: ImportResult = { document: parseDocument(document, place), warnings };
  if (input.file) result.baseDir = dirname(resolvePath(input.file));
  return result;
}

/** Pages title themselves `Post name | Site` or `Post name – Site`; the site is the author line's job. */
function cleanTitle(title: string | undefined): string | undefined {
  const t = title?.replace(/\s+/g, ' ').trim();
  if (!t) return undefined;
  const cut = /^(.{12,}?)\s+[|–—·»]\s+[^|–—·»]{1,40}$/.exec(t);
  return cut ? cut[1] : t;
}

function cleanByline(byline: string | undefined): string | undefined {
  const b = byline?.replace(/\s+/g, ' ').replace(/^(by|written by|von|par|por)\s+/i, '').trim();
  return b && b.length <= 80 ? b : undefined;
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
}

/** The title and the byline are on the cover already; Readability often leaves them in the content. */
function dropRepeats(items: ArticleItem[], title: string | undefined, byline: string | undefined): ArticleItem[] {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const lead = items.slice(0, 3).filter((item) => {
    if (item.kind !== 'block') return true;
    const text = norm(blockText(item.block));
    if (title && text === norm(title)) return false;
    if (byline && (text === norm(byline) || text === `by ${norm(byline)}`)) return false;
    return true;
  });
  return [...lead, ...items.slice(3)];
}

/** Mojibake is decided for the whole article (enough text to tell), then fixed span by span. */
function repairItems(items: ArticleItem[]): CodePage | undefined {
  const blocks = items.flatMap((item) => (item.kind === 'block' ? [item] : []));
  const codePage = detectMojibakeCodePage(blocks.map((item) => blockText(item.block)).join('\n'));
  if (!codePage) return undefined;
  for (const item of blocks) {
    item.block = {
      ...item.block,
      spans: item.block.spans.map((span) => {
        const fixed = repairMojibake(span.text, { codePage });
        item.repaired ||= fixed.repaired;
        item.unrecoverable ||= fixed.unrecoverable;
        return fixed.repaired ? { ...span, text: fixed.text } : span;
      }),
    };
  }
  return codePage;
}

function refResolver(meta: PageMeta): RefResolver {
  const base = meta.base;
  const toPathOrUrl = (ref: string): string | undefined => {
    if (ref.startsWith('data:')) return /^data:image\//i.test(ref) ? ref : undefined;
    if (base) {
      try {
        const url = new URL(ref, base);
        return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
      } catch {
        return undefined;
      }
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return /^https?:/i.test(ref) ? ref : undefined;
    if (ref.startsWith('//')) return `https:${ref}`;
    // A saved page: the host resolves relative paths against the file's folder (ImportResult.baseDir).
    // A site-relative `/images/x.png` is kept as written too: the build, which knows it is not on
    // this disk, leaves it out and says so, as it does for Markdown.
    const path = ref.split(/[?#]/)[0];
    try {
      return decodeURIComponent(path);
    } catch {
      return path;
    }
  };
  return {
    image: toPathOrUrl,
    link: (href) => {
      if (href.startsWith('#')) return undefined;
      if (!base) return safeHref(href);
      try {
        return safeHref(new URL(href, base).href);
      } catch {
        return undefined;
      }
    },
  };
}
