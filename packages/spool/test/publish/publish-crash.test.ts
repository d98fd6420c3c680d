import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockLinkedIn, LINKEDIN_TEST_TOKEN, type MockLinkedIn } from '../helpers/mock-linkedin.js';
import { startMockInstagram, INSTAGRAM_TEST_TOKEN, type MockInstagram } from '../helpers/mock-instagram.js';
import { spawnCli, waitFor, type SpawnedCli } from '../helpers/spawn-cli.js';
import { doc, para, post } from '../helpers/documents.js';
import { freePort } from '../helpers/platform-stand-ins.js';

/**
 * A scheduled post is published exactly once although the server is killed with SIGKILL: before
 * it is due, and in the middle of the call that creates the post (after LinkedIn made it, before
 * the answer arrived).
 */
describe('a scheduled post across a crash', () => {
  let linkedin: MockLinkedIn;
  let instagram: MockInstagram;
  let port: number;
  let data: string;
  const servers: SpawnedCli[] = [];

  beforeAll(async () => {
    linkedin = await startMockLinkedIn();
    instagram = await startMockInstagram({ inProgressPolls: 1 });
    port = await freePort();
    data = mkdtempSync(path.join(tmpdir(), 'spool-crash-'));
  });
  afterAll(async () => {
    for (const s of servers) s.child.kill('SIGKILL');
    await linkedin?.close();
    await instagram?.close();
    rmSync(data, { recursive: true, force: true });
  });

  const env = () => ({
    LINKEDIN_ACCESS_TOKEN: LINKEDIN_TEST_TOKEN,
    LINKEDIN_AUTHOR_URN: linkedin.personUrn,
    SPOOL_LINKEDIN_API_BASE: linkedin.url,
    INSTAGRAM_ACCESS_TOKEN: INSTAGRAM_TEST_TOKEN,
    INSTAGRAM_USER_ID: instagram.user.userId,
    SPOOL_INSTAGRAM_API_BASE: instagram.url,
    SPOOL_PUBLIC_URL: `http://127.0.0.1:${port}`,
    SPOOL_PUBLISH_RETRY_MS: '200',
    SPOOL_PUBLISH_POLL_MS: '100',
  });
  const serve = async () => {
    const cli = spawnCli(['serve', '--port', String(port), '--data', data], env());
    servers.push(cli);
    const url = await waitFor(() => /Spool studio: (http:\/\/127\.0\.0\.1:\d+)/.exec(cli.stdout())?.[1], 30_000, 'the server to start');
    return { cli, url };
  };
  const call = async (url: string, method: string, route: string, body?: unknown) => {
    const res = await fetch(`${url}${route}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const kill = async (cli: SpawnedCli) => {
    cli.child.kill('SIGKILL');
    await cli.exit;
  };
  const schedule = async (url: string, text: string, inMs: number, platform = 'linkedin') => {
    const document = doc([post('p1', [para(`${text} — a short thread`)]), post('p2', [para('The second post says more.')]), post('p3', [para('And the third ends it.')])]);
    const project = await call(url, 'POST', '/api/projects', { name: text, document });
    return call(url, 'POST', `/api/projects/${project.id}/publish`, { platform, text, at: new Date(Date.now() + inMs).toISOString() });
  };

  it('is published once when the server was killed before it was due', async () => {
    const first = await serve();
    const job = await schedule(first.url, 'Killed before it was due', 3000);
    expect(job.state).toBe('scheduled');
    await kill(first.cli);
    await new Promise((r) => setTimeout(r, 3200));
    const second = await serve();
    const done = await waitFor(async () => {
      const j = await call(second.url, 'GET', `/api/publish/${job.id}`);
      return j.state === 'done' || j.state === 'failed' ? j : undefined;
    }, 30_000, 'the post to be published');
    expect(done.state, done.error).toBe('done');
    expect(linkedin.posts.filter((p) => p.commentary.startsWith('Killed before it was due'))).toHaveLength(1);
    await kill(second.cli);
  });

  it('is published once when the server was killed while LinkedIn was answering the post', async () => {
    const first = await serve();
    // The post is made at once, its answer held back: the server dies without hearing it.
    linkedin.holdNext('posts', 30_000);
    const held = new Promise<void>((resolve) => linkedin.events.once('held', () => resolve()));
    const job = await schedule(first.url, 'Killed mid-call', 3000);
    await held;
    await kill(first.cli);
    expect(linkedin.posts.filter((p) => p.commentary === 'Killed mid-call')).toHaveLength(1);

    const second = await serve();
    const done = await waitFor(async () => {
      const j = await call(second.url, 'GET', `/api/publish/${job.id}`);
      return j.state === 'done' || j.state === 'failed' ? j : undefined;
    }, 30_000, 'the post to be settled after the restart');
    expect(done.state, done.error).toBe('done');
    const posts = linkedin.posts.filter((p) => p.commentary === 'Killed mid-call');
    expect(posts).toHaveLength(1);
    expect(done.postId).toBe(posts[0].id);
    expect(linkedin.violations).toEqual([]);
    // The server told nothing of the token, in its output or its log.
    for (const s of servers) expect(s.stdout() + s.stderr()).not.toContain(LINKEDIN_TEST_TOKEN);
    await kill(second.cli);
  });

  it('is published once on Instagram when the server was killed while Instagram was publishing it', async () => {
    const first = await serve();
    instagram.holdNext('publish', 30_000);
    const held = new Promise<void>((resolve) => instagram.events.once('held', () => resolve()));
    const job = await schedule(first.url, 'Killed while Instagram published it #calm', 3000, 'instagram');
    await held;
    await kill(first.cli);
    expect(instagram.published).toHaveLength(1);

    const second = await serve();
    const done = await waitFor(async () => {
      const j = await call(second.url, 'GET', `/api/publish/${job.id}`);
      return j.state === 'done' || j.state === 'failed' ? j : undefined;
    }, 30_000, 'the carousel to be settled after the restart');
    expect(done.state, done.error).toBe('done');
    expect(instagram.published).toHaveLength(1);
    expect(done.postId).toBe(instagram.published[0].id);
    expect(done.url).toBe(instagram.published[0].permalink);
    expect(instagram.violations).toEqual([]);
    for (const s of servers) expect(s.stdout() + s.stderr()).not.toContain(INSTAGRAM_TEST_TOKEN);
    await kill(second.cli);
  });

  it('publishes once from the command line while a server runs on the same folder, whichever takes the job', async () => {
    const server = await serve();
    const file = path.join(data, 'cli-thread.json');
    writeFileSync(file, JSON.stringify(doc([post('p1', [para('From the command line, beside a server')]), post('p2', [para('Second post.')]), post('p3', [para('Third post.')])])));
    const before = linkedin.posts.length;
    const cli = spawnCli(['publish', 'linkedin', file, '--data', data, '--text', 'From the command line, beside a server'], env());
    expect(await cli.exit, cli.stderr()).toBe(0);
    expect(linkedin.posts.length).toBe(before + 1);
    expect(cli.stdout().trim()).toBe(`https://www.linkedin.com/feed/update/${linkedin.posts.at(-1)!.id}/`);
    await kill(server.cli);
  });
});
