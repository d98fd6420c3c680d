import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Post, SpoolDocument } from '../model/document.js';
import { fetchGuarded, type FetchGuardOptions } from '../sources/fetch-guard.js';
import type { Store } from '../store/store.js';
import { decodeImage, storeImage } from './asset-ingest.js';
import type { DecodedImage } from './worker-jobs.js';

/** Where an imported document's media can be read from. */
export interface MediaSources {
  /** Folder relative media paths start from (the imported file's folder). */
  baseDir?: string;
  /** Local files are read only inside this folder (the upload's temporary folder). */
  localRoot?: string;
  /** For a source fetched from a URL: relative media paths are fetched relative to it. */
  baseUrl?: string;
}

/** An image an uploaded source names that did not come with it. */
export const NOT_UPLOADED = 'it was not uploaded; pick it together with the thread file, or upload a ZIP of the thread with its media folder';

/** Decodes images into what the store keeps: in a worker thread for the server's requests. */
export type ImageDecoder = (images: { src: string; name: string; bytes: Uint8Array }[]) => Promise<DecodedImage[]>;

const MAX_IMAGE_BYTES = 25 * 1024 * 1024;
/** Remote images fetched at once: enough to hide latency, few enough to be polite to one host. */
const PARALLEL = 4;

/** Every image and avatar a document names, once each. */
export function mediaSources(document: SpoolDocument): string[] {
  const srcs = new Set<string>();
  for (const post of document.posts) {
    for (const m of post.media) srcs.add(m.src);
    if (post.author.avatar) srcs.add(post.author.avatar);
  }
  return [...srcs];
}

/** The address to fetch a source from, when it is remote (absolute, or relative to a fetched page). */
export function remoteUrl(src: string, baseUrl?: string): string | undefined {
  if (/^https?:\/\//i.test(src)) return src;
  if (baseUrl && !/^[a-z][a-z0-9+.-]*:/i.test(src)) return new URL(src, baseUrl).href;
  return undefined;
}

/**
 * The images a source carries itself (data: URIs, files inside an upload), read and decoded; the
 * uploads (`asset:`) and remote images are left for the server, which has the store and the network.
 */
export async function decodeCarriedMedia(document: SpoolDocument, sources: MediaSources, decode: ImageDecoder): Promise<DecodedImage[]> {
  const carried = mediaSources(document).filter((src) => !src.startsWith('asset:') && remoteUrl(src, sources.baseUrl) === undefined);
  const failed: DecodedImage[] = [];
  const read: { src: string; name: string; bytes: Uint8Array }[] = [];
  for (const src of carried) {
    try {
      read.push({ src, name: nameOf(src), bytes: await readCarried(src, sources) });
    } catch (err) {
      failed.push({ src, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return [...failed, ...(await decode(read))];
}

/** Decodes images one by one in this thread: for trusted content, and inside the workers. */
export const decodeHere: ImageDecoder = async (images) =>
  Promise.all(
    images.map(async ({ src, name, bytes }): Promise<DecodedImage> => {
      try {
        return { src, image: await decodeImage(bytes, name) };
      } catch (err) {
        return { src, error: err instanceof Error ? err.message : String(err) };
      }
    }),
  );

/**
 * Makes an imported document self-contained: every image and avatar it names is stored as an
 * asset and referred to as `asset:<id>`. `decoded` holds what was decoded already (the images the
 * source carried); the rest are uploads, checked against the store, or remote images, fetched
 * through the guard and decoded by `decode`. An image that cannot be had is dropped with a warning
 * naming its post; the import still succeeds.
 */
export async function storeDocumentMedia(
  document: SpoolDocument,
  store: Store,
  options: { decoded?: DecodedImage[]; baseUrl?: string; fetch: FetchGuardOptions; decode: ImageDecoder },
): Promise<{ document: SpoolDocument; warnings: string[] }> {
  const results = new Map<string, string | Error>();
  const settle = (item: DecodedImage) => {
    if ('error' in item) results.set(item.src, new Error(item.error));
    else results.set(item.src, `asset:${storeImage(store, item.image, nameOf(item.src)).id}`);
  };
  for (const item of options.decoded ?? []) settle(item);

  const remote: { src: string; url: string }[] = [];
  for (const src of mediaSources(document)) {
    if (results.has(src)) continue;
    const url = remoteUrl(src, options.baseUrl);
    if (src.startsWith('asset:')) results.set(src, store.assets.has(src.slice(6)) ? src : new Error('no such uploaded asset'));
    else if (url) remote.push({ src, url });
    else results.set(src, new Error('local files are not read here; upload the image instead'));
  }

  const fetched: { src: string; name: string; bytes: Uint8Array }[] = [];
  const queue = [...remote];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      try {
        const response = await fetchGuarded(next.url, { maxBytes: MAX_IMAGE_BYTES, accept: 'image/*', ...options.fetch });
        fetched.push({ src: next.src, name: nameOf(next.src), bytes: response.bytes });
      } catch (err) {
        results.set(next.src, err instanceof Error ? err : new Error(String(err)));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
  if (fetched.length > 0) for (const item of await options.decode(fetched)) settle(item);
  return withStoredMedia(document, results);
}

/** The document with every media source replaced by its asset, or dropped with a warning. */
function withStoredMedia(document: SpoolDocument, stored: Map<string, string | Error>): { document: SpoolDocument; warnings: string[] } {
  const warnings: string[] = [];
  const posts = document.posts.map((post, i): Post => {
    const where = `posts[${i}] (@${post.author.handle || post.id})`;
    const media = post.media.flatMap((m) => {
      const result = stored.get(m.src) ?? new Error('not read');
      if (typeof result === 'string') return [{ ...m, src: result }];
      warnings.push(`${where}: image ${shorten(m.src)} dropped: ${result.message}`);
      return [];
    });
    const author = { ...post.author };
    if (author.avatar) {
      const result = stored.get(author.avatar) ?? new Error('not read');
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

/** A data: URI, or a file inside the upload's folder. */
async function readCarried(src: string, sources: MediaSources): Promise<Uint8Array> {
  if (/^data:/i.test(src)) return decodeDataUri(src);
  if (!sources.localRoot || !sources.baseDir) throw new Error('local files are not read here; upload the image instead');
  if (/^[a-z][a-z0-9+.-]+:/i.test(src) && !/^file:/i.test(src)) throw new Error('unsupported image address');
  const file = /^file:/i.test(src) ? fileURLToPath(src) : path.resolve(sources.baseDir, src);
  // Resolving links first keeps a path (or a symlink in an archive) from pointing outside the upload.
  const [real, root] = await Promise.all([realpath(file).catch(() => undefined), realpath(sources.localRoot)]);
  if (!real) throw new Error(NOT_UPLOADED);
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
