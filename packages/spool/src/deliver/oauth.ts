/**
 * Connecting an account with the user's own app, by each platform's OAuth 2.0 authorization-code
 * flow: the user is sent to the platform to agree, comes back with a code, and the code is traded
 * for a token (on Instagram, then for a long-lived one). The client secret travels only in the
 * server-to-platform requests.
 */
import { InstagramClient, INSTAGRAM_AUTH_BASE, INSTAGRAM_TOKEN_BASE, INSTAGRAM_API_BASE, instagramError } from './instagram.js';
import { LinkedInClient, LINKEDIN_AUTH_BASE, LINKEDIN_API_BASE, linkedinError } from './linkedin.js';
import { platformCall, type PlatformName } from './platform-http.js';

export interface OAuthApp {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface PlatformBases {
  api?: string;
  auth?: string;
  /** Instagram trades codes on another host than it signs in on. */
  token?: string;
}

/** What posting needs from each platform. */
export const OAUTH_SCOPES: Record<PlatformName, string> = {
  linkedin: 'openid profile w_member_social',
  instagram: 'instagram_business_basic,instagram_business_content_publish',
};

export function authorizeUrl(platform: PlatformName, app: Omit<OAuthApp, 'clientSecret'>, state: string, bases: PlatformBases = {}): string {
  const params = new URLSearchParams({ response_type: 'code', client_id: app.clientId, redirect_uri: app.redirectUri, state, scope: OAUTH_SCOPES[platform] });
  const base = (bases.auth ?? (platform === 'linkedin' ? LINKEDIN_AUTH_BASE : INSTAGRAM_AUTH_BASE)).replace(/\/+$/, '');
  return platform === 'linkedin' ? `${base}/oauth/v2/authorization?${params}` : `${base}/oauth/authorize?${params}`;
}

export interface ConnectedAccount {
  platform: PlatformName;
  name: string;
  subject: string;
  accessToken: string;
  refreshToken?: string;
  expiresAt?: string;
}

/** Trades the code for a token and asks who it belongs to. */
export async function exchangeCode(platform: PlatformName, app: OAuthApp, code: string, bases: PlatformBases = {}, fetchImpl?: typeof fetch): Promise<ConnectedAccount> {
  return platform === 'linkedin' ? linkedinToken(app, code, bases, fetchImpl) : instagramToken(app, code, bases, fetchImpl);
}

async function linkedinToken(app: OAuthApp, code: string, bases: PlatformBases, fetchImpl?: typeof fetch): Promise<ConnectedAccount> {
  const base = (bases.auth ?? LINKEDIN_AUTH_BASE).replace(/\/+$/, '');
  const form = new URLSearchParams({ grant_type: 'authorization_code', code, client_id: app.clientId, client_secret: app.clientSecret, redirect_uri: app.redirectUri });
  const res = await platformCall(
    `${base}/oauth/v2/accessToken`,
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() },
    { platform: 'linkedin', token: app.clientSecret, fetch: fetchImpl },
    linkedinError,
  );
  const token = res.json as { access_token?: string; expires_in?: number; refresh_token?: string };
  if (!token?.access_token) throw new Error('LinkedIn gave no access token');
  const member = await new LinkedInClient({ token: token.access_token, apiBase: bases.api ?? LINKEDIN_API_BASE, fetch: fetchImpl }).member();
  return {
    platform: 'linkedin',
    name: member.name ?? member.urn,
    subject: member.urn,
    accessToken: token.access_token,
    ...(token.refresh_token ? { refreshToken: token.refresh_token } : {}),
    ...(token.expires_in ? { expiresAt: new Date(Date.now() + token.expires_in * 1000).toISOString() } : {}),
  };
}

async function instagramToken(app: OAuthApp, code: string, bases: PlatformBases, fetchImpl?: typeof fetch): Promise<ConnectedAccount> {
  const tokenBase = (bases.token ?? INSTAGRAM_TOKEN_BASE).replace(/\/+$/, '');
  const apiBase = (bases.api ?? INSTAGRAM_API_BASE).replace(/\/+$/, '');
  const form = new URLSearchParams({ client_id: app.clientId, client_secret: app.clientSecret, grant_type: 'authorization_code', redirect_uri: app.redirectUri, code });
  const short = await platformCall(
    `${tokenBase}/oauth/access_token`,
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() },
    { platform: 'instagram', token: app.clientSecret, fetch: fetchImpl },
    instagramError,
  );
  const body = short.json as { access_token?: string; user_id?: string | number; data?: { access_token?: string; user_id?: string | number }[] };
  const shortToken = body?.access_token ?? body?.data?.[0]?.access_token;
  if (!shortToken) throw new Error('Instagram gave no access token');
  // The short-lived token lasts an hour; the long-lived one 60 days.
  const long = await platformCall(
    `${apiBase}/access_token?${new URLSearchParams({ grant_type: 'ig_exchange_token', client_secret: app.clientSecret, access_token: shortToken })}`,
    { method: 'GET' },
    { platform: 'instagram', token: shortToken, fetch: fetchImpl },
    instagramError,
  );
  const longBody = long.json as { access_token?: string; expires_in?: number };
  const accessToken = longBody?.access_token ?? shortToken;
  const me = await new InstagramClient({ token: accessToken, apiBase, fetch: fetchImpl }).me();
  return {
    platform: 'instagram',
    name: me.username ? `@${me.username}` : me.userId,
    subject: me.userId,
    accessToken,
    ...(longBody?.expires_in ? { expiresAt: new Date(Date.now() + longBody.expires_in * 1000).toISOString() } : {}),
  };
}
