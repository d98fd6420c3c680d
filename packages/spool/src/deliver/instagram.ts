/**
 * Instagram's content publishing (Graph API with Instagram Login) for a carousel: one item
 * container per JPEG (`is_carousel_item`, with its alt text), the carousel container with the
 * children and the caption, its `status_code` polled until FINISHED, then `media_publish`. Meta
 * fetches every `image_url` itself, so the images must be at a public address.
 */
import { PlatformError, platformCall, retryAfterMs, said, type PlatformHttpOptions } from './platform-http.js';

export const INSTAGRAM_API_BASE = 'https://graph.instagram.com';
export const INSTAGRAM_AUTH_BASE = 'https://www.instagram.com';
export const INSTAGRAM_TOKEN_BASE = 'https://api.instagram.com';
/** The Graph API version asked for; Meta keeps each for about two years. */
export const INSTAGRAM_VERSION = 'v25.0';

export type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';

export interface InstagramClientOptions {
  token: string;
  apiBase?: string;
  version?: string;
  fetch?: typeof fetch;
}

export class InstagramClient {
  private readonly base: string;
  private readonly http: PlatformHttpOptions;

  constructor(private readonly options: InstagramClientOptions) {
    this.base = `${(options.apiBase ?? INSTAGRAM_API_BASE).replace(/\/+$/, '')}/${options.version ?? INSTAGRAM_VERSION}`;
    this.http = { platform: 'instagram', token: options.token, fetch: options.fetch };
  }

  private async post(path: string, params: Record<string, string>): Promise<unknown> {
    const res = await platformCall(
      `${this.base}${path}`,
      { method: 'POST', headers: { authorization: `Bearer ${this.options.token}`, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params).toString() },
      this.http,
      instagramError,
    );
    return res.json;
  }

  private async get(path: string, params: Record<string, string>): Promise<unknown> {
    const res = await platformCall(`${this.base}${path}?${new URLSearchParams(params)}`, { method: 'GET', headers: { authorization: `Bearer ${this.options.token}` } }, this.http, instagramError);
    return res.json;
  }

  /** One slide's item container; returns its id. */
  async createItem(userId: string, imageUrl: string, altText: string): Promise<string> {
    const json = (await this.post(`/${userId}/media`, { image_url: imageUrl, is_carousel_item: 'true', ...(altText ? { alt_text: altText } : {}) })) as { id?: string };
    return idOf(json, 'an item container');
  }

  /** The carousel container over the item containers, in order; returns its id. */
  async createCarousel(userId: string, children: readonly string[], caption: string): Promise<string> {
    const json = (await this.post(`/${userId}/media`, { media_type: 'CAROUSEL', children: children.join(','), caption })) as { id?: string };
    return idOf(json, 'the carousel container');
  }

  async status(containerId: string): Promise<{ code: ContainerStatus; message?: string }> {
    const json = (await this.get(`/${containerId}`, { fields: 'status_code,status' })) as { status_code?: ContainerStatus; status?: string };
    if (!json?.status_code) throw unexpected('the container has no status');
    return { code: json.status_code, message: json.status };
  }

  /** Publishes a FINISHED carousel container; returns the media id. */
  async publish(userId: string, containerId: string): Promise<string> {
    const json = (await this.post(`/${userId}/media_publish`, { creation_id: containerId })) as { id?: string };
    return idOf(json, 'the published post');
  }

  /** Posts published in the last 24 hours and how many are allowed. */
  async publishingLimit(userId: string): Promise<{ used: number; total: number; windowSeconds: number }> {
    const json = (await this.get(`/${userId}/content_publishing_limit`, { fields: 'quota_usage,config' })) as {
      data?: { quota_usage?: number; config?: { quota_total?: number; quota_duration?: number } }[];
    };
    const row = json?.data?.[0];
    return { used: row?.quota_usage ?? 0, total: row?.config?.quota_total ?? 100, windowSeconds: row?.config?.quota_duration ?? 86_400 };
  }

  /** The connected account: its user id and username. */
  async me(): Promise<{ userId: string; username?: string }> {
    const json = (await this.get('/me', { fields: 'user_id,username' })) as { user_id?: string | number; id?: string; username?: string };
    const userId = json?.user_id ?? json?.id;
    if (userId === undefined) throw unexpected('the account has no user id');
    return { userId: String(userId), username: json.username };
  }

  /** The account's recent post with this caption: a publish whose answer was lost, found again. */
  async findByCaption(userId: string, caption: string): Promise<string | undefined> {
    const json = (await this.get(`/${userId}/media`, { fields: 'id,caption,timestamp', limit: '25' })) as { data?: { id?: string; caption?: string }[] };
    return json?.data?.find((m) => (m.caption ?? '') === caption)?.id;
  }

  /** The post's permalink, for the user to open. */
  async permalink(mediaId: string): Promise<string | undefined> {
    const json = (await this.get(`/${mediaId}`, { fields: 'permalink' })) as { permalink?: string };
    return json?.permalink;
  }
}

function idOf(json: { id?: string } | undefined, what: string): string {
  if (!json?.id) throw unexpected(`${what} has no id`);
  return String(json.id);
}

function unexpected(what: string): PlatformError {
  return new PlatformError(`Instagram answered in a way Spool does not understand: ${what}`, 'instagram', { retryable: false });
}

/** Graph API errors: `{ error: { message, type, code, error_subcode, error_user_msg } }`. */
export function instagramError(status: number, body: unknown, headers: Headers): PlatformError {
  const e = ((body as { error?: Record<string, unknown> })?.error ?? {}) as { message?: string; code?: number; error_subcode?: number; error_user_msg?: string; is_transient?: boolean };
  const their = said('Instagram', e.error_user_msg ?? e.message ?? (typeof body === 'string' ? body : undefined));
  const code = e.code;
  if (code === 190 || status === 401) {
    return new PlatformError(`Instagram refused the access token: it has expired or was revoked; connect the Instagram account again${their}`, 'instagram', { status, code, retryable: false, reconnect: true });
  }
  if (code === 9 && e.error_subcode === 2207042) {
    return new PlatformError(`Instagram’s limit of posts published in 24 hours is reached; Spool will try again later${their}`, 'instagram', { status, code, retryable: true, retryAfterMs: 60 * 60 * 1000 });
  }
  if (status === 429 || code === 4 || code === 17 || code === 32 || code === 613) {
    return new PlatformError(`Instagram is limiting requests${status === 429 ? ' (429)' : ''}; Spool will try again later${their}`, 'instagram', { status, code, retryable: true, retryAfterMs: retryAfterMs(headers) });
  }
  if (status >= 500 || e.is_transient || code === 1 || code === 2) {
    return new PlatformError(`Instagram had a problem (${status}); Spool will try again${their}`, 'instagram', { status, code, retryable: true, retryAfterMs: retryAfterMs(headers) });
  }
  return new PlatformError(`Instagram refused the request (${status})${their}`, 'instagram', { status, code, retryable: false });
}
