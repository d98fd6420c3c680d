/**
 * The `parse` job, run in a worker thread: a source the server received (pasted text, an uploaded
 * file, a page it fetched) -> a validated Document, with the images the source carried decoded.
 * An upload is written to a temporary folder under a name of our own, never the client's, and no
 * message that comes back names that folder.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SpoolInputError } from '../errors/input-error.js';
import { kindFromName } from '../sources/detect.js';
import { importFetchedPage, importSource } from '../sources/import.js';
import type { ImportResult } from '../sources/types.js';
import { decodeCarriedMedia, decodeHere } from './import-media.js';
import type { ParseJob, ParseJobResult } from './worker-jobs.js';

export async function parseSource(job: ParseJob): Promise<ParseJobResult> {
  const { source, options } = job;
  if ('text' in source) {
    const result = await importSource({ text: source.text, name: source.name }, options);
    return { ...result, images: await decodeCarriedMedia(result.document, {}, decodeHere) };
  }
  if ('page' in source) {
    const result = await importFetchedPage(source.page, options);
    return { ...result, images: await decodeCarriedMedia(result.document, { baseUrl: source.page.url }, decodeHere) };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'spool-import-'));
  const onDisk = diskName(source.name, source.file);
  const file = path.join(dir, onDisk);
  const hide = (text: string) => text.split(file).join(source.name).split(dir + path.sep).join('').split(dir).join('');
  try {
    await writeFile(file, source.file);
    const archiveMediaDir = path.join(dir, 'media');
    await mkdir(archiveMediaDir);
    let result: ImportResult;
    try {
      result = await importSource(file, { ...options, archiveMediaDir });
    } catch (err) {
      if (err instanceof SpoolInputError) {
        const place = err.place === onDisk || err.place === file ? source.name : hide(err.place);
        throw new SpoolInputError(place, err.issues.map((issue) => ({ path: issue.path, message: hide(issue.message) })));
      }
      throw new Error(hide(err instanceof Error ? err.message : String(err)));
    }
    const images = await decodeCarriedMedia(result.document, { baseDir: result.baseDir ?? dir, localRoot: dir }, decodeHere);
    return {
      document: result.document,
      warnings: result.warnings.map(hide),
      images: images.map((image) => ('error' in image ? { ...image, error: hide(image.error) } : image)),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The name an upload is stored under while it is read: ours, telling the importers only what the
 * client's name told them (its kind, and the archive file names X uses).
 */
export function diskName(clientName: string, bytes: Uint8Array): string {
  const base = (clientName.split(/[\\/]/).pop() ?? '').toLowerCase();
  if (/^tweets?(-part\d{1,3})?\.js$/.test(base)) return base;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'upload.zip';
  switch (kindFromName(base)) {
    case 'x-archive':
      return 'upload.zip';
    case 'thread-file':
      return 'upload.json';
    case 'markdown':
      return 'upload.md';
    case 'html':
      return 'upload.html';
    case 'text':
      return 'upload.txt';
    default:
      return 'upload';
  }
}
