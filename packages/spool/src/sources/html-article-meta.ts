/**
 * What a page says about itself in its <head>: the clean title (og:title rarely carries the
 * `| Site` suffix), who wrote it, the author's X handle (twitter:creator), the site, and the URL
 * relative references resolve against.
 */
import { isLanguageTag } from '../model/language.js';

export interface PageMeta {
  title?: string;
  author?: string;
  handle?: string;
  siteName?: string;
  /** The page's summary of itself (og:description), the cover's subtitle. */
  description?: string;
  /** article:published_time and its kin, as the page writes it. */
  published?: string;
  canonical?: string;
  /** What relative URLs in the page resolve against: <base href> over the page URL. */
  base?: URL;
  /** `<html lang>` (or og:locale), as a language tag. */
  lang?: string;
  /** `<html dir>` or `<body dir>`. */
  dir?: 'ltr' | 'rtl';
}

interface MetaDocument {
  querySelector(selectors: string): { getAttribute(name: string): string | null } | null;
}

export function pageMeta(doc: MetaDocument, pageUrl: string | undefined): PageMeta {
  const meta = (...keys: string[]): string | undefined => {
    for (const key of keys) {
      const el = doc.querySelector(`meta[property="${key}"]`) ?? doc.querySelector(`meta[name="${key}"]`);
      const value = el?.getAttribute('content')?.replace(/\s+/g, ' ').trim();
      if (value) return value;
    }
    return undefined;
  };
  const base = baseUrl(doc.querySelector('base[href]')?.getAttribute('href') ?? undefined, pageUrl);
  const author = meta('author', 'article:author', 'parsely-author', 'dc.creator');
  const creator = meta('twitter:creator');
  const canonicalHref = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  return {
    title: meta('og:title', 'twitter:title'),
    // article:author is often a profile URL rather than a name.
    author: author && !/^https?:\/\//i.test(author) ? author : undefined,
    handle: creator && /^@?\w{1,15}$/.test(creator) ? creator.replace(/^@/, '') : undefined,
    siteName: meta('og:site_name', 'application-name'),
    description: meta('og:description', 'twitter:description', 'description'),
    published: meta('article:published_time', 'datePublished', 'date', 'dc.date', 'parsely-pub-date') ?? doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined,
    canonical: httpUrl(canonicalHref, base),
    base,
    ...languageOf(doc, meta('og:locale', 'content-language')),
  };
}

/** The page's declared language and direction; a tag that is not one (`x-default`, garbage) is left out. */
function languageOf(doc: MetaDocument, locale: string | undefined): Pick<PageMeta, 'lang' | 'dir'> {
  const out: Pick<PageMeta, 'lang' | 'dir'> = {};
  const lang = (doc.querySelector('html[lang]')?.getAttribute('lang') ?? locale)?.trim().replace(/_/g, '-');
  if (lang && isLanguageTag(lang)) out.lang = lang;
  const dir = (doc.querySelector('html[dir]') ?? doc.querySelector('body[dir]'))?.getAttribute('dir')?.trim().toLowerCase();
  if (dir === 'rtl' || dir === 'ltr') out.dir = dir;
  return out;
}

function baseUrl(baseHref: string | undefined, pageUrl: string | undefined): URL | undefined {
  try {
    if (pageUrl) return new URL(baseHref ?? '', pageUrl);
    // Without a page URL only an absolute <base> means anything (a page saved with its origin).
    if (baseHref && /^https?:\/\//i.test(baseHref)) return new URL(baseHref);
  } catch {
    /* a malformed base is ignored, as browsers do */
  }
  return undefined;
}

function httpUrl(href: string | undefined, base: URL | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = base ? new URL(href, base) : new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
