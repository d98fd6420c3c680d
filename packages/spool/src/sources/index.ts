/**
 * Sources: everything that turns what users have into a Document. The parsers are pure and run in the
 * browser; `importSource` reads files and URLs and needs Node.
 */
export { importSource, fetchSourcePage, importFetchedPage } from './import.js';
export type { ImportInput, FetchedPage } from './import.js';
export type {
  AuthorOptions,
  DocumentWithWarnings,
  ImportOptions,
  ImportResult,
  SourceKind,
  SplitOptions,
} from './types.js';

export { threadFileToDocument } from './thread-file.js';
export { pastedTextToDocument, splitPastedThread, authorFrom } from './pasted-text.js';
export type { PastedTextOptions } from './pasted-text.js';
export { articleTextToDocument, parseArticleText } from './article-text.js';
export { articleToDocument, draftsToDocument } from './article-document.js';
export type { ArticleOptions, ParsedArticle } from './article-text.js';
export { markdownToDocument, parseMarkdown } from './markdown.js';
export type { ParsedMarkdown } from './markdown.js';
export { splitFrontMatter } from './front-matter.js';
export type { FrontMatter } from './front-matter.js';
export { splitIntoPosts, cutBlock, DEFAULT_SPLIT } from './split-posts.js';
export type { ArticleItem, ItemFlags, PostDraft } from './split-posts.js';
export { sentenceStarts, countWords } from '../model/sentences.js';

export { parsePostHtml, htmlToBlocks, safeHref } from './inline-html.js';
export { parsePostText, lineToBlock, lineRule, tidySpans } from './line-rules.js';
export type { BlockHint } from './line-rules.js';
export { tokenizeHtml } from './html-tokens.js';
export type { HtmlToken } from './html-tokens.js';
export { decodeEntities } from '../formats/markup.js';
export { linkify, linkifySpans, linkifyBlocks } from '../model/linkify.js';

export { repairMojibake, detectMojibakeCodePage } from './repair.js';
export type { CodePage, MojibakeRepair, RepairOptions } from './repair.js';
export { repairTexts, repairWarnings } from './repair-texts.js';
export type { TextRepairs } from './repair-texts.js';

export { kindFromName, kindFromContent, textShape, isHttpUrl, isXStatusUrl } from './detect.js';
