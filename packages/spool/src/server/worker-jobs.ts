/**
 * What crosses between the server and its worker threads. Everything here is plain structured-clone
 * data: the workers have no store and no network, so the server fetches pages and remote images and
 * reads uploads into bytes before handing them over, and stores what comes back.
 *
 * Every piece of work on user input that costs CPU runs in a worker, under the pool's time limit:
 * laying out and painting decks (`render`), parsing an imported source (`parse`), decoding images
 * (`decode`) and checking an uploaded image or font (`asset`).
 */
import type { CondenseChoice } from '../sources/types.js';
import type { OutputFormat } from '../node/build.js';
import type { Deck } from '../model/deck.js';
import type { SpoolDocument } from '../model/document.js';
import type { InputIssue } from '../errors/input-error.js';
import { SpoolInputError } from '../errors/input-error.js';
import type { SourceKind } from '../sources/types.js';
import type { FontWeight } from '../text/types.js';
import { HttpError } from './http-errors.js';
import type { BundleParts } from '../deliver/bundle.js';

/** An uploaded font face a deck's design names. */
export interface JobFontFace {
  id: string;
  weight: FontWeight;
  italic: boolean;
  bytes: Uint8Array;
}

/**
 * An image source the server resolved: its bytes, or why it could not be had. `unavailable`: the
 * error is the reason a remote image could not be fetched, and the export leaves it out with a
 * warning, as any build does; otherwise the export fails, naming the slide.
 */
export type JobImage = { src: string; bytes: Uint8Array } | { src: string; error: string; unavailable?: true };

export interface RenderJob {
  type: 'render';
  deck: Deck;
  format: OutputFormat;
  page?: number;
  zip: boolean;
  fonts: JobFontFace[];
  images: JobImage[];
}

export interface RenderJobResult {
  fileName: string;
  bytes: Uint8Array;
  pages: number;
  warnings: string[];
}

/** A ready-to-post bundle of a deck: its PDF and JPEGs from one layout, captions, alt text, preflight. */
export interface BundleJob {
  type: 'bundle';
  deck: Deck;
  caption?: string;
  fonts: JobFontFace[];
  images: JobImage[];
}

/** The bundle's parts; the files are laid out from them where they are written (bundleFiles). */
export type BundleJobResult = BundleParts;

/** A source to import: pasted text, an uploaded file, or a page the server already fetched. */
export type ParseSource =
  | { text: string; name: string }
  | { file: Uint8Array; name: string }
  | { page: { bytes: Uint8Array; contentType: string; url: string } };

export interface ParseJob {
  type: 'parse';
  source: ParseSource;
  options: { kind?: SourceKind; author?: string; handle?: string; thread?: string; condense?: CondenseChoice };
}

/** An image ready to store: decoded once, normalised to what the painters embed. */
export interface DecodedImageData {
  mime: 'image/png' | 'image/jpeg';
  bytes: Uint8Array;
  width: number;
  height: number;
}

export type DecodedImage = { src: string; image: DecodedImageData } | { src: string; error: string };

export interface ParseJobResult {
  document: SpoolDocument;
  warnings: string[];
  /** The images the source carried itself (data: URIs, files in an upload), decoded. */
  images: DecodedImage[];
}

export interface DecodeJob {
  type: 'decode';
  images: { src: string; name: string; bytes: Uint8Array }[];
}

export interface AssetJob {
  type: 'asset';
  bytes: Uint8Array;
  contentType: string;
  name: string;
}

export type AssetJobResult =
  | ({ kind: 'image' } & DecodedImageData)
  | { kind: 'font'; mime: string; bytes: Uint8Array; family: string; weight: number; italic: boolean };

export type Job = RenderJob | BundleJob | ParseJob | DecodeJob | AssetJob;

export type JobResult<J extends Job> = J extends RenderJob
  ? RenderJobResult
  : J extends BundleJob
    ? BundleJobResult
    : J extends ParseJob
    ? ParseJobResult
    : J extends DecodeJob
      ? DecodedImage[]
      : AssetJobResult;

