import type { z } from 'zod/v3';
import { SpoolInputError } from '../errors/input-error.js';
import { kindFromName } from '../sources/detect.js';
import { fetchSourcePage, importSource } from '../sources/import.js';
import type { FetchGuardOptions } from '../sources/fetch-guard.js';
import { SocialApiError } from '../sources/social-api.js';
import type { ImportResult, SourceKind } from '../sources/types.js';
import type { SpoolDocument } from '../model/document.js';
import type { Store } from '../store/store.js';
import type { importBody } from './body-schemas.js';
import { HttpError } from './http-errors.js';
import { uploadName } from './asset-ingest.js';
import { storeDocumentMedia, type ImageDecoder } from './import-media.js';
import type { WorkerPool } from './worker-pool.js';
import type { DecodedImage, ParseJob, ParseJobResult, ParseSource } from './worker-jobs.js';

export type ImportBody = z.output<typeof importBody>;

export const MAX_IMPORT_FILE = 25 * 1024 * 1024;

/** Kinds that name a file's format: they make sense for text and uploads, never for a URL. */
const URL_KINDS = new Set(['url', 'x-api', 'bluesky', 'mastodon']);
/** Post URLs read through their network's API. */
const API_KINDS = new Set<string>(['x-api', 'bluesky', 'mastodon']);

/**
 * Pasted text, a URL or an uploaded file in, a self-contained Document out: every image it shows is
 * an asset by the time it is returned, so the studio never depends on the source again. The server
 * fetches what is remote; parsing the source and decoding its images run in the worker pool.
 */
export async function importForStudio(
  body: ImportBody,
  store: Store,
  fetch: FetchGuardOptions,
  pool: WorkerPool,
): Promise<{ document: SpoolDocument; warnings: string[] }> {
  const given = [body.text !== undefined, body.url !== undefined, body.contentBase64 !== undefined].filter(Boolean).length;
  if (given !== 1) throw new HttpError(400, 'give exactly one of text, url or contentBase64 (with filename)');
  const options: ParseJob['options'] = { kind: body.kind, author: body.author, handle: body.handle, thread: body.thread, condense: body.condense };
  const decode: ImageDecoder = async (images) => (images.length === 0 ? [] : pool.run({ type: 'decode', images }));

  let parsed: ParseJobResult;
  let baseUrl: string | undefined;
  if (body.url !== undefined) {
    if (body.kind !== undefined && !URL_KINDS.has(body.kind)) throw new HttpError(400, `kind: ${body.kind} is read from text or a file, not from a URL`);
    const api = apiKindOf(body.kind, body.url);
    // The APIs answer small JSON, read here; their images are fetched and decoded like any others.
    const result = api ? await importFromApi(body.url, { ...options, kind: api, fetch }, body.kind === api) : undefined;
    if (result) {
      parsed = { ...result, images: [] as DecodedImage[] };
    } else {
      const page = await fetchSourcePage(body.url, fetch);
      baseUrl = page.url;
      parsed = await pool.run({ type: 'parse', source: { page }, options: { ...options, kind: undefined } });
    }
  } else {
    if (body.kind !== undefined && URL_KINDS.has(body.kind)) throw new HttpError(400, `kind: ${body.kind} needs a url`);
    parsed = await pool.run({ type: 'parse', source: parseSourceOf(body), options });
  }
  const media = await storeDocumentMedia(parsed.document, store, { decoded: parsed.images, baseUrl, fetch, decode });
  return { document: media.document, warnings: [...parsed.warnings, ...media.warnings] };
}

/** The API a URL is read through: the kind asked for, else the URL's shape (the studio asks for `url` and means any). */
function apiKindOf(kind: ImportBody['kind'], url: string): SourceKind | undefined {
  if (kind !== undefined && API_KINDS.has(kind)) return kind;
  const named = kindFromName(url);
  return named !== undefined && API_KINDS.has(named) ? (named as SourceKind) : undefined;
}

/**
 * A post read through its API; undefined for an address that only looked like a Mastodon status
 * (read as a page instead). A used-up rate limit answers 429 with when to retry.
 */
async function importFromApi(url: string, options: ParseJob['options'] & { fetch: FetchGuardOptions }, forced: boolean): Promise<ImportResult | undefined> {
  try {
    return await importSource(url, options);
  } catch (err) {
    if (!forced && err instanceof SocialApiError && err.kind === 'not-mastodon') return undefined;
    const limit = err as { kind?: unknown; retryAt?: unknown };
    if (err instanceof SpoolInputError && limit.kind === 'rate-limit') {
      const wait = limit.retryAt instanceof Date ? Math.ceil((limit.retryAt.getTime() - Date.now()) / 1000) : undefined;
      throw new HttpError(429, err.message, wait !== undefined ? { 'retry-after': String(Math.max(1, wait)) } : {});
    }
    throw err;
  }
}

function parseSourceOf(body: ImportBody): ParseSource {
  if (body.text !== undefined) return { text: body.text, name: displayName(body.filename, 'pasted text') };
  const bytes = decodeBase64(body.contentBase64!);
  return { file: bytes, name: displayName(body.filename, isZip(bytes) ? 'upload.zip' : 'upload') };
}

/** The client's file name, for messages only: it never becomes a path. */
function displayName(raw: string | undefined, fallback: string): string {
  const name = uploadName(raw, fallback);
  if (/^\.+$/.test(name)) throw new HttpError(400, `filename: ${JSON.stringify(raw)} is not a file name`);
  return name;
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
