/**
 * A thread pasted as text. Posts are separated by blank lines or by numbering markers (`1/`, `2/12`,
 * `(3/5)`, `3.` when posts count up); markers and a leading or trailing 🧵 are the thread's scaffolding,
 * not its content, so they are removed. The carousel numbers its own slides.
 */
import type { Author, Post, SpoolDocument } from '../model/document.js';
import { DOCUMENT_SCHEMA_VERSION } from '../model/document.js';
import { SpoolInputError } from '../errors/input-error.js';
import { parsePostText } from './line-rules.js';
import { repairTexts, repairWarnings } from './repair-texts.js';
import type { AuthorOptions, DocumentWithWarnings } from './types.js';

export interface PastedTextOptions extends AuthorOptions {
  title?: string;
}

// `3/`, `3/12`, `(3/12)`, `[3/12]` followed by a space or the end of the line.
const LEAD_SLASH = /^[([]?(\d{1,3}) ?\/ ?(\d{1,3})?[)\]]?(?=\s|$)[ \t]*/;
const TAIL_SLASH = /(?:^|\s+)[([]?(\d{1,3}) ?\/ ?(\d{1,3})?[)\]]?$/;
const LEAD_DOT = /^(\d{1,3})\.[ \t]+(?=\S)/;
const THREAD_EMOJI = /^(?:🧵[\s:]*|👇\s*)+|(?:\s*(?:🧵|👇|⬇️?))+$/gu;

export function pastedTextToDocument(text: string, opts: PastedTextOptions = {}, place = 'text'): DocumentWithWarnings {
  const { chunks, removed } = readPastedThread(text);
  if (chunks.length === 0) throw new SpoolInputError(place, 'no text to import');
  const fixed = repairTexts(chunks);
  const warnings: string[] = [];
  const author = authorFrom(opts);
  const posts: Post[] = [];
  fixed.texts.forEach((chunk, i) => {
    const blocks = parsePostText(chunk);
    if (blocks.length === 0) return;
    if (removed[i]) warnings.push(threadEmojiWarning(`posts[${posts.length}]`, removed[i]));
    warnings.push(...repairWarnings(`posts[${posts.length}]`, fixed.repaired[i], fixed.unrecoverable[i], fixed.codePage));
    posts.push({ id: String(posts.length + 1), author: { ...author }, blocks, media: [] });
  });
  if (posts.length === 0) throw new SpoolInputError(place, 'no text to import');
  const document: SpoolDocument = { schemaVersion: DOCUMENT_SCHEMA_VERSION, posts };
  if (opts.title) document.title = opts.title;
  return { document, warnings };
}

export function authorFrom(opts: AuthorOptions): Author {
  const handle = (opts.handle ?? '').trim().replace(/^@+/, '');
  return {
    name: (opts.author ?? '').trim() || handle,
    handle,
    ...(opts.avatar ? { avatar: opts.avatar } : {}),
  };
}

/** The posts' texts, in order, with numbering markers and thread emoji removed. */
export function splitPastedThread(text: string): string[] {
  return readPastedThread(text).chunks;
}

/** The posts' texts, and beside each the thread emoji taken off it (🧵, 👇), so an import can say so. */
import { threadEmojiWarning } from './tweet-text.js';
function readPastedThread(text: string): { chunks: string[]; removed: string[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const byMarkers = splitAtMarkerLines(lines);
  const raw = (byMarkers ?? splitAtBlankLines(lines)).map((chunk) => chunk.trim());
  const emoji = raw.map((chunk) => (chunk.match(THREAD_EMOJI) ?? []).join('').replace(/\s+/g, ''));
  const numbered = stripSlashMarkers(raw.map((chunk) => chunk.replace(THREAD_EMOJI, '').trim()));
  const texts = stripDotMarkers(numbered).map((chunk) => chunk.trim().replace(THREAD_EMOJI, '').trim());
  const kept = texts.flatMap((chunk, i) => (chunk === '' ? [] : [{ chunk, removed: emoji[i] }]));
  return { chunks: kept.map((k) => k.chunk), removed: kept.map((k) => k.removed) };
}

function splitAtBlankLines(lines: readonly string[]): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length > 0) chunks.push(current.join('\n'));
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) chunks.push(current.join('\n'));
  return chunks;
}

/**
 * When lines start with `1/`, `2/`, `3/`... counting up, those lines start the posts, and blank lines
 * inside a post are only its paragraphs. Returns undefined when the text isn't numbered that way.
 */
function splitAtMarkerLines(lines: readonly string[]): string[] | undefined {
  const starts: number[] = [];
  let expected: number | undefined;
  lines.forEach((line, i) => {
    const m = LEAD_SLASH.exec(line.trim().replace(THREAD_EMOJI, ''));
    if (!m || !isMarker(m)) return;
    const k = Number(m[1]);
    if (expected === undefined || k === expected) {
      starts.push(i);
      expected = k + 1;
    }
  });
  if (starts.length < 2) return undefined;
  const chunks: string[] = [];
  if (starts[0] > 0) chunks.push(...splitAtBlankLines(lines.slice(0, starts[0])));
  starts.forEach((start, n) => {
    const body = lines.slice(start, starts[n + 1] ?? lines.length).join('\n').trim();
    if (body !== '') chunks.push(body);
  });
  return chunks;
}

/** `24/7` and `3/2` are text; a marker never counts past its total. */
function isMarker(m: RegExpExecArray): boolean {
  const k = Number(m[1]);
  return k >= 1 && (m[2] === undefined || k <= Number(m[2]));
}

/**
 * Leading or trailing `k/n` markers are removed when at least two posts carry them and they count up;
 * a single `1/2 cup` in one post is left alone.
 */
function stripSlashMarkers(chunks: readonly string[]): string[] {
  const found = chunks.map((chunk) => {
    const text = chunk.trim().replace(THREAD_EMOJI, '');
    const lead = LEAD_SLASH.exec(text);
    if (lead && isMarker(lead)) return { k: Number(lead[1]), strip: (s: string) => s.replace(LEAD_SLASH, '') };
    const tail = TAIL_SLASH.exec(text);
    if (tail && isMarker(tail)) return { k: Number(tail[1]), strip: (s: string) => s.replace(TAIL_SLASH, '') };
    return undefined;
  });
  const ks = found.filter((f) => f !== undefined).map((f) => f.k);
  const countsUp = ks.length >= 2 && ks.every((k, i) => i === 0 || k > ks[i - 1]);
  if (!countsUp) return [...chunks];
  return chunks.map((chunk, i) => {
    const marker = found[i];
    return marker ? marker.strip(chunk.trim().replace(THREAD_EMOJI, '')).trim() : chunk;
  });
}

/** `1.`, `2.`, `3.` opening two or more posts in a row number the posts, not a list. */
function stripDotMarkers(chunks: readonly string[]): string[] {
  const numbers = chunks.map((chunk) => {
    const m = LEAD_DOT.exec(chunk.trim().replace(THREAD_EMOJI, ''));
    return m ? Number(m[1]) : undefined;
  });
  const out = [...chunks];
  let i = 0;
  while (i < chunks.length) {
    let j = i;
    while (j + 1 < chunks.length && numbers[j] !== undefined && numbers[j + 1] === (numbers[j] as number) + 1) j++;
    if (j > i) {
      for (let k = i; k <= j; k++) out[k] = chunks[k].trim().replace(THREAD_EMOJI, '').replace(LEAD_DOT, '');
    }
    i = j + 1;
  }
  return out;
}
