/**
 * What crosses between the server and a render worker. Everything here is plain structured-clone
 * data: the worker has no store and no network, so the server resolves uploads and remote images
 * into bytes before handing a deck over.
 */
import type { OutputFormat } from '../node/build.js';
import type { Deck } from '../model/deck.js';
import type { InputIssue } from '../model/errors.js';
import { SpoolInputError } from '../model/errors.js';
import type { FontWeight } from '../text/types.js';

/** An uploaded font face a deck's design names. */
export interface JobFontFace {
  id: string;
  weight: FontWeight;
  italic: boolean;
  bytes: Uint8Array;
}

/** An image source the server resolved: its bytes, or why it could not be had. */
export type JobImage = { src: string; bytes: Uint8Array } | { src: string; error: string };

export interface RenderJob {
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

/** An error thrown in the worker, kept precise enough to answer with the same status as before. */
export type JobError =
  | { kind: 'input'; place: string; issues: InputIssue[] }
  | { kind: 'range'; message: string }
  | { kind: 'other'; message: string };

export function encodeJobError(err: unknown): JobError {
  if (err instanceof SpoolInputError) return { kind: 'input', place: err.place, issues: err.issues };
  if (err instanceof RangeError) return { kind: 'range', message: err.message };
  return { kind: 'other', message: err instanceof Error ? err.message : String(err) };
}

export function decodeJobError(error: JobError): Error {
  if (error.kind === 'input') return new SpoolInputError(error.place, error.issues);
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

/** A copy that owns its buffer, so it can be transferred without detaching anyone else's bytes. */
export function ownedCopy(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}
