/**
 * `importSource`: any supported input -> a validated Document. Detects the kind, reads the file (the only
 * Node I/O in the sources, loaded lazily so the parsers stay usable in the browser), dispatches to the
 * importer, and passes every result through the one validating door.
 */
import { SpoolInputError } from '../errors/input-error.js';
import { parseJsonText } from '../model/json-text.js';
import { isDocumentJson, parseDocument } from '../model/schema.js';
import { articleTextToDocument, type ArticleOptions } from './article-text.js';
import { isHttpUrl, kindFromContent, kindFromName, textShape } from './detect.js';
import { pastedTextToDocument } from './pasted-text.js';
import { threadFileToDocument } from './thread-file.js';
import type { DocumentWithWarnings, ImportOptions, ImportResult, SourceKind } from './types.js';

export type ImportInput = string | { text: string; name?: string };

export async function importSource(input: ImportInput, opts: ImportOptions = {}): Promise<ImportResult> {
  const { place, result } = await dispatch(input, opts);
  // Every importer's output passes the same door as a Document loaded from disk.
  return { ...result, document: parseDocument(result.document, place) };
}

async function dispatch(input: ImportInput, opts: ImportOptions): Promise<{ place: string; result: ImportResult }> {
  if (typeof input !== 'string') {
    const place = input.name ?? 'stdin';
    return { place, result: await fromTextAsync(input.text, place, opts.kind, opts) };
  }
  if (input === '-') return { place: 'stdin', result: await fromTextAsync(await readStdin(), 'stdin', opts.kind, opts) };
  const named = kindFromName(input);
  const kind = opts.kind ?? (named === 'text' ? undefined : named);
  if (kind === 'x-api' || kind === 'bluesky' || kind === 'mastodon' || ((kind === undefined || kind === 'url') && isHttpUrl(input))) {
    return { place: input, result: await fromUrl(input, kind ?? 'url', opts) };
  }
  return fromPath(input, kind, named === 'text', opts);
}

async function fromPath(
  path: string,
  kind: SourceKind | undefined,
  plainText: boolean,
  opts: ImportOptions,
): Promise<{ place: string; result: ImportResult }> {
  const fs = await import('node:fs/promises');
  const nodePath = await import('node:path');
  const place = nodePath.basename(path) || path;
  const baseDir = nodePath.dirname(nodePath.resolve(path));
  const info = await fs.stat(path).catch(() => undefined);
  // The path as the user typed it: the folder is often what is wrong.
  if (!info) throw new SpoolInputError(path, 'file not found');
  if (info.isDirectory() && !(await holdsTweets(path))) {
    throw new SpoolInputError(place, 'folder is not an X archive (no data/tweets.js or tweets.js in it)');
  }
  if (!info.isDirectory() && kind === 'x-archive' && /\.zip$/i.test(path)) {
    const zipped = await fromSourceZip(path, place, opts);
    if (zipped) return { place, result: { ...zipped, baseDir } };
  }
  // A tweets file under a name of its own (an upload, a renamed month file) is known by its opening.
  const archiveData = !info.isDirectory() && kind === undefined && !plainText && (await opensAsArchiveData(path));
  if (info.isDirectory() || kind === 'x-archive' || archiveData) {
    const { importXArchive } = await import('./x-archive.js');
    const result = await importXArchive(path, { thread: opts.thread, list: opts.list, mediaDir: opts.archiveMediaDir });
    return { place, result: { ...result, baseDir: result.baseDir ?? (info.isDirectory() ? nodePath.resolve(path) : baseDir) } };
  }
  const bytes = await fs.readFile(path);
  if (kind === 'html') {
    const { decodeHtml } = await import('./html-article-fetch.js');
    const result = await fromHtml(decodeHtml(bytes), { file: path }, opts);
    return { place, result: { ...result, baseDir: result.baseDir ?? baseDir } };
  }
  const text = decodeText(bytes);
  const resolved = kind ?? (plainText ? textShape(text) : undefined);
  return { place, result: { ...(await fromTextAsync(text, place, resolved, opts, path)), baseDir } };
}

