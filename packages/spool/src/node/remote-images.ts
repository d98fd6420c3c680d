/**
 * Remote images for builds on this machine (the CLI and the library): fetched through the same
 * guard as imported pages (size and time limits, no private addresses), and kept in a cache on
 * disk so a thread is fetched once, not on every build. Thread tools and X exports are full of
 * https:// media, so a build must be able to show them, and must not fail when one is gone.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import type { FetchGuardOptions } from '../sources/fetch-guard.js';
import { ImageUnavailableError, unfetchedReason } from './image-unavailable.js';

/** An image at a URL that could not be had: the build leaves it out and says so. */
export class RemoteImageError extends ImageUnavailableError {
  override name = 'RemoteImageError';
  constructor(err: unknown, url: string) {
    super(err instanceof Error ? err.message : String(err), unfetchedReason(err, url));
  }
}

/** Images fetched within this long are taken from the cache. */
const CACHE_DAYS = 30;
const MAX_IMAGE_BYTES = 25 * 1024 * 1024;

/** `SPOOL_CACHE_DIR`, else the user's cache folder, else the system's temporary folder. */
export function imageCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SPOOL_CACHE_DIR) return path.join(path.resolve(env.SPOOL_CACHE_DIR), 'images');
  const base = env.XDG_CACHE_HOME || (homedir() ? path.join(homedir(), '.cache') : tmpdir());
  return path.join(base, 'spool', 'images');
}

export interface RemoteImageOptions {
  /** Where fetched images are kept; default `imageCacheDir()`. */
  cacheDir?: string;
  fetch?: FetchGuardOptions;
}

/** A fetcher for `LoadImageOptions.fetchBytes`: the cache first, then the network, through the guard. */
export function remoteImageFetcher(options: RemoteImageOptions = {}): (url: string) => Promise<Uint8Array> {
  const dir = options.cacheDir ?? imageCacheDir();
  return async (url) => {
    const file = path.join(dir, createHash('sha256').update(url).digest('hex'));
    const cached = await stat(file).catch(() => undefined);
    if (cached && Date.now() - cached.mtimeMs < CACHE_DAYS * 86_400_000) return new Uint8Array(await readFile(file));
    let bytes: Uint8Array;
    try {
      // Loaded on first need: the HTTP stack costs a build of local files its start-up time.
      const { fetchGuarded } = await import('../sources/fetch-guard.js');
      bytes = (await fetchGuarded(url, { maxBytes: MAX_IMAGE_BYTES, accept: 'image/*', ...options.fetch })).bytes;
    } catch (err) {
      throw new RemoteImageError(err, url);
    }
    // A cache that cannot be written only costs the next build a fetch.
    await mkdir(dir, { recursive: true })
      .then(() => writeFile(`${file}.part`, bytes))
      .then(() => rename(`${file}.part`, file))
      .catch(() => undefined);
    return bytes;
  };
}
