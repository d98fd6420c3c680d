/**
 * Our thread file -> Document. Pure: the caller reads the file and resolves relative media and avatar
 * paths against the file's folder; here they stay exactly as written.
 */
import type { MediaRef, Post, SpoolDocument } from '../model/document.js';
import { DOCUMENT_SCHEMA_VERSION } from '../model/document.js';
import { SpoolInputError } from '../errors/input-error.js';
import { parseThreadFile, type ThreadFilePost } from '../model/schema.js';
import { parsePostHtml } from './inline-html.js';
import { parsePostText } from './line-rules.js';
import { repairTexts, repairWarnings } from './repair-texts.js';
import type { DocumentWithWarnings } from './types.js';

/** The post's source text and whether it is markup: `html` wins over `text` unless it is blank. */
function postSource(post: ThreadFilePost): { raw: string; html: boolean } {
  if (post.html !== undefined && post.html.trim() !== '') return { raw: post.html, html: true };
  return { raw: post.text ?? post.html ?? '', html: false };
}

export function threadFileToDocument(json: unknown, file: string): DocumentWithWarnings {
  const thread = parseThreadFile(json, file);
  const warnings: string[] = [];
  const sources = thread.posts.map(postSource);
  const fixed = repairTexts([...sources.map((s) => s.raw), thread.title ?? '']);
  const title = thread.title === undefined ? undefined : fixed.texts[sources.length];
  warnings.push(...repairWarnings('title', fixed.repaired[sources.length], fixed.unrecoverable[sources.length], fixed.codePage));

  const usedIds = new Set<string>();
  const posts: Post[] = [];
  thread.posts.forEach((input, i) => {
    const place = `posts[${i}]`;
    const raw = fixed.texts[i];
    const blocks = sources[i].html ? parsePostHtml(raw) : parsePostText(raw);
    const media: MediaRef[] = (input.media ?? []).map((m) => ({
      type: 'image',
      src: m.src,
      ...(m.alt !== undefined && m.alt !== '' ? { alt: m.alt } : {}),
    }));
    if (blocks.length === 0 && media.length === 0) {
      warnings.push(`${place}: no text and no images; left out`);
      return;
    }
    warnings.push(...repairWarnings(place, fixed.repaired[i], fixed.unrecoverable[i], fixed.codePage));
    posts.push({ id: uniqueId(input.id ?? String(i + 1), usedIds, place, warnings), author: author(input), blocks, media });
  });
  if (posts.length === 0) throw new SpoolInputError(file, [{ path: 'posts', message: 'no post has text or images' }]);

  const document: SpoolDocument = { schemaVersion: DOCUMENT_SCHEMA_VERSION, posts };
  if (title !== undefined && title.trim() !== '') document.title = title.trim();
  if (thread.url !== undefined && thread.url.trim() !== '') document.url = thread.url.trim();
  if (thread.subtitle?.trim()) document.subtitle = thread.subtitle.replace(/\s+/g, ' ').trim();
  if (thread.date?.trim()) document.date = thread.date.trim();
  if (thread.lang) document.lang = thread.lang;
  if (thread.dir) document.dir = thread.dir;
  return { document, warnings };
}

function author(post: ThreadFilePost): Post['author'] {
  const { name, handle, avatar } = post.author;
  return {
    name: name.trim(),
    // People paste handles with the @ they see on screen; the Document stores the bare handle.
    handle: handle.trim().replace(/^@+/, ''),
    ...(avatar !== undefined && avatar !== '' ? { avatar } : {}),
  };
}

/** Slides point back at posts by id, so two posts may not share one. */
function uniqueId(wanted: string, used: Set<string>, place: string, warnings: string[]): string {
  let id = wanted;
  for (let n = 2; used.has(id); n++) id = `${wanted}-${n}`;
  if (id !== wanted) warnings.push(`${place}: id "${wanted}" is used by an earlier post; renamed "${id}"`);
  used.add(id);
  return id;
}
