import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockLinkedIn, LINKEDIN_CLIENT_ID, LINKEDIN_CLIENT_SECRET, type MockLinkedIn } from '../helpers/mock-linkedin.js';
import { startMockInstagram, INSTAGRAM_APP_ID, INSTAGRAM_APP_SECRET, type MockInstagram } from '../helpers/mock-instagram.js';
import { startTestServer, type TestServer } from '../server/harness.js';

/** Follows one redirect by hand: its Location, resolved against the URL that sent it. */
async function redirectOf(url: string): Promise<string> {
  const res = await fetch(url, { redirect: 'manual' });
  expect([302, 303]).toContain(res.status);
  return new URL(res.headers.get('location')!, url).toString();
}

describe('connecting an account with the user’s own app', () => {
  let linkedin: MockLinkedIn;
  let instagram: MockInstagram;
  let server: TestServer;
  const logged: string[] = [];

  beforeAll(async () => {
    linkedin = await startMockLinkedIn();
    instagram = await startMockInstagram();
    server = await startTestServer({
      starterContent: false,
      logRequests: { write: (line: string) => logged.push(line) },
      env: {
        SPOOL_LINKEDIN_API_BASE: linkedin.url,
        SPOOL_LINKEDIN_AUTH_BASE: linkedin.url,
        SPOOL_INSTAGRAM_API_BASE: instagram.url,
        SPOOL_INSTAGRAM_AUTH_BASE: instagram.url,
        SPOOL_INSTAGRAM_TOKEN_BASE: instagram.url,
      },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await linkedin?.close();
    await instagram?.close();
  });

  it('connects LinkedIn: the sign-in, the code traded for a token, the member named, the token sealed', async () => {
    const kit = await server.json('POST', '/api/brand-kits', { kit: { name: 'Acme', handle: 'acme' } });
    const { authorizeUrl, redirectUri } = await server.json('POST', '/api/accounts/linkedin/connect', { clientId: LINKEDIN_CLIENT_ID, clientSecret: LINKEDIN_CLIENT_SECRET, brandKitId: kit.id });
    expect(redirectUri).toBe(`${server.url}/oauth/linkedin/callback`);
    const authorize = new URL(authorizeUrl);
    expect(authorize.searchParams.get('scope')).toBe('openid profile w_member_social');
    const callback = await redirectOf(authorizeUrl);
    expect(callback.startsWith(redirectUri)).toBe(true);
    const studio = await redirectOf(callback);
    const connected = new URL(studio).searchParams.get('connected');
    expect(connected).toMatch(/^acc_/);
    const { accounts } = await server.json('GET', '/api/accounts');
    expect(accounts).toEqual([expect.objectContaining({ id: connected, platform: 'linkedin', subject: linkedin.personUrn, name: linkedin.member.name, brandKitId: kit.id })]);
    const token = linkedin.issuedTokens.at(-1)!;
    expect(server.store.accounts.secret(connected!).accessToken).toBe(token);
    // The state works once.
    const again = await redirectOf(callback);
    expect(new URL(again).searchParams.get('connect-error')).toMatch(/expired or was already used/);
    expect(linkedin.violations).toEqual([]);
  });

  it('connects Instagram: a long-lived token for the professional account', async () => {
    const { authorizeUrl } = await server.json('POST', '/api/accounts/instagram/connect', { clientId: INSTAGRAM_APP_ID, clientSecret: INSTAGRAM_APP_SECRET });
    const studio = await redirectOf(await redirectOf(authorizeUrl));
    const connected = new URL(studio).searchParams.get('connected')!;
    const account = (await server.json('GET', '/api/accounts')).accounts.find((a: any) => a.id === connected);
    expect(account).toMatchObject({ platform: 'instagram', subject: instagram.user.userId, name: `@${instagram.user.username}` });
    expect(Date.parse(account.expiresAt) - Date.now()).toBeGreaterThan(50 * 86_400_000);
    expect(instagram.violations).toEqual([]);
  });

  it('tells the studio when the user said no on the platform', async () => {
    linkedin.failNext('consent-denied', 1, 'authorize');
    const { authorizeUrl } = await server.json('POST', '/api/accounts/linkedin/connect', { clientId: LINKEDIN_CLIENT_ID, clientSecret: LINKEDIN_CLIENT_SECRET });
    const studio = await redirectOf(await redirectOf(authorizeUrl));
    expect(new URL(studio).searchParams.get('connect-error')).toMatch(/^LinkedIn did not connect the account/);
  });

  it('never shows a token or the app secret: not in answers, the log, or the database file', async () => {
    const secrets = [...linkedin.issuedTokens, ...instagram.issuedTokens, LINKEDIN_CLIENT_SECRET, INSTAGRAM_APP_SECRET];
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    const answers = [await (await server.call('GET', '/api/accounts')).text(), await (await server.call('GET', '/api/publish')).text(), await (await server.call('GET', '/api/openapi.json')).text()];
    const files = [server.store.file, `${server.store.file}-wal`].map((f) => {
      try {
        return readFileSync(f).toString('latin1');
      } catch {
        return '';
      }
    });
    expect(logged.join('').length).toBeGreaterThan(0);
    for (const secret of secrets) {
      for (const text of [...answers, logged.join(''), ...files]) expect(text.includes(secret), secret).toBe(false);
    }
  });
});
