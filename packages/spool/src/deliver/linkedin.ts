/**
 * LinkedIn's REST API for a document post: the Documents API takes the PDF (initialize an upload
 * for the owner, then PUT the bytes to the URL it gives), and the Posts API publishes it with the
 * commentary and the document's required title. Every call carries the `Linkedin-Version` and
 * `X-Restli-Protocol-Version: 2.0.0` headers.
 */
import { PlatformError, platformCall, retryAfterMs, said, type PlatformHttpOptions } from './platform-http.js';

export const LINKEDIN_API_BASE = 'https://api.linkedin.com';
export const LINKEDIN_AUTH_BASE = 'https://www.linkedin.com';
/** The API version asked for (YYYYMM); LinkedIn keeps each version for a year. */
export const LINKEDIN_VERSION = '202611';

export interface LinkedInClientOptions {
  token: string;
  apiBase?: string;
  version?: string;
  fetch?: typeof fetch;
}

export class LinkedInClient {
  private readonly base: string;
  private readonly http: PlatformHttpOptions;
  private readonly version: string;

  constructor(private readonly options: LinkedInClientOptions) {
    this.base = (options.apiBase ?? LINKEDIN_API_BASE).replace(/\/+$/, '');
    this.version = options.version ?? LINKEDIN_VERSION;
    this.http = { platform: 'linkedin', token: options.token, fetch: options.fetch };
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      authorization: `Bearer ${this.options.token}`,
      'linkedin-version': this.version,
      'x-restli-protocol-version': '2.0.0',
      ...extra,
    };
  }

  /** Starts a document upload for `owner` (a person or organization URN): the URL to PUT to and the document's URN. */
  async initializeUpload(owner: string): Promise<{ uploadUrl: string; document: string }> {
    const res = await platformCall(
      `${this.base}/rest/documents?action=initializeUpload`,
      { method: 'POST', headers: this.headers({ 'content-type': 'application/json' }), body: JSON.stringify({ initializeUploadRequest: { owner } }) },
      this.http,
      linkedinError,
    );
    const value = (res.json as { value?: { uploadUrl?: string; document?: string } })?.value;
    if (!value?.uploadUrl || !value.document) throw unexpected('the document upload answer has no upload URL or document URN');
    return { uploadUrl: value.uploadUrl, document: value.document };
  }

  /** PUTs the PDF to the upload URL `initializeUpload` gave. */
  async upload(uploadUrl: string, pdf: Uint8Array): Promise<void> {
    await platformCall(
      uploadUrl,
      { method: 'PUT', headers: { authorization: `Bearer ${this.options.token}`, 'content-type': 'application/octet-stream' }, body: pdf as Uint8Array<ArrayBuffer> },
      this.http,
      linkedinError,
    );
  }

  /** Where LinkedIn is with an uploaded document: WAITING_UPLOAD, PROCESSING, AVAILABLE or PROCESSING_FAILED. */
  async documentStatus(document: string): Promise<string> {
    const res = await platformCall(`${this.base}/rest/documents/${encodeURIComponent(document)}`, { method: 'GET', headers: this.headers() }, this.http, linkedinError);
    const status = (res.json as { status?: string } | undefined)?.status;
    if (!status) throw unexpected('the document has no status');
    return status;
  }

  /** Publishes the document post; returns the post's URN. */
  async createPost(post: { author: string; commentary: string; document: string; title: string }): Promise<string> {
    const body = {
      author: post.author,
      commentary: littleText(post.commentary),
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      content: { media: { title: post.title, id: post.document } },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
    };
    const res = await platformCall(
      `${this.base}/rest/posts`,
      { method: 'POST', headers: this.headers({ 'content-type': 'application/json' }), body: JSON.stringify(body) },
      this.http,
      linkedinError,
    );
    const urn = res.headers.get('x-restli-id') ?? (res.json as { id?: string } | undefined)?.id;
    if (!urn) throw unexpected('the post was accepted but LinkedIn gave no post id');
    return urn;
  }

  /** The signed-in member (OpenID Connect userinfo): their person URN and name. */
  async member(): Promise<{ urn: string; name?: string }> {
    const res = await platformCall(`${this.base}/v2/userinfo`, { method: 'GET', headers: { authorization: `Bearer ${this.options.token}` } }, this.http, linkedinError);
    const info = res.json as { sub?: string; name?: string };
    if (!info?.sub) throw unexpected('the member’s profile has no id');
    return { urn: `urn:li:person:${info.sub}`, name: info.name };
  }
}

/** A post's public address from its URN. */
export function linkedinPostUrl(urn: string): string {
  return `https://www.linkedin.com/feed/update/${urn}/`;
}

/**
 * Commentary is in LinkedIn's "little text" format, where `|{}@[]()<>#*_~\` are markup: each is
 * escaped so the text reads as written, except that a hashtag stays a hashtag (`{hashtag|\#|tag}`).
 */
export function littleText(text: string): string {
  const escape = (s: string) => s.replace(/[\\|{}@[\]()<>#*_~]/g, (c) => `\\${c}`);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/(^|[^\p{L}\p{N}_&#])#([\p{L}][\p{L}\p{N}_]*)/gu)) {
    const start = m.index + m[1].length;
    out += escape(text.slice(last, start)) + `{hashtag|\\#|${m[2]}}`;
    last = start + 1 + m[2].length;
  }
  return out + escape(text.slice(last));
}

function unexpected(what: string): PlatformError {
  return new PlatformError(`LinkedIn answered in a way Spool does not understand: ${what}`, 'linkedin', { retryable: false });
}

/** LinkedIn's error bodies: `{ status, serviceErrorCode, code, message }`. */
export function linkedinError(status: number, body: unknown, headers: Headers): PlatformError {
  const b = (typeof body === 'object' && body ? body : {}) as { message?: string; code?: string; serviceErrorCode?: number };
  const their = said('LinkedIn', b.message ?? (typeof body === 'string' ? body : undefined));
  const code = b.code ?? b.serviceErrorCode;
  if (status === 401 || b.serviceErrorCode === 65601 || b.serviceErrorCode === 65602 || /EXPIRED|REVOKED/.test(b.code ?? '')) {
    return new PlatformError(`LinkedIn refused the access token: it has expired or was revoked; connect the LinkedIn account again${their}`, 'linkedin', { status, code, retryable: false, reconnect: true });
  }
  const duplicateOf = status === 422 ? /duplicate of (urn:li:(?:share|ugcPost):[\w-]+)/i.exec(b.message ?? '')?.[1] : undefined;
  if (duplicateOf) return new PlatformError(`LinkedIn already has this post (${duplicateOf})`, 'linkedin', { status, code: 'DUPLICATE_POST', retryable: false, duplicateOf });
  if (status === 403) return new PlatformError(`LinkedIn refused: the account or app may not post for this author (it needs the w_member_social permission, or w_organization_social for a page)${their}`, 'linkedin', { status, code, retryable: false });
  if (status === 429) return new PlatformError(`LinkedIn is limiting requests (429); Spool will try again later${their}`, 'linkedin', { status, code, retryable: true, retryAfterMs: retryAfterMs(headers) });
  if (status >= 500) return new PlatformError(`LinkedIn had a problem (${status}); Spool will try again${their}`, 'linkedin', { status, code, retryable: true, retryAfterMs: retryAfterMs(headers) });
  return new PlatformError(`LinkedIn refused the request (${status})${their}`, 'linkedin', { status, code, retryable: false });
}
