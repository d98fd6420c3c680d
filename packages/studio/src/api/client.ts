import type { Deck, SpoolDocument } from 'spool/core';
import type {
  AccountList, AssetInfo, BrandKitRecord, Catalog, ConnectRequest, ExportFormat, ImportRequest, ImportResult, Platform, PreflightReport,
  PublishJob, PublishPreview, PublishRequest, RewriteResult, PresetRecord, Project, ProjectChanges, ProjectSummary, StoredBrandKit,
} from './types.js';

/**
 * An error the server answered with: its status and its `{error}` message, ready to show, and the
 * rest of the answer (`body`) for the routes that say more (a refused publish names its preflight).
 */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly body?: unknown) {
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
    res = await fetch(path, { ...init, method, headers: { ...headers, ...(init.headers as Record<string, string> | undefined) }, body: payload });
  } catch {
    throw new ApiError(0, 'Cannot reach the Spool server. Is it still running?');
  }
  if (!res.ok) throw await apiError(res);
  return res;
}

async function apiError(res: Response): Promise<ApiError> {
  const fallback = `${res.status} ${res.statusText || 'request failed'}`;
  try {
    const json = (await res.json()) as { error?: unknown };
    return new ApiError(res.status, typeof json.error === 'string' && json.error ? json.error : fallback, json);
  } catch {
    // not JSON: the status text says what there is to say
    return new ApiError(res.status, fallback);
  }
}

async function json<T>(method: string, path: string, body?: unknown, init?: RequestInit): Promise<T> {
  const res = await send(method, path, body, init);
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

  /**
   * A project's ready-to-post bundle as the server made it from the saved project: the ZIP, and its
   * page count, preflight and warnings from the `x-spool-*` headers.
   */
  bundle: async (projectId: string, opts: { onBytes?: (received: number, total: number) => void } = {}): Promise<BundleDownload> => {
    const res = await send('GET', `/api/projects/${enc(projectId)}/bundle`);
    return {
      blob: await readWithProgress(res, opts.onBytes),
      pages: Number(res.headers.get('x-spool-pages') ?? 0),
      preflight: preflightHeader(res.headers.get('x-spool-preflight')),
      warnings: exportWarnings(res.headers.get('x-spool-warnings')),
    };
  },
  publishPreview: (projectId: string) => json<PublishPreview>('GET', `/api/projects/${enc(projectId)}/publish-preview`),
  /**
   * Publishes (or schedules) the saved project. The same `idempotencyKey` sent twice answers the
   * first job, so a repeated submission never posts twice. A 422 carries the preflight in `body`.
   */
  publish: (projectId: string, request: PublishRequest, idempotencyKey: string) =>
    json<PublishJob>('POST', `/api/projects/${enc(projectId)}/publish`, request, { headers: { 'idempotency-key': idempotencyKey } }),
  listPublishJobs: async (projectId: string) => (await json<{ jobs: PublishJob[] }>('GET', `/api/publish?project=${enc(projectId)}`)).jobs,
  publishJob: (id: string) => json<PublishJob>('GET', `/api/publish/${enc(id)}`),
  cancelPublishJob: (id: string) => json<PublishJob>('DELETE', `/api/publish/${enc(id)}`),
  retryPublishJob: (id: string) => json<PublishJob>('POST', `/api/publish/${enc(id)}/retry`, {}),

  listAccounts: () => json<AccountList>('GET', '/api/accounts'),
  deleteAccount: (id: string) => send('DELETE', `/api/accounts/${enc(id)}`).then(() => undefined),
  /** Starts connecting an account through the user's own app: the page then goes to `authorizeUrl`. */
  connectAccount: (platform: Platform, request: ConnectRequest) =>
    json<{ authorizeUrl: string; redirectUri: string }>('POST', `/api/accounts/${enc(platform)}/connect`, request),
};

export interface BundleDownload {
  blob: Blob;
  pages: number;
  /** Undefined when the header is missing or unreadable. */
  preflight: PreflightReport | undefined;
  warnings: string[];
}

/** The preflight of a bundle, from its `x-spool-preflight` header (URI-encoded JSON, as the warnings are). */
export function preflightHeader(header: string | null | undefined): PreflightReport | undefined {
  if (!header) return undefined;
  try {
    const report = JSON.parse(decodeURIComponent(header)) as PreflightReport;
    return report && Array.isArray(report.checks) ? report : undefined;
  } catch {
    return undefined;
  }
}

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
