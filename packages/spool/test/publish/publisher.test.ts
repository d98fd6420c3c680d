import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockLinkedIn, LINKEDIN_TEST_TOKEN, type MockLinkedIn } from '../helpers/mock-linkedin.js';
import { startMockInstagram, INSTAGRAM_TEST_TOKEN, type MockInstagram } from '../helpers/mock-instagram.js';
import { Store } from '../../src/store/store.js';
import { Publisher } from '../../src/server/publisher.js';

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Page /MediaBox [0 0 432 540] >>\nendobj\n%%EOF\n');

describe('the publisher', () => {
  let linkedin: MockLinkedIn;
  let instagram: MockInstagram;
  let dir: string;
  let store: Store;

  beforeAll(async () => {
    linkedin = await startMockLinkedIn();
    instagram = await startMockInstagram();
    dir = mkdtempSync(path.join(tmpdir(), 'spool-publisher-'));
    store = Store.open({ dataDir: dir, env: {} });
  });
  afterAll(async () => {
    store.close();
    await linkedin.close();
    await instagram.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps LinkedIn’s daily limit: past it, a post waits for the next free slot without spending a try', async () => {
    const account = store.accounts.upsert({ platform: 'linkedin', name: 'Ada', subject: linkedin.personUrn, secret: { accessToken: LINKEDIN_TEST_TOKEN } });
    const publisher = new Publisher({ store, apiBase: { linkedin: linkedin.url }, linkedinDailyLimit: 1, statusPollMs: 50 });
    const post = (text: string) => publisher.enqueue({ platform: 'linkedin', accountId: account.id, title: text, caption: text, altText: ['one'], pdf }).job;
    const first = await publisher.runNow(post('First of the day').id);
    expect(first.state, first.error).toBe('done');
    const second = await publisher.runNow(post('Second of the day').id);
    expect(second.state).toBe('retrying');
    expect(second.attempts).toBe(0);
    expect(second.error).toMatch(/^LinkedIn’s daily limit of 1 posts for this account is reached; Spool will publish at /);
    const waitMs = Date.parse(second.dueAt) - Date.parse(first.publishedAt!);
    expect(waitMs).toBeGreaterThan(24 * 3600_000 - 5000);
    expect(linkedin.posts).toHaveLength(1);
  });

  it('asks Instagram for its publishing limit and waits when the account has used it up', async () => {
    const limited = await startMockInstagram({ quotaTotal: 0 });
    try {
      const account = store.accounts.upsert({ platform: 'instagram', name: 'Ada', subject: limited.user.userId, secret: { accessToken: INSTAGRAM_TEST_TOKEN } });
      // The images come from a stand-in public address that serves this job's files.
      const { createServer } = await import('node:http');
      const media = createServer((req, res) => {
        const m = /^\/media\/([^/]+)\/([^/]+)$/.exec(req.url ?? '');
        const file = m ? store.publishJobs.mediaFile(m[1], m[2]) : undefined;
        if (!file) return void res.writeHead(404).end();
        res.writeHead(200, { 'content-type': file.mime }).end(Buffer.from(file.bytes));
      });
      await new Promise<void>((r) => media.listen(0, '127.0.0.1', () => r()));
      const port = (media.address() as { port: number }).port;
      try {
        const sharp = (await import('sharp')).default;
        const jpeg = new Uint8Array(await sharp({ create: { width: 1080, height: 1350, channels: 3, background: '#204060' } }).jpeg().toBuffer());
        const publisher = new Publisher({ store, apiBase: { instagram: limited.url }, publicUrl: `http://127.0.0.1:${port}`, statusPollMs: 50 });
        const { job } = publisher.enqueue({ platform: 'instagram', accountId: account.id, title: 't', caption: 'Two slides', altText: ['a', 'b'], jpegs: [{ name: 'slide-01.jpg', bytes: jpeg }, { name: 'slide-02.jpg', bytes: jpeg }] });
        const after = await publisher.runNow(job.id);
        expect(after.state).toBe('retrying');
        expect(after.error).toMatch(/Instagram’s limit of 0 posts in 24 hours is reached for this account/);
        expect(limited.published).toHaveLength(0);
        expect(limited.requests.some((r) => r.route === 'limit')).toBe(true);
        expect(limited.violations).toEqual([]);
      } finally {
        media.close();
      }
    } finally {
      await limited.close();
    }
  });

  it('gives a job back at once when stopped while it waits on the platform, to go on at the next start', async () => {
    const slow = await startMockLinkedIn({ documentProcessingPolls: 1000 });
    try {
      const account = store.accounts.upsert({ platform: 'linkedin', name: 'Slow', subject: slow.personUrn, secret: { accessToken: LINKEDIN_TEST_TOKEN }, brandKitId: 'kit_slow' });
      const publisher = new Publisher({ store, apiBase: { linkedin: slow.url }, statusPollMs: 200 });
      const { job } = publisher.enqueue({ platform: 'linkedin', accountId: account.id, title: 'Slow', caption: 'Slow to process', altText: ['one'], pdf });
      const running = publisher.runNow(job.id);
      await new Promise<void>((resolve) => slow.events.once('request:document', () => resolve()));
      const t = performance.now();
      await publisher.stop();
      expect(performance.now() - t).toBeLessThan(2000);
      const given = await running;
      expect([given.state, given.attempts]).toEqual(['retrying', 0]);
      expect(given.steps.uploaded).toBe(true);
      expect(slow.posts).toHaveLength(0);
    } finally {
      await slow.close();
    }
  });
});
