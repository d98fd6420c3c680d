/**
 * The three shapes an X archive arrives in (the .zip, the unzipped folder, or its tweets.js on its
 * own) behind one small interface, so the importer reads `tweets.js` and `tweets_media/…` the same
 * way whatever the user pointed at. Names are relative to the archive's `data/` folder.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { ZipLimitError, ZipReader } from './x-archive-zip.js';

export interface ArchiveFiles {
  /** The file or folder the user gave, for messages. */
  label: string;
  /** tweets.js first, then tweets-part1.js, …: large archives are split. */
  tweetFiles: string[];
  /** Where relative media paths would be resolved (folders only). */
  baseDir?: string;
  /** Text of a file, or undefined when the archive does not have it. */
  readText(name: string): Promise<string | undefined>;
  /** Names in a media folder (`tweets_media`, `profile_media`) starting with `prefix`. */
  listMedia(folder: string, prefix: string): Promise<string[]>;
  /** A MediaRef src for a media file: an absolute path, or a data URI when it lives in a zip. */
  mediaSrc(name: string): Promise<string>;
  /** Notes about the container itself (skipped entries). */
  warnings: string[];
  close(): void;
}

/** The tweets file of an archive: `tweets.js`, older `tweet.js`, large ones `tweets-part1.js`... */
export const TWEETS_FILE = /^tweets?(-part\d+)?\.js$/;

/** tweets.js before tweets-part1.js before tweets-part2.js; the old singular name works too. */
function byPart(a: string, b: string): number {
  const part = (name: string) => Number(/-part(\d+)\.js$/.exec(name)?.[1] ?? -1);
  return part(a) - part(b);
}

const MIME: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

export function imageMime(name: string): string | undefined {
  return MIME[extname(name).toLowerCase()];
}

/**
 * `mediaDir`: a folder (empty, ours) that photos from a zip are streamed into, so they are named by
 * path; without it they come back as data: URIs, held in memory.
 */
export async function openArchive(path: string, mediaDir?: string): Promise<ArchiveFiles> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new Error('no such file or folder');
  if (info.isDirectory()) return openFolder(path, await findDataDir(path));
  if (/\.zip$/i.test(path)) return openZip(path, mediaDir);
  return openFolder(path, dirname(path), basename(path));
}

async function findDataDir(root: string): Promise<string> {
  for (const candidate of [join(root, 'data'), root]) {
    const names = await readdir(candidate).catch(() => [] as string[]);
    if (names.some((n) => TWEETS_FILE.test(n))) return candidate;
  }
  throw new Error('no data/tweets.js here; is this an X archive folder?');
}

async function openFolder(label: string, dataDir: string, only?: string): Promise<ArchiveFiles> {
  const siblings = await readdir(dataDir).catch(() => [] as string[]);
  let tweetFiles = siblings.filter((n) => TWEETS_FILE.test(n)).sort(byPart);
  // A tweets.js given on its own still brings its -partN siblings; any other .js file is read as is.
  if (only && !TWEETS_FILE.test(only)) tweetFiles = [only];
  const listings = new Map<string, string[]>();
  return {
    label,
    tweetFiles,
    baseDir: dataDir,
    warnings: [],
    async readText(name) {
      return readFile(join(dataDir, name), 'utf8').catch(() => undefined);
    },
    async listMedia(folder, prefix) {
      if (!listings.has(folder)) listings.set(folder, await readdir(join(dataDir, folder)).catch(() => []));
      return listings
        .get(folder)!
        .filter((n) => n.startsWith(prefix))
        .map((n) => `${folder}/${n}`);
    },
    async mediaSrc(name) {
      return resolve(dataDir, name);
    },
    close() {},
  };
}

async function openZip(path: string, mediaDir: string | undefined): Promise<ArchiveFiles> {
  const zip = await ZipReader.open(path).catch((err: Error) => {
    throw err instanceof ZipLimitError ? err : new Error(`not a readable zip (${err.message})`);
  });
  const names = zip.names();
  const tweetEntries = names.filter((n) => TWEETS_FILE.test(basename(n)));
  // Archives have data/ at the top, but a re-zipped folder nests it one level down.
  const preferred = tweetEntries.filter((n) => /(^|\/)data\/[^/]+$/.test(n));
  const chosen = (preferred.length > 0 ? preferred : tweetEntries).sort(
    (a, b) => a.split('/').length - b.split('/').length,
  );
  if (chosen.length === 0) {
    zip.close();
    throw new Error('no data/tweets.js in this zip; is it an X archive?');
  }
  const prefix = chosen[0].slice(0, chosen[0].length - basename(chosen[0]).length);
  let extracted = 0;
  const warnings = zip.skipped.length
    ? [`${basename(path)}: skipped ${zip.skipped.length} entries with unsafe names (${zip.skipped.slice(0, 3).join(', ')})`]
    : [];
  return {
    label: path,
    tweetFiles: chosen.filter((n) => n.startsWith(prefix) && !n.slice(prefix.length).includes('/')).map((n) => basename(n)).sort(byPart),
    warnings,
    async readText(name) {
      if (!zip.has(prefix + name)) return undefined;
      return new TextDecoder().decode(await zip.read(prefix + name));
    },
    async listMedia(folder, start) {
      const head = `${prefix}${folder}/${start}`;
      return names.filter((n) => n.startsWith(head) && !n.slice(head.length).includes('/')).map((n) => n.slice(prefix.length));
    },
    async mediaSrc(name) {
      if (mediaDir) {
        // Our own name for the file: entry names never become paths.
        const file = join(mediaDir, `${extracted++}${extname(name).toLowerCase()}`);
        await zip.extract(prefix + name, file);
        return file;
      }
      const bytes = await zip.read(prefix + name);
      return `data:${imageMime(name) ?? 'application/octet-stream'};base64,${Buffer.from(bytes).toString('base64')}`;
    },
    close() {
      zip.close();
    },
  };
}
