import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMockLinkedIn, LINKEDIN_TEST_TOKEN, type MockLinkedIn } from '../helpers/mock-linkedin.js';
import { startMockInstagram, INSTAGRAM_TEST_TOKEN, type MockInstagram } from '../helpers/mock-instagram.js';
import { startTestServer, type TestServer } from '../server/harness.js';
import { doc, para, post } from '../helpers/documents.js';
import { accountEnv, freePort, platformEnv } from '../helpers/platform-stand-ins.js';

const threadDoc = (n: number, tag = '') =>
  doc(Array.from({ length: n }, (_, i) => post(`p${i + 1}`, [para(i === 0 ? `Seven habits of calm teams${tag} #engineering` : `Habit ${i}: write the decision down before the meeting (${i}) #teams`)])));

async function waitForJob(server: TestServer, id: string, until: (job: any) => boolean, ms = 20_000): Promise<any> {
  const end = Date.now() + ms;
  for (;;) {
    const job = await server.json('GET', `/api/publish/${id}`);
    if (until(job)) return job;
    if (Date.now() > end) throw new Error(`job ${id} stayed ${job.state}: ${job.error ?? ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('publishing through the HTTP API', () => {
  let linkedin: MockLinkedIn;
  let instagram: MockInstagram;
  let server: TestServer;
  const settled = (job: any) => job.state === 'done' || job.state === 'failed';

  beforeAll(async () => {
    linkedin = await startMockLinkedIn();
    instagram = await startMockInstagram({ inProgressPolls: 1 });
    const port = await freePort();
    server = await startTestServer({
      port,
      starterContent: false,
      env: { ...accountEnv(linkedin, instagram, port), ...platformEnv(linkedin, instagram) },
      publishPollMs: 100,
    });
  });
  afterAll(async () => {
    await server?.stop();
    await linkedin?.close();
    await instagram?.close();
  });
  afterEach(() => {
    expect(linkedin.violations).toEqual([]);
    expect(instagram.violations).toEqual([]);
  });

  const project = async (n: number, tag = '') => (await server.json('POST', '/api/projects', { name: `Calm teams${tag}`, document: threadDoc(n, tag) })).id as string;

  it('lists the accounts the environment gives, without their tokens', async () => {
    const res = await server.call('GET', '/api/accounts');
    const text = await res.text();
    const body = JSON.parse(text);
    expect(body.accounts.map((a: any) => [a.platform, a.subject])).toEqual([
      ['instagram', instagram.user.userId],
      ['linkedin', linkedin.personUrn],
    ]);
    expect(body.instagramReady).toBe(true);
    expect(text).not.toContain(LINKEDIN_TEST_TOKEN);
    expect(text).not.toContain(INSTAGRAM_TEST_TOKEN);
  });

  it('publishes a LinkedIn document post: the PDF uploaded, then the post with its title and escaped text', async () => {
    const id = await project(5);
    const res = await server.call('POST', `/api/projects/${id}/publish`, { platform: 'linkedin', text: 'Calm teams (a thread) #engineering' });
    expect(res.status).toBe(202);
    const job = await waitForJob(server, (await res.json()).id, settled);
    expect(job.state, job.error).toBe('done');
    expect(linkedin.posts).toHaveLength(1);
    const [sent] = linkedin.posts;
    expect(sent.author).toBe(linkedin.personUrn);
    expect(sent.commentary).toBe('Calm teams \\(a thread\\) {hashtag|\\#|engineering}');
    expect(sent.content.media.title).toBe(job.title);
    const document = linkedin.documents.get(sent.content.media.id)!;
    expect(document.bytes!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(job.postId).toBe(sent.id);
    expect(job.url).toBe(`https://www.linkedin.com/feed/update/${sent.id}/`);
    // In order: the upload asked for, the bytes, the document processed, the post.
    const order = linkedin.requests.map((r) => r.route).filter((r) => ['initializeUpload', 'upload', 'document', 'posts'].includes(r));
    expect(order).toEqual(['initializeUpload', 'upload', 'document', 'posts']);
  });

  it('publishes an Instagram carousel from the images it serves at an unguessable address, which dies after', async () => {
    const id = await project(4, ' on Instagram');
    const res = await server.call('POST', `/api/projects/${id}/publish`, { platform: 'instagram' });
    expect(res.status).toBe(202);
    const started = await res.json();
    const job = await waitForJob(server, started.id, settled);
    expect(job.state, job.error).toBe('done');
    expect(instagram.published).toHaveLength(1);
    const items = [...instagram.containers.values()].filter((c) => c.kind === 'carousel-item');
    expect(items).toHaveLength(job.altText.length);
    expect(items.map((c) => c.altText)).toEqual(job.altText);
    // Meta fetched every image from us; now that it is out, those addresses answer 404.
    const fetched = items.map((c) => c.image!.url);
    expect(fetched.every((u) => /^http:\/\/127\.0\.0\.1:\d+\/media\/[A-Za-z0-9_-]{32}\/slide-\d+\.jpg$/.test(u))).toBe(true);
    expect((await fetch(fetched[0])).status).toBe(404);
    expect(job.caption).toContain('#engineering');
  });

  it('refuses an Instagram carousel of more than 10 slides with what to do, and posts nothing', async () => {
    const id = await project(14);
    const res = await server.call('POST', `/api/projects/${id}/publish`, { platform: 'instagram' });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error).toMatch(/at most 10 slides/);
    expect(body.preflight.checks.find((c: any) => c.id === 'instagram-count-api').ok).toBe(false);
    expect(instagram.published).toHaveLength(1);
  });

  it('answers the same job for a repeated Idempotency-Key', async () => {
    const id = await project(3, ' twice');
    const headers = { 'idempotency-key': 'click-1' };
    const first = await server.call('POST', `/api/projects/${id}/publish`, { platform: 'linkedin', at: new Date(Date.now() + 3600_000).toISOString() }, headers);
    const second = await server.call('POST', `/api/projects/${id}/publish`, { platform: 'linkedin', at: new Date(Date.now() + 3600_000).toISOString() }, headers);
    expect([first.status, second.status]).toEqual([202, 200]);
    const [a, b] = [await first.json(), await second.json()];
    expect(b.id).toBe(a.id);
    expect(a.state).toBe('scheduled');
    const cancelled = await server.json('DELETE', `/api/publish/${a.id}`);
    expect(cancelled.state).toBe('cancelled');
  });

  it('retries a 429 with backoff and then publishes', async () => {
    const before = linkedin.posts.length;
    linkedin.failNext('rate-limit', 2, 'posts');
    const id = await project(3, ' after a 429');
    const started = await server.json('POST', `/api/projects/${id}/publish`, { platform: 'linkedin' });
    const retrying = await waitForJob(server, started.id, (j) => j.state === 'retrying' || settled(j));
    expect(retrying.error).toMatch(/LinkedIn is limiting requests \(429\); Spool will try again later/);
    const job = await waitForJob(server, started.id, settled);
    expect(job.state, job.error).toBe('done');
    expect(job.attempts).toBe(3);
    expect(linkedin.posts.length).toBe(before + 1);
  });

  it('stops on an expired token with a message that says to reconnect, and keeps it for the studio', async () => {
    instagram.failNext('expired-token', 1);
    const id = await project(3, ' expired');
    const started = await server.json('POST', `/api/projects/${id}/publish`, { platform: 'instagram' });
    const job = await waitForJob(server, started.id, settled);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/Instagram refused the access token: it has expired or was revoked; connect the Instagram account again \(Instagram said: “Error validating access token/);
    const listed = await server.json('GET', `/api/publish?project=${id}`);
    expect(listed.jobs.map((j: any) => [j.id, j.state])).toEqual([[job.id, 'failed']]);
  });

  it('writes no token in the clear into the database file', () => {
    const bytes = readFileSync(server.store.file);
    const wal = (() => {
      try {
        return readFileSync(`${server.store.file}-wal`);
      } catch {
        return Buffer.alloc(0);
      }
    })();
    for (const token of [LINKEDIN_TEST_TOKEN, INSTAGRAM_TEST_TOKEN]) {
      expect(bytes.includes(token)).toBe(false);
      expect(wal.includes(token)).toBe(false);
    }
    expect(server.store.accounts.list().length).toBe(2);
  });
});