/** What a job's time limit is called when it runs out, in the user's words. */
export function overrunMessage(job: Job, seconds: number): string {
  switch (job.type) {
    case 'render':
    case 'bundle':
      return `the export took longer than the ${seconds} s limit and was stopped; try fewer slides or smaller images`;
    case 'parse':
      return `reading the source took longer than the ${seconds} s limit and was stopped; try a smaller or simpler file`;
    default:
      return `reading the image took longer than the ${seconds} s limit and was stopped; try a smaller or simpler image`;
  }
}

/** The byte arrays a job or its result can hand over without copying. */
export function jobParts(value: Job | JobResult<Job>): Uint8Array[] {
  const v = value as unknown as { bytes?: unknown; pdf?: unknown; jpegs?: { bytes: Uint8Array }[]; fonts?: JobFontFace[]; images?: unknown[]; source?: ParseSource };
  const parts: Uint8Array[] = [];
  if (v.bytes instanceof Uint8Array) parts.push(v.bytes);
  if (v.pdf instanceof Uint8Array) parts.push(v.pdf);
  for (const j of v.jpegs ?? []) parts.push(j.bytes);
  for (const f of v.fonts ?? []) parts.push(f.bytes);
  for (const i of (v.images ?? []) as (JobImage | DecodedImage | { bytes: Uint8Array })[]) {
    if ('bytes' in i) parts.push(i.bytes);
    if ('image' in i) parts.push(i.image.bytes);
  }
  if (Array.isArray(value)) for (const i of value) if ('image' in i) parts.push(i.image.bytes);
  const source = v.source;
  if (source && 'file' in source) parts.push(source.file);
  if (source && 'page' in source) parts.push(source.page.bytes);
  return parts;
}

/** An error thrown in the worker, kept precise enough to answer with the same status as before. */
export type JobError =
  | { kind: 'input'; place: string; issues: InputIssue[] }
  | { kind: 'http'; status: number; message: string }
  | { kind: 'range'; message: string }
  | { kind: 'other'; message: string };

export function encodeJobError(err: unknown): JobError {
  if (err instanceof SpoolInputError) return { kind: 'input', place: err.place, issues: err.issues };
  if (err instanceof HttpError) return { kind: 'http', status: err.status, message: err.message };
  if (err instanceof RangeError) return { kind: 'range', message: err.message };
  return { kind: 'other', message: err instanceof Error ? err.message : String(err) };
}

export function decodeJobError(error: JobError): Error {
  if (error.kind === 'input') return new SpoolInputError(error.place, error.issues);
  if (error.kind === 'http') return new HttpError(error.status, error.message);
  if (error.kind === 'range') return new RangeError(error.message);
  return new Error(error.message);
}

/** The ArrayBuffers a job or result can hand over without copying. */
export function transferablesOf(parts: readonly Uint8Array[]): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  for (const part of parts) {
    // Only a view that owns its whole buffer may be moved: a pooled Buffer shares its slab with others.
    const buffer = part.buffer;
    if (buffer instanceof ArrayBuffer && part.byteOffset === 0 && part.byteLength === buffer.byteLength) seen.add(buffer);
  }
  return [...seen];
}

/**
 * Posts a message moving its byte arrays where they can be moved. Node marks some buffers (its
 * Buffer pool, some native results) as impossible to move, and postMessage then throws: those
 * messages are copied instead.
 */
export function postMoving(target: { postMessage(message: unknown, transfer?: ArrayBuffer[]): void }, message: unknown, parts: readonly Uint8Array[]): void {
  try {
    target.postMessage(message, transferablesOf(parts));
  } catch (err) {
    if ((err as { name?: string }).name !== 'DataCloneError') throw err;
    target.postMessage(message);
  }
}

/** A copy that owns its buffer, so it can be transferred without detaching anyone else's bytes. */
export function ownedCopy(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}
