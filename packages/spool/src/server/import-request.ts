import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { z } from 'zod/v3';
import { importSource } from '../sources/import.js';
import type { ImportOptions } from '../sources/types.js';
import type { FetchGuardOptions } from '../sources/fetch-guard.js';
import type { SpoolDocument } from '../model/document.js';
import type { Store } from '../store/store.js';
import type { importBody } from './body-schemas.js';
import { HttpError } from './http-errors.js';
import { uploadName } from './asset-ingest.js';
import { storeDocumentMedia, type MediaSources } from './import-media.js';

export type ImportBody = z.output<typeof importBody>;

export const MAX_IMPORT_FILE = 25 * 1024 * 1024;

/**
 * Pasted text, a URL or an uploaded file in, a self-contained Document out: every image it shows is
 * an asset by the time it is returned, so the studio never depends on the source again.
 */
export async function importForStudio(
  body: ImportBody,
  store: Store,
  fetch: FetchGuardOptions,
): Promise<{ document: SpoolDocument; warnings: string[] }> {
  const given = [body.text !== undefined, body.url !== undefined, body.contentBase64 !== undefined].filter(Boolean).length;
  if (given !== 1) throw new HttpError(400, 'give exactly one of text, url or contentBase64 (with filename)');
  const options: ImportOptions = { kind: body.kind, author: body.author, handle: body.handle, thread: body.thread, fetch };

  if (body.text !== undefined) {
    const result = await importSource({ text: body.text, name: uploadName(body.filename, 'pasted text') }, options);
    return withStoredMedia(result.document, result.warnings, store, { fetch });
  }
  if (body.url !== undefined) {
    const result = await importSource(body.url, options);
    return withStoredMedia(result.document, result.warnings, store, { fetch, baseUrl: body.url });
  }

  const bytes = decodeBase64(body.contentBase64!);
  // Importers recognise files by name (`.zip`, `.md`, `tweets.js`), so the upload keeps its own.
  const name = uploadName(body.filename, isZip(bytes) ? 'upload.zip' : 'upload');
  const dir = await mkdtemp(path.join(tmpdir(), 'spool-import-'));
  try {
    const file = path.join(dir, name);
    await writeFile(file, bytes);
    const result = await importSource(file, options);
    return await withStoredMedia(result.document, result.warnings, store, { fetch, baseDir: result.baseDir ?? dir, localRoot: dir });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function withStoredMedia(
  document: SpoolDocument,
  warnings: string[],
  store: Store,
  sources: MediaSources,
): Promise<{ document: SpoolDocument; warnings: string[] }> {
  const media = await storeDocumentMedia(document, store, sources);
  return { document: media.document, warnings: [...warnings, ...media.warnings] };
}

function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean)) throw new HttpError(400, 'contentBase64: not base64');
  const bytes = Buffer.from(clean, 'base64');
  if (bytes.byteLength === 0) throw new HttpError(400, 'contentBase64: the file is empty');
  if (bytes.byteLength > MAX_IMPORT_FILE) throw new HttpError(413, `contentBase64: the file is larger than ${MAX_IMPORT_FILE / 1024 / 1024} MB`);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}
