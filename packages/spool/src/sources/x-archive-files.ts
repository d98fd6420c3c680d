/**
 * The three shapes an X archive arrives in (the .zip, the unzipped folder, or a tweets file on its
 * own) behind one small interface, in every layout X has shipped (x-archive-names.ts), so the
 * importer reads `tweets.js`, `js/tweets/2013_01.js` and `tweets_media/…` the same way whatever the
 * user pointed at. Names are relative to the archive's `data/` folder.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { isTweetsPath, MONTH_FILE, MONTHS_FOLDER, TWEETS_FILE } from './x-archive-names.js';
import { ZipLimitError, ZipReader } from './x-archive-zip.js';

export interface ArchiveFiles {
  /** The file or folder the user gave, for messages. */
  label: string;
  /** In reading order: tweets.js, then tweets-part1.js, …; or the months, js/tweets/2013_01.js, …. */
  tweetFiles: string[];
  /** Where relative media paths would be resolved (folders only). */
  baseDir?: string;
  /** Text of a file, or undefined when the archive does not have it. */
  readText(name: string): Promise<string | undefined>;
  /** Names in a media folder (`tweets_media`, `profile_media`) starting with `prefix`. */
  listMedia(folder: string, prefix: string): Promise<string[]>;
  /**
   * A MediaRef src for a media file: an absolute path, or a data URI when it lives in a zip. Throws
   * when the file cannot be had after all (empty, unreadable, damaged in the zip).
   */
  mediaSrc(name: string): Promise<string>;
  /** Notes about the container itself (skipped entries). */
  warnings: string[];
  close(): void;
}

/** Where an unzipped archive keeps its data, and which of its files hold the tweets, in reading order. */
export interface ArchiveLayout {
  dataDir: string;
  tweetFiles: string[];
}

/** tweets.js before tweets-part1.js before tweets-part2.js; months in order of time. */
function readingOrder(a: string, b: string): number {
  const part = (name: string) => Number(/-part(\d+)\.js$/.exec(name)?.[1] ?? -1);
  return part(a) - part(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The archive in a folder (its root, or its `data/`), or undefined when there is none. */
export async function archiveLayout(root: string): Promise<ArchiveLayout | undefined> {
  for (const dataDir of [join(root, 'data'), root]) {
    const names = await readdir(dataDir).catch(() => [] as string[]);
    const tweets = names.filter((n) => TWEETS_FILE.test(n));
    if (tweets.length > 0) return { dataDir, tweetFiles: tweets.sort(readingOrder) };
    const months = (await readdir(join(dataDir, MONTHS_FOLDER)).catch(() => [] as string[])).filter((n) => MONTH_FILE.test(n));
    if (months.length > 0) return { dataDir, tweetFiles: months.map((n) => `${MONTHS_FOLDER}/${n}`).sort(readingOrder) };
  }
  return undefined;
}

/**
 * A tweets file given on its own. tweets.js (or tweet.js, or one of its parts) brings its -partN
 * siblings, which are one file cut up; a month of the first archives is read by itself, with the
 * account from its archive's `data/`; any other file is read as it is.
 */
async function givenFile(path: string): Promise<ArchiveLayout> {
  const dir = dirname(path);
  const name = basename(path);
  if (TWEETS_FILE.test(name)) {
    const siblings = (await readdir(dir).catch(() => [name])).filter((n) => TWEETS_FILE.test(n));
    return { dataDir: dir, tweetFiles: siblings.sort(readingOrder) };
  }
  if (!isTweetsPath(path)) return { dataDir: dir, tweetFiles: [name] };
  const dataDir = dirname(dirname(dir));
  return { dataDir, tweetFiles: [relative(dataDir, path).split(sep).join('/')] };
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
  if (info.isDirectory()) {
    const layout = await archiveLayout(path);
    if (!layout) throw new Error('no data/tweets.js here; is this an X archive folder?');
    return openFolder(path, layout);
  }
  if (/\.zip$/i.test(path)) return openZip(path, mediaDir);
  return openFolder(path, await givenFile(path));
}

async function openFolder(label: string, { dataDir, tweetFiles }: ArchiveLayout): Promise<ArchiveFiles> {
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
      const file = resolve(dataDir, name);
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) throw new Error('it is not there');
      if (info.size === 0) throw new Error(EMPTY);
      return file;
    },
    close() {},
  };
}

/** X archives sometimes hold a media file that was never filled in. */
const EMPTY = 'the file is empty';

/** The `data/` folder a tweets entry belongs to, as an entry-name prefix: `data/`, `my-archive/data/`. */
function dataPrefix(entry: string): string {
  const parts = entry.split('/');
  const up = TWEETS_FILE.test(parts[parts.length - 1].toLowerCase()) ? 1 : 1 + MONTHS_FOLDER.split('/').length;
  return parts.slice(0, -up).map((part) => `${part}/`).join('');
}

async function openZip(path: string, mediaDir: string | undefined): Promise<ArchiveFiles> {
  const zip = await ZipReader.open(path).catch((err: Error) => {
    throw err instanceof ZipLimitError ? err : new Error(`not a readable zip (${err.message})`);
  });
  const names = zip.names();
  const found = names.filter(isTweetsPath).map((name) => ({ name, prefix: dataPrefix(name) }));
  // Archives have data/ at the top, but a re-zipped folder nests it one level down.
  const prefixes = [...new Set(found.map((f) => f.prefix))];
  const preferred = prefixes.filter((p) => /(^|\/)data\/$/.test(p));
  const prefix = (preferred.length > 0 ? preferred : prefixes).sort((a, b) => a.split('/').length - b.split('/').length)[0];
  if (prefix === undefined) {
    zip.close();
    throw new Error('no data/tweets.js in this zip; is it an X archive?');
  }
  let extracted = 0;
  const warnings = zip.skipped.length
    ? [`${basename(path)}: skipped ${zip.skipped.length} entries with unsafe names (${zip.skipped.slice(0, 3).join(', ')})`]
    : [];
  return {
    label: path,
    tweetFiles: found.filter((f) => f.prefix === prefix).map((f) => f.name.slice(prefix.length)).sort(readingOrder),
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
        if ((await stat(file)).size === 0) throw new Error(EMPTY);
        return file;
      }
      const bytes = await zip.read(prefix + name);
      if (bytes.length === 0) throw new Error(EMPTY);
      return `data:${imageMime(name) ?? 'application/octet-stream'};base64,${Buffer.from(bytes).toString('base64')}`;
    },
    close() {
      zip.close();
    },
  };
}
