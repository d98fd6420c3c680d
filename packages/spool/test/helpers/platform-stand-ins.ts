import { createServer } from 'node:net';
import { INSTAGRAM_TEST_TOKEN, type MockInstagram } from './mock-instagram.js';
import { LINKEDIN_TEST_TOKEN, type MockLinkedIn } from './mock-linkedin.js';

/** A port nobody listens on now, so a server's public address is known before it starts. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Every platform address pointed at the stand-ins, with short waits between tries and looks. */
export function platformEnv(linkedin: MockLinkedIn, instagram: MockInstagram): Record<string, string> {
  return {
    SPOOL_LINKEDIN_API_BASE: linkedin.url,
    SPOOL_LINKEDIN_AUTH_BASE: linkedin.url,
    SPOOL_INSTAGRAM_API_BASE: instagram.url,
    SPOOL_INSTAGRAM_AUTH_BASE: instagram.url,
    SPOOL_INSTAGRAM_TOKEN_BASE: instagram.url,
    SPOOL_PUBLISH_RETRY_MS: '200',
    SPOOL_PUBLISH_POLL_MS: '100',
  };
}

/** The accounts the environment gives: the stand-ins' own test tokens, and the public address Instagram fetches from. */
export function accountEnv(linkedin: MockLinkedIn, instagram: MockInstagram, publicPort: number): Record<string, string> {
  return {
    LINKEDIN_ACCESS_TOKEN: LINKEDIN_TEST_TOKEN,
    LINKEDIN_AUTHOR_URN: linkedin.personUrn,
    INSTAGRAM_ACCESS_TOKEN: INSTAGRAM_TEST_TOKEN,
    INSTAGRAM_USER_ID: instagram.user.userId,
    SPOOL_PUBLIC_URL: `http://127.0.0.1:${publicPort}`,
  };
}