/**
 * A zip that holds a thread file (or an article) with its images rather than an X archive: the
 * source is read from it and its images taken from beside it. Undefined for an X archive.
 */
async function fromSourceZip(path: string, place: string, opts: ImportOptions): Promise<ImportResult | undefined> {
  const { ZipReader, ZipLimitError } = await import('./x-archive-zip.js');
  const { zipShape, openSourceZip } = await import('./thread-zip.js');
  const zip = await ZipReader.open(path).catch((err: Error) => {
    throw new SpoolInputError(place, err instanceof ZipLimitError ? err.message : `not a readable zip (${err.message})`);
  });
  const shape = zipShape(zip.names());
  if (shape.kind !== 'source') {
    zip.close();
    if (shape.kind === 'x-archive') return undefined;
    throw new SpoolInputError(place, shape.reason);
  }
  try {
    const source = await openSourceZip(zip, shape.entry, opts.archiveMediaDir).catch((err: Error) => {
      throw new SpoolInputError(place, err.message);
    });
    const inner = `${place}: ${shape.entry}`;
    const kind = kindFromName(shape.entry);
    const text = decodeText(source.bytes);
    const read =
      kind === 'html'
        ? await fromHtml(text, {}, opts)
        : await fromTextAsync(text, inner, kind === 'text' ? textShape(text) : kind, opts);
    const attached = await source.attachMedia(read.document).catch((err: Error) => {
      throw new SpoolInputError(inner, err.message);
    });
    return { ...read, document: attached.document, warnings: [...read.warnings, ...attached.warnings] };
  } finally {
    zip.close();
  }
}

/**
 * Text of a kind the caller knows, or (undefined) found by sniffing it: the one place a text's
 * kind is decided. HTML goes to the HTML importer, the rest to fromText.
 */
async function fromTextAsync(
  text: string,
  place: string,
  kind: SourceKind | undefined,
  opts: ImportOptions,
  file?: string,
): Promise<ImportResult> {
  const resolved = kind ?? kindFromContent(text);
  if (resolved === 'html') return fromHtml(text, file ? { file } : {}, opts);
  return fromText(text, place, resolved, opts);
}

/** Text of a known kind we can read without I/O; HTML and remote kinds are refused here because they need their importers. */
async function fromText(text: string, place: string, resolved: SourceKind, opts: ImportOptions): Promise<DocumentWithWarnings> {
  const article: ArticleOptions = {
    author: opts.author,
    handle: opts.handle,
    avatar: opts.avatar,
    title: opts.title,
    split: opts.split,
    condense: opts.condense,
  };
  switch (resolved) {
    case 'thread-file':
    case 'document': {
      const json = parseJsonText(text, place);
      if (resolved === 'document' || isDocumentJson(json)) return { document: parseDocument(json, place), warnings: [] };
      return threadFileToDocument(json, place);
    }
    case 'markdown': {
      // The Markdown parser loads only for Markdown sources.
      const { markdownToDocument } = await import('./markdown.js');
      return markdownToDocument(text, article, place);
    }
    case 'article':
      return articleTextToDocument(text, article, place);
    case 'pasted':
      return pastedTextToDocument(text, { author: opts.author, handle: opts.handle, avatar: opts.avatar, title: opts.title }, place);
    default:
      throw new SpoolInputError(place, `can't read ${resolved} input from text; give a file or URL`);
  }
}

async function fromUrl(url: string, kind: SourceKind, opts: ImportOptions): Promise<ImportResult> {
  if (kind === 'x-api') {
    const { importXApi } = await import('./x-api.js');
    return importXApi(url, { token: opts.token, apiBase: opts.apiBase });
  }
  if (kind === 'bluesky') {
    const { importBluesky } = await import('./bluesky.js');
    return importBluesky(url, { apiBase: opts.apiBase, fetch: opts.fetch });
  }
  if (kind === 'mastodon') {
    const { importMastodon, isNotMastodon } = await import('./mastodon.js');
    try {
      return await importMastodon(url, { apiBase: opts.apiBase, fetch: opts.fetch });
    } catch (err) {
      // Only the address's shape said Mastodon: a site that is not one is read as the page it is.
      if (opts.kind === 'mastodon' || !isNotMastodon(err)) throw err;
    }
  }
  return readFetchedPage(await fetchSourcePage(url, opts.fetch), opts);
}

