import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Post, SpoolDocument } from '../model/document.js';
import { fetchGuarded, type FetchGuardOptions } from '../sources/fetch-guard.js';
import type { Store } from '../store/store.js';
import { storeImage } from './asset-ingest.js';

export interface MediaSources {
  /** Folder relative media paths start from (the imported file's folder). */
  baseDir?: string;
  /** Local files are read only inside this folder (the upload's temporary folder). */
  localRoot?: string;
  /** For a source fetched from a URL: relative media paths are fetched relative to it. */
  baseUrl?: string;
  fetch: FetchGuardOptions;
}

const MAX_IMAGE_BYTES = 25 * 1024 * 1024;
/** Remote images fetched at once: enough to hide latency, few enough to be polite to one host. */
const PARALLEL = 4;

/**
 * Makes an imported document self-contained: every image and avatar it names (a data: URI, a file
 * from the upload, or an http(s) URL) is stored as an asset and referred to as `asset:<id>`. An
 * image that cannot be had is dropped with a warning naming its post; the import still succeeds.
 */
export async function storeDocumentMedia(
  document: SpoolDocument,
  store: Store,
  sources: MediaSources,
): Promise<{ document: SpoolDocument; warnings: string[] }> {
  const srcs = new Set<string>();
  for (const post of document.posts) {
    for (const m of post.media) srcs.add(m.src);
    if (post.author.avatar) srcs.add(post.author.avatar);
  }
  const stored = new Map<string, string | Error>();
  const queue = [...srcs];
  const worker = async () => {
    for (let src = queue.shift(); src !== undefined; src = queue.shift()) {
      try {
        stored.set(src, await storeOne(src, store, sources));
      } catch (err) {
        stored.set(src, err instanceof Error ? err : new Error(String(err)));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));

  const warnings: string[] = [];
  const posts = document.posts.map((post, i): Post => {
    const where = `posts[${i}] (@${post.author.handle || post.id})`;
    const media = post.media.flatMap((m) => {
      const result = stored.get(m.src)!;
      if (typeof result === 'string') return [{ ...m, src: result }];
      warnings.push(`${where}: image ${shorten(m.src)} dropped: ${result.message}`);
      return [];
    });
    const author = { ...post.author };
    if (author.avatar) {
      const result = stored.get(author.avatar)!;
      if (typeof result === 'string') author.avatar = result;
      else {
        warnings.push(`${where}: avatar ${shorten(author.avatar)} dropped: ${result.message}`);
        delete author.avatar;
      }
    }
    return { ...post, author, media };
  });
  return { document: { ...document, posts }, warnings };
}

async function storeOne(src: string, store: Store, sources: MediaSources): Promise<string> {
  if (src.startsWith('asset:')) {
    if (!store.assets.has(src.slice(6))) throw new Error('no such uploaded asset');
    return src;
  }
  const name = nameOf(src);
  const bytes = await readBytes(src, sources);
  const asset = await storeImage(store, bytes, name);
  return `asset:${asset.id}`;
}

async function readBytes(src: string, sources: MediaSources): Promise<Uint8Array> {
  if (/^data:/i.test(src)) return decodeDataUri(src);
  const url = /^https?:\/\//i.test(src) ? src : sources.baseUrl && !/^[a-z][a-z0-9+.-]*:/i.test(src) ? new URL(src, sources.baseUrl).href : undefined;
  if (url) {
    const response = await fetchGuarded(url, { maxBytes: MAX_IMAGE_BYTES, accept: 'image/*', ...sources.fetch });
    return response.bytes;
  }
  if (!sources.localRoot || !sources.baseDir) throw new Error('local files are not read here; upload the image instead');
  const file = /^file:/i.test(src) ? fileURLToPath(src) : path.resolve(sources.baseDir, src);
  // Resolving links first keeps a path (or a symlink in an archive) from pointing outside the upload.
  const [real, root] = await Promise.all([realpath(file).catch(() => undefined), realpath(sources.localRoot)]);
  if (!real) throw new Error('file not found');
  const rel = path.relative(root, real);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error('only files inside the uploaded source are read');
  const info = await stat(real);
  if (!info.isFile()) throw new Error('not a file');
  if (info.size > MAX_IMAGE_BYTES) throw new Error(`larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
  return new Uint8Array(await readFile(real));
}

function decodeDataUri(uri: string): Uint8Array {
  const comma = uri.indexOf(',');
  if (comma < 0) throw new Error('data: URI without a comma');
  const header = uri.slice(5, comma);
  const body = uri.slice(comma + 1);
  if (body.length > MAX_IMAGE_BYTES * 1.4) throw new Error(`larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
  if (/;base64$/i.test(header)) return new Uint8Array(Buffer.from(body, 'base64'));
  return new Uint8Array(Buffer.from(decodeURIComponent(body), 'utf8'));
}

function nameOf(src: string): string {
  if (/^data:/i.test(src)) return 'image';
  const last = src.split(/[?#]/)[0].split(/[\\/]/).pop() ?? '';
  return decodeSafe(last).slice(0, 120) || 'image';
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function shorten(src: string): string {
  return src.length > 80 ? `${src.slice(0, 77)}...` : src;
}
