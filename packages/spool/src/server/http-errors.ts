import { ZodError } from 'zod/v3';
import { SpoolInputError, formatInputIssues } from '../errors/input-error.js';
import { zodIssuesToInputIssues } from '../errors/schema-issues.js';
import { ConflictError, NotFoundError, StorageError } from '../store/errors.js';
import { PublishStateError } from '../store/publish-jobs.js';
import { PlatformError } from '../deliver/platform-http.js';
import { SecretKeyError } from '../deliver/secrets.js';
import { PublishConfigError } from './publisher.js';
import { FetchFailedError, FetchRefusedError } from '../sources/fetch-guard.js';
import { RemoteApiError } from '../sources/social-api.js';

/** An answer other than 2xx that a route decides on itself. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface ErrorAnswer {
  status: number;
  body: { error: string; [extra: string]: unknown };
  headers: Record<string, string>;
}

/** Which request failed, for messages that name the endpoint and its limit. */
export interface RequestPlace {
  method: string;
  path: string;
  bodyLimit?: number;
  contentType?: string;
}

const FASTIFY_MESSAGES: Record<string, (err: Error & { statusCode?: number }, at?: RequestPlace) => string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: (_err, at) =>
    at?.bodyLimit ? `request body is larger than the ${formatBytes(at.bodyLimit)} limit of ${at.method} ${at.path}` : 'request body is too large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (_err, at) => wrongTypeMessage(at),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => 'request body: expected JSON, got an empty body',
  FST_ERR_CTP_INVALID_JSON_BODY: () => 'request body: invalid JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => 'request body is shorter or longer than its Content-Length',
};

/**
 * Every failure becomes `{ "error": "..." }` with a status that says whose fault it is: input the
 * user can fix is 4xx and names the place; a remote API that fails is 502, naming it in `api`;
 * only our own bugs are 500.
 */
export function errorAnswer(err: unknown, at?: RequestPlace): ErrorAnswer {
  const answer = (status: number, error: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) => ({
    status,
    body: { error, ...extra },
    headers,
  });
  if (err instanceof HttpError) return answer(err.status, err.message, {}, err.headers);
  if (err instanceof SpoolInputError) return answer(400, err.message, { issues: err.issues });
  if (err instanceof ZodError) {
    const issues = zodIssuesToInputIssues(err.issues);
    return answer(400, formatInputIssues('', issues), { issues });
  }
  // Fastify's own errors carry their status; some of them are RangeErrors, so they go first.
  const e = err as Error & { statusCode?: number; code?: string };
  if (e instanceof SyntaxError && e.statusCode === 400) return answer(400, `request body: invalid JSON (${e.message})`);
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const message = (e.code && FASTIFY_MESSAGES[e.code]?.(e, at)) || e.message;
    return answer(e.statusCode, message);
  }
  if (err instanceof RangeError) return answer(400, err.message);
  if (err instanceof NotFoundError) return answer(404, err.message);
  if (err instanceof ConflictError) return answer(409, err.message, { revision: err.current });
  if (err instanceof StorageError) return answer(err.problem === 'full' ? 507 : 503, err.message);
  if (err instanceof FetchRefusedError) return answer(400, err.message);
  if (err instanceof PublishStateError) return answer(409, err.message);
  if (err instanceof PublishConfigError) return answer(400, err.message);
  if (err instanceof SecretKeyError) return answer(409, err.message);
  // A platform that refuses or fails (LinkedIn, Instagram): its own words, named in `api`.
  if (err instanceof PlatformError) return answer(err.details.reconnect ? 401 : 502, err.message, { api: err.platform, ...(err.details.status ? { apiStatus: err.details.status } : {}) });
  // A network's API that fails (a 5xx, an answer too large or too slow) is the server behind us: a bad gateway.
  if (err instanceof RemoteApiError) return answer(502, err.message, { api: err.service, ...(err.remoteStatus ? { apiStatus: err.remoteStatus } : {}) });
  // A page that cannot be had is the address the user gave: theirs to check, not our failure.
  if (err instanceof FetchFailedError) return answer(422, err.message);
  return answer(500, `internal error: ${e?.message ?? String(err)}`);
}

/** What was sent in the wrong form, in a user's words first and the technical detail after. */
export function wrongTypeMessage(at: RequestPlace | undefined): string {
  const sent = at?.contentType ? `it was sent as ${at.contentType}` : 'it was sent with no Content-Type';
  if (at?.path === '/api/assets') return `that file is not an image or a font: upload a PNG, JPEG, WebP, GIF, AVIF, TIFF or SVG image, or a TTF, OTF, WOFF or WOFF2 font (${sent})`;
  return `${at?.method ?? 'this'} ${at?.path ?? 'endpoint'} takes JSON (Content-Type: application/json); ${sent}`;
}

export function formatBytes(n: number): string {
  const MB = 1024 * 1024;
  return n >= MB ? `${Math.round((n / MB) * 10) / 10} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`;
}