/** A web page as fetched: its bytes, its declared type, and where it ended up after redirects. */
export interface FetchedPage {
  bytes: Uint8Array;
  contentType: string;
  url: string;
}

/** Fetches a page to import, through the guard; a refused address is the user's input, not our failure. */
export async function fetchSourcePage(url: string, fetch: ImportOptions['fetch']): Promise<FetchedPage> {
  const { fetchGuarded, FetchRefusedError } = await import('./fetch-guard.js');
  const accept = 'text/html,application/xhtml+xml;q=0.9,text/markdown;q=0.8,text/plain;q=0.7,*/*;q=0.5';
  const response = await fetchGuarded(url, { accept, ...fetch }).catch((err: unknown) => {
    if (err instanceof FetchRefusedError) throw new SpoolInputError(url, err.message);
    throw err;
  });
  return { bytes: response.bytes, contentType: response.contentType, url: response.url };
}

/** A page fetched already (by `fetchSourcePage`) -> a validated Document. */
export async function importFetchedPage(page: FetchedPage, opts: ImportOptions = {}): Promise<ImportResult> {
  const result = await readFetchedPage(page, opts);
  return { ...result, document: parseDocument(result.document, page.url) };
}

/** Reads a fetched page by its type: Markdown, a thread file, plain text, or an HTML article. */
async function readFetchedPage(page: FetchedPage, opts: ImportOptions): Promise<ImportResult> {
  const { decodeHtml } = await import('./html-article-fetch.js');
  const text = decodeHtml(page.bytes, page.contentType);
  const type = page.contentType.split(';')[0].trim().toLowerCase();
  const named = kindFromName(new URL(page.url).pathname);
  const place = page.url;
  if (type === 'text/markdown' || type === 'text/x-markdown' || named === 'markdown') return fromText(text, place, 'markdown', opts);
  if (type === 'application/json' || named === 'thread-file') return fromText(text, place, 'thread-file', opts);
  if (type === 'text/plain') return fromText(text, place, textShape(text), opts);
  return fromHtml(text, { url: page.url }, opts);
}

async function fromHtml(html: string, where: { url?: string; file?: string }, opts: ImportOptions): Promise<ImportResult> {
  const { importHtml } = await import('./html-article.js');
  return importHtml(
    { html, ...where },
    { author: opts.author, handle: opts.handle, avatar: opts.avatar, title: opts.title, split: opts.split, condense: opts.condense },
  );
}

/** An unzipped archive, in any of the layouts X has shipped: the archive importer's own finding. */
async function holdsTweets(folder: string): Promise<boolean> {
  const { archiveLayout } = await import('./x-archive-files.js');
  return (await archiveLayout(folder)) !== undefined;
}

/** Whether a file opens as an archive's data does (`window.YTD.tweets.part0 =`, `Grailbird.data.…`). */
async function opensAsArchiveData(path: string): Promise<boolean> {
  const fs = await import('node:fs/promises');
  const { looksLikeArchiveData } = await import('./x-archive-names.js');
  const file = await fs.open(path, 'r').catch(() => undefined);
  if (!file) return false;
  try {
    const { buffer, bytesRead } = await file.read(new Uint8Array(128), 0, 128, 0);
    return looksLikeArchiveData(new TextDecoder().decode(buffer.subarray(0, bytesRead)));
  } finally {
    await file.close();
  }
}

/** UTF-8 unless a byte order mark says UTF-16; a mis-encoded file is mojibake repair's business. */
function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

async function readStdin(): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return decodeText(all);
}
