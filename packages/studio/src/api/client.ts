import type { Deck, SpoolDocument } from 'spool/core';
import type {
  AssetInfo, BrandKitRecord, Catalog, ExportFormat, ImportRequest, ImportResult, RewriteResult, PresetRecord, Project, ProjectChanges,
  ProjectSummary, StoredBrandKit,
} from './types.js';

/** An error the server answered with: its status and its `{error}` message, ready to show. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

async function send(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  let payload: BodyInit | undefined;
  if (body instanceof Blob) {
    payload = body;
    headers['content-type'] = body.type || 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, ...init });
  } catch {
    throw new ApiError(0, 'Cannot reach the Spool server. Is it still running?');
  }
  if (!res.ok) throw new ApiError(res.status, await errorMessage(res));
  return res;
}

async function errorMessage(res: Response): Promise<string> {
  try {
    const json = (await res.json()) as { error?: unknown };
    if (typeof json.error === 'string' && json.error) return json.error;
  } catch {
    // not JSON: fall through to the status text
  }
  return `${res.status} ${res.statusText || 'request failed'}`;
}

async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, body);
  return (await res.json()) as T;
}

/** Bytes of a file the server may not have: undefined on 404, an error otherwise. */
async function optionalBytes(path: string): Promise<Uint8Array | undefined> {
  try {
    const res = await send('GET', path);
    return new Uint8Array(await res.arrayBuffer());
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return undefined;
    throw err;
  }
}

const enc = encodeURIComponent;

export const api = {
  catalog: () => json<Catalog>('GET', '/api/catalog'),
  emojiKeys: () => json<{ keys: string[] }>('GET', '/api/emoji'),
  /**
   * A face's bytes and the face they really are: the server answers with the nearest face it has
   * and names it in `x-spool-face` (an uploaded font is one face of its own weight and slant).
   */
  fontFace: async (family: string, weight: number, italic: boolean): Promise<{ bytes: Uint8Array; face: string } | undefined> => {
    try {
      const res = await send('GET', `/api/fonts/${enc(family)}/${weight}/${italic ? 'italic' : 'normal'}`);
      const face = res.headers.get('x-spool-face') ?? `${family}-${weight}${italic ? '-italic' : ''}`;
      return { bytes: new Uint8Array(await res.arrayBuffer()), face };
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return undefined;
      throw err;
    }
  },
  /** Uploaded fonts as `custom:<asset id>`, each named as the font names itself ("Roboto Slab Bold"). */
  uploadedFonts: () => json<{ id: string; label: string }[]>('GET', '/api/fonts'),
  emojiSvg: (key: string) => optionalBytes(`/api/emoji/${enc(key)}.svg`),
  asset: async (id: string) => (await send('GET', `/api/assets/${enc(id)}`)).blob(),
  assetBytes: (id: string) => optionalBytes(`/api/assets/${enc(id)}`),
  uploadAsset: (file: File) => json<AssetInfo>('POST', `/api/assets?name=${enc(file.name)}`, file),

  listProjects: () => json<ProjectSummary[]>('GET', '/api/projects'),
  getProject: (id: string) => json<Project>('GET', `/api/projects/${enc(id)}`),
  createProject: (body: ProjectChanges & { name: string }) => json<Project>('POST', '/api/projects', body),
  updateProject: (id: string, changes: ProjectChanges, revision: number) =>
    json<Project>('PUT', `/api/projects/${enc(id)}`, { ...changes, revision }),
  deleteProject: (id: string) => send('DELETE', `/api/projects/${enc(id)}`).then(() => undefined),
  duplicateProject: (id: string) => json<Project>('POST', `/api/projects/${enc(id)}/duplicate`, {}),

  listBrandKits: () => json<BrandKitRecord[]>('GET', '/api/brand-kits'),
  createBrandKit: (name: string, kit: StoredBrandKit, isDefault?: boolean) => json<BrandKitRecord>('POST', '/api/brand-kits', { name, kit, isDefault }),
  updateBrandKit: (id: string, name: string, kit: StoredBrandKit, isDefault?: boolean) =>
    json<BrandKitRecord>('PUT', `/api/brand-kits/${enc(id)}`, { name, kit, isDefault }),
  deleteBrandKit: (id: string) => send('DELETE', `/api/brand-kits/${enc(id)}`).then(() => undefined),

  listPresets: () => json<PresetRecord[]>('GET', '/api/presets'),
  createPreset: (name: string, design: PresetRecord['design']) => json<PresetRecord>('POST', '/api/presets', { name, design }),
  deletePreset: (id: string) => send('DELETE', `/api/presets/${enc(id)}`).then(() => undefined),

  importSource: (req: ImportRequest) => json<ImportResult>('POST', '/api/import', req),
  rewrite: (document: SpoolDocument) => json<RewriteResult>('POST', '/api/rewrite', { document }),

  /**
   * One rendered file, and what the export left out (an image that could not be had) as the server
   * says in `x-spool-warnings`; `onBytes` follows the download for a progress bar.
   */
  render: async (
    deck: Deck,
    format: ExportFormat,
    opts: { page?: number; zip?: boolean; onBytes?: (received: number, total: number) => void } = {},
  ): Promise<RenderedExport> => {
    const res = await send('POST', '/api/render', { deck, format, page: opts.page, zip: opts.zip });
    const warnings = exportWarnings(res.headers.get('x-spool-warnings'));
    return { blob: await readWithProgress(res, opts.onBytes), warnings };
  },
};

export interface RenderedExport {
  blob: Blob;
  /** Each a sentence naming the slide and what it lost: `slides[1]: image "…" could not be fetched (…); left out`. */
  warnings: string[];
}

/**
 * The warnings of an export, from its `x-spool-warnings` header: URI-encoded JSON (header values
 * must be ASCII), a list of strings. A header that is missing or not that reads as none.
 */
export function exportWarnings(header: string | null | undefined): string[] {
  if (!header) return [];
  try {
    const list: unknown = JSON.parse(decodeURIComponent(header));
    return Array.isArray(list) ? list.filter((w): w is string => typeof w === 'string' && w.trim() !== '') : [];
  } catch {
    return [];
  }
}

/** The server as the studio sees it; tests may hand the studio another. */
export type Backend = typeof api;

async function readWithProgress(res: Response, onBytes?: (received: number, total: number) => void): Promise<Blob> {
  const type = res.headers.get('content-type') ?? 'application/octet-stream';
  const total = Number(res.headers.get('content-length') ?? 0);
  if (!res.body || !onBytes) return new Blob([await res.arrayBuffer()], { type });
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onBytes(received, total);
  }
  return new Blob(chunks as BlobPart[], { type });
}

/** `asset:<id>` -> the URL the browser can show it from; other sources as they are. */
export function mediaUrl(src: string): string | undefined {
  if (src.startsWith('asset:')) return `/api/assets/${enc(src.slice(6))}`;
  if (src.startsWith('data:image/')) return src;
  return undefined;
}
