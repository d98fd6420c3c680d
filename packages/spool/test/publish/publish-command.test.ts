import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMockLinkedIn, LINKEDIN_TEST_TOKEN, type MockLinkedIn } from '../helpers/mock-linkedin.js';
import { startMockInstagram, INSTAGRAM_TEST_TOKEN, type MockInstagram } from '../helpers/mock-instagram.js';
import { runCli } from '../cli/run-cli.js';
import { Store } from '../../src/store/store.js';
import { doc, para, post } from '../helpers/documents.js';
import { freePort } from '../helpers/platform-stand-ins.js';

describe('spool publish', () => {
  let linkedin: MockLinkedIn;
  let instagram: MockInstagram;
  let dir: string;
  let port: number;

  const thread = (name: string, n: number) => {
    const file = path.join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(doc(Array.from({ length: n }, (_, i) => post(`p${i}`, [para(i ? `Part ${i} of ${name}.` : `${name}: a thread in ${n} posts #writing`)])))));
    return file;
  };

  beforeAll(async () => {
    linkedin = await startMockLinkedIn();
    instagram = await startMockInstagram({ inProgressPolls: 1 });
    dir = mkdtempSync(path.join(tmpdir(), 'spool-publish-cli-'));
    port = await freePort();
  });
  afterAll(async () => {
    await linkedin?.close();
    await instagram?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    expect(linkedin.violations).toEqual([]);
    expect(instagram.violations).toEqual([]);
  });
  const connect = (which: 'linkedin' | 'instagram' | 'both' = 'both') => {
    vi.stubEnv('SPOOL_DATA_DIR', path.join(dir, 'data'));
    vi.stubEnv('SPOOL_PUBLISH_RETRY_MS', '100');
    vi.stubEnv('SPOOL_PUBLISH_POLL_MS', '100');
    vi.stubEnv('SPOOL_LINKEDIN_API_BASE', linkedin.url);
    vi.stubEnv('SPOOL_INSTAGRAM_API_BASE', instagram.url);
    if (which !== 'instagram') {
      vi.stubEnv('LINKEDIN_ACCESS_TOKEN', LINKEDIN_TEST_TOKEN);
      vi.stubEnv('LINKEDIN_AUTHOR_URN', linkedin.personUrn);
    }
    if (which !== 'linkedin') {
      vi.stubEnv('INSTAGRAM_ACCESS_TOKEN', INSTAGRAM_TEST_TOKEN);
      vi.stubEnv('INSTAGRAM_USER_ID', instagram.user.userId);
      vi.stubEnv('SPOOL_PUBLIC_URL', `http://127.0.0.1:${port}`);
    }
  };

  it('publishes a LinkedIn document post and prints its address', async () => {
    connect();
    const { code, stdout, stderr } = await runCli(['publish', 'linkedin', thread('Ship calmly', 5), '--text', 'Five posts on shipping calmly']);
    expect(code, stderr).toBe(0);
    expect(linkedin.posts.map((p) => p.commentary)).toEqual(['Five posts on shipping calmly']);
    expect(stdout.trim()).toBe(`https://www.linkedin.com/feed/update/${linkedin.posts[0].id}/`);
    expect(stdout + stderr).not.toContain(LINKEDIN_TEST_TOKEN);
  });

  it('publishes an Instagram carousel, serving the images itself while Instagram fetches them', async () => {
    connect();
    const { code, stdout, stderr } = await runCli(['publish', 'instagram', thread('Short one', 4), '--port', String(port)]);
    expect(code, stderr).toBe(0);
    expect(instagram.published).toHaveLength(1);
    const children = instagram.published[0].children;
    expect(children.length).toBeGreaterThanOrEqual(4);
    expect(children.map((c) => [c.image?.width, c.image?.height])).toEqual(children.map(() => [1080, 1350]));
    expect(children.every((c) => (c.altText ?? '').length > 0)).toBe(true);
    expect(instagram.published[0].caption).toMatch(/^Short one: a thread in 4 posts #writing/);
    expect(stdout.trim()).toBe(instagram.published[0].permalink);
  });

  it('schedules with --at: the job waits in the database for spool serve', async () => {
    connect('linkedin');
    const at = new Date(Date.now() + 86_400_000).toISOString();
    const { code, stdout, stderr } = await runCli(['publish', 'linkedin', thread('Tomorrow', 3), '--at', at]);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/scheduled for .* on LinkedIn \(\d+ slides\); run spool serve to publish it then/);
    const store = Store.open({ dataDir: path.join(dir, 'data') });
    try {
      const job = store.publishJobs.get(stdout.trim());
      expect([job.state, job.dueAt]).toEqual(['scheduled', at]);
    } finally {
      store.close();
    }
  });

  it('refuses what the platform would not take, before sending anything', async () => {
    connect();
    const before = instagram.requests.length;
    const tooMany = await runCli(['publish', 'instagram', thread('Too long', 14), '--port', String(port)]);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toMatch(/Instagram would not take this carousel:\n {2}\d+ slides \(publishing through the API takes 2 to 10\) — split into posts/);
    expect(instagram.requests.length).toBe(before);
    const past = await runCli(['publish', 'linkedin', thread('Late', 3), '--at', '2020-01-01T00:00:00Z']);
    expect([past.code, past.stderr]).toEqual([2, expect.stringMatching(/--at: 2020-01-01T00:00:00Z is in the past/)]);
    const zoneless = await runCli(['publish', 'linkedin', thread('Late', 3), '--at', '2030-01-01 09:00']);
    expect(zoneless.stderr).toMatch(/is not an ISO 8601 time with its zone/);
    const long = await runCli(['publish', 'instagram', thread('Late', 3), '--text', 'x'.repeat(2300)]);
    expect(long.stderr).toMatch(/--text: the Instagram text is 2300 characters; it takes at most 2200: cut 100/);
  });

  it('says how to connect when no account is set, and what went wrong when the token expired', async () => {
    vi.stubEnv('SPOOL_DATA_DIR', path.join(dir, 'empty'));
    const none = await runCli(['publish', 'linkedin', thread('Nobody', 3)]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no LinkedIn account: set LINKEDIN_ACCESS_TOKEN and LINKEDIN_AUTHOR_URN, or connect one in the studio/);
    connect('linkedin');
    linkedin.failNext('expired-token', 1);
    const expired = await runCli(['publish', 'linkedin', thread('Expired', 3)]);
    expect(expired.code).toBe(1);
    expect(expired.stderr).toMatch(/LinkedIn refused the access token: it has expired or was revoked; connect the LinkedIn account again \(LinkedIn said: “The token used in the request has expired”\)/);
  });

  it('waits out a short 429 and publishes', async () => {
    connect('linkedin');
    linkedin.failNext('rate-limit', 1, 'posts');
    const before = linkedin.posts.length;
    const { code, stderr } = await runCli(['publish', 'linkedin', thread('After a pause', 3)]);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/LinkedIn is limiting requests \(429\).*; trying again in \d+ s/);
    expect(linkedin.posts.length).toBe(before + 1);
  });
});
