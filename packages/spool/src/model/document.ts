/**
 * The Document: what every source (thread file, pasted text, archive, API, Markdown, HTML) becomes.
 * Plain serialisable data; loads go through `parseDocument` in ./schema.ts.
 */
export const DOCUMENT_SCHEMA_VERSION = 1 as const;

/** Inline run of text. Marks combine; `href` makes it a link; `tag` styles mentions, hashtags and bare URLs. */
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  href?: string;
  tag?: 'mention' | 'hashtag' | 'url';
}

export type BlockType = 'paragraph' | 'heading' | 'listItem' | 'quote' | 'code' | 'table' | 'math';

export type CellAlign = 'left' | 'center' | 'right';

export interface Block {
  type: BlockType;
  spans: Span[];
  /** Heading level 1-3 (headings only). */
  level?: number;
  /** List items: numbered (`1.`) or bulleted (`-`). */
  ordered?: boolean;
  /** Ordered list items: the number shown. The planner renumbers runs of items split over posts. */
  ordinal?: number;
  /**
   * Code blocks: the language a fence or class named (`js`, `python`), when one did. A code block is
   * the one block that keeps line breaks: its single span (marked `code`) holds every line, indents kept.
   */
  lang?: string;
  /** Math blocks (a display formula): its TeX; `spans` hold it read as text (see model/math.ts). */
  tex?: string;
  /**
   * Tables: the rows, each a list of cells' spans, the first row the header (see model/table.ts).
   * `spans` holds the same text read row by row.
   */
  cells?: Span[][][];
  /** Tables: each column's alignment, when a column is not set flush left. */
  cellAlign?: CellAlign[];
}

export interface MediaRef {
  type: 'image';
  /** Path relative to the source file, absolute path, http(s) URL, or data URI. Resolved by the host, never by the core. */
  src: string;
  alt?: string;
}

export interface Author {
  name: string;
  handle: string;
  /** Same forms as MediaRef.src. */
  avatar?: string;
}

export interface Post {
  id: string;
  author: Author;
  blocks: Block[];
  media: MediaRef[];
  /** A condensed article's post: the indices in `source.blocks` of the paragraphs its text came from. */
  from?: number[];
}

/** The article a condensed document was made from: every text block in reading order. */
export interface SourceText {
  blocks: Block[];
}

export type TextDirection = 'ltr' | 'rtl';

export interface SpoolDocument {
  schemaVersion: typeof DOCUMENT_SCHEMA_VERSION;
  title?: string;
  /** An article's dek (or its first sentence), shown under the title on the cover. */
  subtitle?: string;
  /** When the article was published, as the cover shows it (`12 March 2025`). */
  date?: string;
  url?: string;
  /** The language the text is written in (BCP 47, `ja`, `zh-Hant`, `ar`), when the source says. */
  lang?: string;
  /** The base writing direction the source declares (`<html dir>`, front matter). */
  dir?: TextDirection;
  posts: Post[];
  /** Set when the posts were condensed from an article: what they were chosen from. */
  source?: SourceText;
}

/**
 * A post's opening heading, which titles its slide, and the blocks after it. Without an opening
 * heading the body is every block.
 */
export function headingAndBody(blocks: readonly Block[]): { heading?: Block; body: Block[] } {
  const [first, ...rest] = blocks;
  return first?.type === 'heading' ? { heading: first, body: rest } : { body: [...blocks] };
}

/** Plain text of a run of spans, for captions, summaries and tests. */
export function spansText(spans: readonly Span[]): string {
  return spans.map((s) => s.text).join('');
}

export function blockText(block: Block): string {
  return spansText(block.spans);
}
