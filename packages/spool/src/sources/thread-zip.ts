/**
 * A ZIP that is not an X archive but a source with its images: a thread file (or a Markdown, text
 * or HTML piece) beside the folder its media paths point into, as thread tools export them, or the
 * files a user picked together. The source is read from the zip, and every image it names by a
 * relative path is taken from the zip too: by that path from the source's folder, else by its file
 * name when one entry alone has it (files picked together arrive side by side, without folders).
 * Entry names never become paths on disk: extracted images get names of our own.
 */
import { basename, extname, join, posix } from 'node:path';
import type { SpoolDocument } from '../model/document.js';
import { imageMime } from './x-archive-files.js';
import { isTweetsPath } from './x-archive-names.js';
import { ZipReader } from './x-archive-zip.js';

/** What a zip holds, judged from its names alone. */
export type ZipShape = { kind: 'x-archive' } | { kind: 'source'; entry: string } | { kind: 'none'; reason: string };

/** How a missing image is said, so the studio can list them. */
export const MISSING_WITH = 'it is not among the files given with';

const SOURCE_FILE = /\.(json|md|markdown|txt|html?)$/i;
/** Which of several source files is the source: a thread file before a piece of text. */
const SOURCE_RANK = ['.json', '.md', '.markdown', '.html', '.htm', '.txt'];

/** Names an archiver adds that are nobody's content. */
function isClutter(name: string): boolean {
  return name.split('/').some((part) => part === '__MACOSX' || part.startsWith('.'));
}

export function zipShape(names: readonly string[]): ZipShape {
  const files = names.filter((n) => !n.endsWith('/') && !isClutter(n));
  if (files.some(isTweetsPath)) return { kind: 'x-archive' };
  const sources = files.filter((n) => SOURCE_FILE.test(n) && !/(^|\/)manifest\.json$/i.test(n));
  if (sources.length === 0) {
    return { kind: 'none', reason: 'this zip holds no thread file, Markdown or HTML, and no data/tweets.js of an X archive' };
  }
  const depth = (n: string) => n.split('/').length;
  const rank = (n: string) => SOURCE_RANK.indexOf(extname(n).toLowerCase());
  const best = [...sources].sort((a, b) => depth(a) - depth(b) || rank(a) - rank(b) || a.localeCompare(b));
  const [first, second] = best;
  if (second && depth(second) === depth(first) && rank(second) === rank(first)) {
    return { kind: 'none', reason: `this zip holds more than one source (${best.slice(0, 3).join(', ')}); zip one thread or article with its images` };
  }
  return { kind: 'source', entry: first };
}

export interface ZippedSource {
  /** The source entry's name in the zip. */
  entry: string;
  bytes: Uint8Array;
  /** Points the document's relative images at files of our own (or data: URIs) taken from the zip. */
  attachMedia(document: SpoolDocument): Promise<{ document: SpoolDocument; warnings: string[] }>;
}

/**
 * Reads a source zip (`zipShape` said `source`); the caller closes the zip. `mediaDir`: an empty
 * folder of ours that images are streamed into; without one they come back as data: URIs, which
 * the CLI and library read as they are.
 */
export async function openSourceZip(zip: ZipReader, entry: string, mediaDir?: string): Promise<ZippedSource> {
  const bytes = await zip.read(entry);
  const names = zip.names().filter((n) => !isClutter(n));
  const folder = posix.dirname(entry) === '.' ? '' : posix.dirname(entry);
  const byName = new Map<string, string[]>();
  for (const name of names) {
    const key = basename(name).toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), name]);
  }
  const found = (src: string): string | undefined => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/')) return undefined;
    const clean = safeDecode(src.split(/[?#]/)[0]);
    const exact = posix.normalize(posix.join(folder, clean));
    if (!exact.startsWith('..') && zip.has(exact)) return exact;
    const same = byName.get(basename(clean).toLowerCase()) ?? [];
    return same.length === 1 ? same[0] : undefined;
  };
  let extracted = 0;
  const taken = new Map<string, string>();
  const take = async (name: string): Promise<string> => {
    const known = taken.get(name);
    if (known) return known;
    let src: string;
    if (mediaDir) {
      src = join(mediaDir, `${extracted++}${extname(name).toLowerCase()}`);
      await zip.extract(name, src);
    } else {
      const data = await zip.read(name);
      src = `data:${imageMime(name) ?? 'application/octet-stream'};base64,${Buffer.from(data).toString('base64')}`;
    }
    taken.set(name, src);
    return src;
  };
  return {
    entry,
    bytes,
    async attachMedia(document) {
      const warnings: string[] = [];
      // An image the upload lacks is left out here, named once, with what to do about it.
      const resolve = async (src: string, what: string, where: string): Promise<string | undefined> => {
        if (/^(data|asset|https?):/i.test(src)) return src;
        const name = found(src);
        if (name !== undefined) return take(name);
        warnings.push(`${where}: ${what} ${src} dropped: ${MISSING_WITH} ${basename(entry)}; add it and import again`);
        return undefined;
      };
      const posts = [];
      for (const [i, post] of document.posts.entries()) {
        const where = `posts[${i}] (@${post.author.handle || post.id})`;
        const media = [];
        for (const m of post.media) {
          const src = await resolve(m.src, 'image', where);
          if (src !== undefined) media.push({ ...m, src });
        }
        const author = { ...post.author };
        if (author.avatar) {
          const avatar = await resolve(author.avatar, 'avatar', where);
          if (avatar === undefined) delete author.avatar;
          else author.avatar = avatar;
        }
        posts.push({ ...post, media, author });
      }
      return { document: { ...document, posts }, warnings };
    },
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
