/**
 * The one road from an article's blocks to a Document, for plain text, Markdown and HTML alike: the
 * headline and dek found, then the body either condensed into a carousel's worth of key points
 * (condense/) or cut into slide-sized posts paragraph by paragraph (split-posts.ts).
 */
import { blockText, DOCUMENT_SCHEMA_VERSION, type Block, type Post, type SpoolDocument } from '../model/document.js';
import { condenseArticle } from '../condense/condense.js';
import { authorFrom } from './pasted-text.js';
import { repairWarnings } from './repair-texts.js';
import { displayDate } from './article-date.js';
import type { CodePage } from './repair.js';
import { countWords, sentenceStarts } from '../model/sentences.js';
import { splitIntoPosts, type ArticleItem, type PostDraft } from './split-posts.js';
import type { AuthorOptions, CondenseChoice, DocumentWithWarnings, SplitOptions } from './types.js';

export interface ArticleOptions extends AuthorOptions {
  title?: string;
  /** The dek or summary, when the source states one (front matter, a page's description). */
  subtitle?: string;
  /** When it was published, as written or as an ISO date. */
  date?: string;
  url?: string;
  /** The language and direction the source declares (`<html lang dir>`, front matter). */
  lang?: string;
  dir?: 'ltr' | 'rtl';
  split?: SplitOptions;
  /** Condense into a carousel of key points (with a slide count, or the default 8-12) instead of every paragraph. */
  condense?: CondenseChoice;
}

/** Longest dek: a standfirst is a sentence or two. */
const MAX_DEK_WORDS = 40;
/** Longest first sentence that serves as the subtitle when the article has no dek. */
const MAX_LEAD_WORDS = 24;

export function articleToDocument(items: readonly ArticleItem[], opts: ArticleOptions, codePage?: CodePage): DocumentWithWarnings {
  const body = [...items];
  let title = opts.title;
  if (!title) {
    // No headline: an article that opens on a heading (after any link lines) is titled by it.
    const first = body.findIndex((item) => item.kind === 'block' && !hasLink(item.block));
    const item = body[first];
    if (item?.kind === 'block' && item.block.type === 'heading') {
      title = blockText(item.block).trim();
      body.splice(first, 1);
    }
  }
  let subtitle = opts.subtitle?.replace(/\s+/g, ' ').trim() || undefined;
  const dekAt = body.findIndex((item) => item.kind === 'block');
  const dek = body[dekAt];
  const textAfter = body.slice(dekAt + 1).filter((item) => item.kind === 'block').length;
  if (title && dek?.kind === 'block' && isDek(dek.block) && textAfter >= 2) {
    // A standfirst is the cover's, never a slide of its own; an explicit one wins, and this one goes.
    subtitle ??= blockText(dek.block).trim();
    body.splice(dekAt, 1);
  }
  const condense = opts.condense;
  if (condense) {
    const lead = subtitle ?? (title ? leadSentence(body) : undefined);
    const slides = typeof condense === 'object' ? condense.slides : undefined;
    const condensed = condenseArticle(body, { slides, title, subtitle: lead });
    if (condensed.drafts.length > 0) {
      const result = draftsToDocument(condensed.drafts, { ...opts, title, subtitle: lead }, codePage);
      result.document.source = { blocks: condensed.blocks };
      return result;
    }
  }
  // Every paragraph, cut into slide-sized posts; also what an article with nothing to condense gets.
  return draftsToDocument(splitIntoPosts(body, opts.split), { ...opts, title, subtitle }, codePage);
}

function hasLink(block: Block): boolean {
  return /https?:\/\//i.test(blockText(block));
}

/** A short opening paragraph with no final stop reads as a dek (`Learn the core idea, its types…`). */
function isDek(block: Block): boolean {
  if (block.type !== 'paragraph') return false;
  const text = blockText(block).trim();
  return countWords(text) <= MAX_DEK_WORDS && !/[.!?…:;,]["'”’)]*$/.test(text) && !hasLink(block);
}

/** The article's first sentence, when it is short enough to stand under the title. */
function leadSentence(items: readonly ArticleItem[]): string | undefined {
  // Link lines (`Try it yourself: https://…`) before the text are not its opening.
  const first = items.find((item) => item.kind === 'block' && !hasLink(item.block));
  if (first?.kind !== 'block' || first.block.type !== 'paragraph') return undefined;
  const text = blockText(first.block);
  const end = sentenceStarts(text)[0] ?? text.length;
  const sentence = text.slice(0, end).trim();
  return countWords(sentence) <= MAX_LEAD_WORDS ? sentence : undefined;
}

/** Drafts -> Document, with one repair warning per post that needs one. */
export function draftsToDocument(
  drafts: readonly PostDraft[],
  opts: ArticleOptions,
  codePage?: CodePage,
): DocumentWithWarnings {
  const author = authorFrom(opts);
  const warnings: string[] = [];
  const posts: Post[] = drafts.map((draft, i) => {
    warnings.push(...repairWarnings(`posts[${i}]`, draft.repaired, draft.unrecoverable, codePage));
    const post: Post = { id: String(i + 1), author: { ...author }, blocks: draft.blocks, media: draft.media };
    if (draft.from) post.from = draft.from;
    return post;
  });
  const document: SpoolDocument = { schemaVersion: DOCUMENT_SCHEMA_VERSION, posts };
  if (opts.title) document.title = opts.title;
  if (opts.subtitle) document.subtitle = opts.subtitle;
  const date = displayDate(opts.date);
  if (date) document.date = date;
  if (opts.url) document.url = opts.url;
  if (opts.lang) document.lang = opts.lang;
  if (opts.dir) document.dir = opts.dir;
  return { document, warnings };
}
