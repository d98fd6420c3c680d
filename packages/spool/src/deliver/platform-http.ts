/**
 * Calls to LinkedIn's and Instagram's APIs: a time limit on each, and every failure turned into a
 * PlatformError that says, in the user's words, what happened, whether trying again can help, and
 * what the platform itself said. A token never appears in a message, a URL or a log.
 */
export type PlatformName = 'linkedin' | 'instagram';

export const PLATFORM_LABEL: Record<PlatformName, string> = { linkedin: 'LinkedIn', instagram: 'Instagram' };

/** Longest one platform call may take. */
const CALL_TIMEOUT_MS = 60_000;

export class PlatformError extends Error {
  override name = 'PlatformError';
  constructor(
    message: string,
    readonly platform: PlatformName,
    readonly details: {
      status?: number;
      /** The platform's own error code, when it gave one. */
      code?: string | number;
      /** Trying again later can help: rate limits, the platform's own failures, the network. */
      retryable: boolean;
      retryAfterMs?: number;
      /** The token has expired or was revoked: the account must be connected again. */
      reconnect?: boolean;
      /** LinkedIn refused the post as a copy of one it has: that post's URN. */
      duplicateOf?: string;
    },
  ) {
    super(message);
  }
}

export interface PlatformHttpOptions {
  platform: PlatformName;
  token: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface PlatformResponse {
  status: number;
  headers: Headers;
  json: unknown;
}

/** One call; a non-2xx answer throws a PlatformError made by `describe`. */
export async function platformCall(
  url: string,
  init: RequestInit,
  options: PlatformHttpOptions,
  describe: (status: number, body: unknown, headers: Headers) => PlatformError,
): Promise<PlatformResponse> {
  const { platform, token } = options;
  const label = PLATFORM_LABEL[platform];
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(options.timeoutMs ?? CALL_TIMEOUT_MS) });
  } catch (err) {
    const why = err instanceof Error && err.name === 'TimeoutError' ? 'did not answer in time' : `could not be reached (${redact(causeOf(err), token)})`;
    throw new PlatformError(`${label} ${why}; Spool will try again`, platform, { retryable: true });
  }
  const text = await response.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = text.slice(0, 500);
    }
  }
  if (response.ok) return { status: response.status, headers: response.headers, json };
  const error = describe(response.status, json, response.headers);
  throw new PlatformError(redact(error.message, token), platform, error.details);
}

/** `Retry-After` in seconds or as a date, in milliseconds from now. */
export function retryAfterMs(headers: Headers): number | undefined {
  const raw = headers.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** The platform's own words, at most a line. */
export function said(label: string, message: string | undefined): string {
  const m = message?.replace(/\s+/g, ' ').trim();
  return m ? ` (${label} said: “${m.length > 300 ? `${m.slice(0, 299)}…` : m}”)` : '';
}

export function redact(text: string, token: string): string {
  return token ? text.split(token).join('[token]') : text;
}

function causeOf(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}
