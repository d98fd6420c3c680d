/**
 * Where publishing talks to, from the environment: every platform address can be pointed
 * elsewhere (a proxy, or a local stand-in in tests), and the public address Instagram fetches
 * the images from.
 */
import type { Store } from '../store/store.js';
import type { AccountInfo } from '../store/accounts.js';
import { ServerConfigError } from './config-error.js';
import type { PlatformName } from '../deliver/platform-http.js';
import type { PlatformBases } from '../deliver/oauth.js';

export interface PublishSettings {
  publicUrl?: string;
  bases: Record<PlatformName, PlatformBases>;
  retryBaseMs?: number;
  /** The first wait before asking whether an upload is ready (`SPOOL_PUBLISH_POLL_MS`). */
  statusPollMs?: number;
  linkedinDailyLimit?: number;
}

export function publishSettingsFromEnv(env: NodeJS.ProcessEnv): PublishSettings {
  const url = (name: string) => {
    const value = env[name]?.trim();
    if (!value) return undefined;
    if (!/^https?:\/\/[^\s/]+/i.test(value) || !URL.canParse(value)) throw new ServerConfigError(`${name}: "${value}" is not an http(s) address`);
    return value.replace(/\/+$/, '');
  };
  const count = (name: string) => {
    const value = env[name];
    if (value === undefined || value === '') return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new ServerConfigError(`${name}: "${value}" is not a whole number`);
    return n;
  };
  return {
    publicUrl: url('SPOOL_PUBLIC_URL'),
    bases: {
      linkedin: { api: url('SPOOL_LINKEDIN_API_BASE'), auth: url('SPOOL_LINKEDIN_AUTH_BASE') },
      instagram: { api: url('SPOOL_INSTAGRAM_API_BASE'), auth: url('SPOOL_INSTAGRAM_AUTH_BASE'), token: url('SPOOL_INSTAGRAM_TOKEN_BASE') },
    },
    retryBaseMs: count('SPOOL_PUBLISH_RETRY_MS'),
    statusPollMs: count('SPOOL_PUBLISH_POLL_MS'),
    linkedinDailyLimit: count('SPOOL_LINKEDIN_DAILY_LIMIT'),
  };
}

/**
 * Accounts given by the environment (`LINKEDIN_ACCESS_TOKEN` + `LINKEDIN_AUTHOR_URN`,
 * `INSTAGRAM_ACCESS_TOKEN` + `INSTAGRAM_USER_ID`), kept in the store like connected ones, sealed,
 * so a post scheduled with them is published by whichever process runs when it is due.
 */
export function environmentAccounts(store: Store, env: NodeJS.ProcessEnv): AccountInfo[] {
  const accounts: AccountInfo[] = [];
  const linkedin = pair(env, 'LINKEDIN_ACCESS_TOKEN', 'LINKEDIN_AUTHOR_URN');
  if (linkedin) {
    if (!/^urn:li:(person|organization):[A-Za-z0-9_-]+$/.test(linkedin.subject)) {
      throw new ServerConfigError(`LINKEDIN_AUTHOR_URN: "${linkedin.subject}" is not a person or organization URN (urn:li:person:… or urn:li:organization:…)`);
    }
    const page = linkedin.subject.startsWith('urn:li:organization:');
    accounts.push(store.accounts.upsert({ platform: 'linkedin', name: `${page ? 'LinkedIn page' : 'LinkedIn member'} ${linkedin.subject.replace(/^.*:/, '')} (from the environment)`, subject: linkedin.subject, secret: { accessToken: linkedin.token } }));
  }
  const instagram = pair(env, 'INSTAGRAM_ACCESS_TOKEN', 'INSTAGRAM_USER_ID');
  if (instagram) {
    if (!/^\d+$/.test(instagram.subject)) throw new ServerConfigError(`INSTAGRAM_USER_ID: "${instagram.subject}" is not an Instagram user id (digits)`);
    accounts.push(store.accounts.upsert({ platform: 'instagram', name: `Instagram ${instagram.subject} (from the environment)`, subject: instagram.subject, secret: { accessToken: instagram.token } }));
  }
  return accounts;
}

function pair(env: NodeJS.ProcessEnv, tokenName: string, subjectName: string): { token: string; subject: string } | undefined {
  const token = env[tokenName]?.trim();
  const subject = env[subjectName]?.trim();
  if (!token && !subject) return undefined;
  if (!token) throw new ServerConfigError(`${subjectName} is set but ${tokenName} is not: set both to publish with them`);
  if (!subject) throw new ServerConfigError(`${tokenName} is set but ${subjectName} is not: set both to publish with them`);
  return { token, subject };
}
