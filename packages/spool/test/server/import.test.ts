import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const TYPES: Record<string, string> = { '.json': 'application/json', '.jpg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp' };

let server: TestServer;
let site: http.Server;
let siteUrl: string;

beforeAll(async () => {
  server = await startTestServer({ starterContent: false });
  // The fixture folder served over HTTP, as a thread and its images would be on the web.
  site = http.createServer((req, res) => {
    const file = path.join(fixtures, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(fixtures)) return void res.writeHead(403).end();
    try {
      const bytes = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(bytes);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
});

afterAll(async () => {
  await server.stop();
  await new Promise((resolve) => site.close(resolve));
});

describe('import API', () => {
  it('imports pasted thread text', async () => {
    const text = '1/ Spool turns threads into carousels 🧵\n\n2/ Every slide is laid out with real font metrics.\n\n3/ The preview is the export.';
    const result = await server.json('POST', '/api/import', { text, author: 'Ada Lovelace', handle: 'ada' });
    expect(result.document.posts).toHaveLength(3);
    expect(result.document.posts[0].author).toMatchObject({ name: 'Ada Lovelace', handle: 'ada' });
    expect(result.document.posts[1].blocks[0].spans.map((s: any) => s.text).join('')).toContain('real font metrics');
    // The 🧵 comes off, and the import says so.
    expect(result.warnings).toEqual(['posts[0]: removed the thread marker 🧵; a carousel shows it is a series by itself']);
  });

  it('imports the fixture thread from a URL, its images becoming assets', async () => {
    const result = await server.json('POST', '/api/import', { url: `${siteUrl}/kd-thread.json` });
    const posts = result.document.posts;
    expect(posts).toHaveLength(20);
    const media = posts.flatMap((p: any) => p.media.map((m: any) => m.src));
    expect(media).toHaveLength(3);
    for (const src of media) {
      expect(src).toMatch(/^asset:[0-9a-f]{24}$/);
      const asset = await server.call('GET', `/api/assets/${src.slice(6)}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(/^image\/(png|jpeg)$/);
    }
    expect(posts[0].media[0].alt).toMatch(/teacher model/);
    // The fixture's text was decoded with the wrong character set on purpose; that is repaired and said.
    expect(result.warnings.filter((w: string) => !/fixed characters garbled/.test(w))).toEqual([]);
  });

  it('imports an uploaded thread file, dropping images it cannot find with a warning per post', async () => {
    const contentBase64 = readFileSync(path.join(fixtures, 'kd-thread.json')).toString('base64');
    const result = await server.json('POST', '/api/import', { filename: 'kd-thread.json', contentBase64 });
    expect(result.document.posts).toHaveLength(20);
    expect(result.document.posts.flatMap((p: any) => p.media)).toEqual([]);
    expect(result.warnings.filter((w: string) => /dropped/.test(w))).toEqual([
      'posts[0] (@TheTuringPost): image media/kd-1.jpg dropped: it was not uploaded; pick it together with the thread file, or upload a ZIP of the thread with its media folder',
      'posts[6] (@TheTuringPost): image media/kd-7.png dropped: it was not uploaded; pick it together with the thread file, or upload a ZIP of the thread with its media folder',
      'posts[15] (@TheTuringPost): image media/kd-16.webp dropped: it was not uploaded; pick it together with the thread file, or upload a ZIP of the thread with its media folder',
    ]);
  });

  it('imports an uploaded ZIP of the thread file with its media folder, every image becoming an asset', async () => {
    const read = (name: string) => new Uint8Array(readFileSync(path.join(fixtures, name)));
    const zip = zipSync({ 'kd-thread.json': read('kd-thread.json'), 'media/kd-1.jpg': read('media/kd-1.jpg'), 'media/kd-7.png': read('media/kd-7.png') });
    const result = await server.json('POST', '/api/import', { filename: 'kd-thread.zip', contentBase64: Buffer.from(zip).toString('base64') });
    expect(result.document.posts).toHaveLength(20);
    const media = result.document.posts.flatMap((p: any) => p.media.map((m: any) => m.src));
    expect(media).toHaveLength(2);
    for (const src of media) expect((await server.call('GET', `/api/assets/${src.slice(6)}`)).status).toBe(200);
    // The image left out of the zip is named, with its post, and nothing names the server's folders.
    expect(result.warnings.filter((w: string) => /dropped/.test(w))).toEqual([
      'posts[15] (@TheTuringPost): image media/kd-16.webp dropped: it is not among the files given with kd-thread.json; add it and import again',
    ]);
    expect(JSON.stringify(result)).not.toMatch(/spool-import-|\/tmp\//);
  });

  it('stores data: URI images of an uploaded file', async () => {
    const pixel = readFileSync(path.join(fixtures, 'media', 'kd-7.png')).toString('base64');
    const thread = { posts: [{ author: { name: 'Ada', handle: 'ada', avatar: `data:image/png;base64,${pixel}` }, text: 'Look', media: [{ src: `data:image/png;base64,${pixel}` }] }] };
    const contentBase64 = Buffer.from(JSON.stringify(thread)).toString('base64');
    const result = await server.json('POST', '/api/import', { filename: 'thread.json', contentBase64 });
    const [post] = result.document.posts;
    expect(post.media[0].src).toMatch(/^asset:/);
    expect(post.author.avatar).toBe(post.media[0].src);
  });

  it('drops remote images that fail, naming the post', async () => {
    const thread = { posts: [{ author: { name: 'Ada', handle: 'ada' }, text: 'Gone', media: [{ src: `${siteUrl}/media/missing.png` }, { src: 'http://169.254.169.254/latest/meta-data' }] }] };
    const result = await server.json('POST', '/api/import', { text: JSON.stringify(thread) });
    expect(result.document.posts[0].media).toEqual([]);
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings[0]).toMatch(/^posts\[0\] \(@ada\): image http:\/\/127\.0\.0\.1:\d+\/media\/missing\.png dropped: could not fetch .*HTTP 404/);
    expect(result.warnings[1]).toMatch(/^posts\[0\] \(@ada\): image http:\/\/169\.254\.169\.254\/latest\/meta-data dropped: refused/);
  });

  it('refuses local file paths in pasted sources', async () => {
    const thread = { posts: [{ author: { name: 'Ada', handle: 'ada' }, text: 'Secret', media: [{ src: '/etc/hostname' }] }] };
    const result = await server.json('POST', '/api/import', { text: JSON.stringify(thread) });
    expect(result.document.posts[0].media).toEqual([]);
    expect(result.warnings[0]).toMatch(/local files are not read here/);
  });

  it('answers 400 to bad requests, naming the problem', async () => {
    const none = await server.call('POST', '/api/import', {});
    expect(none.status).toBe(400);
    expect((await none.json()).error).toBe('give exactly one of text, url or contentBase64 (with filename)');
    const badJson = await server.call('POST', '/api/import', { text: '{"posts": [', kind: 'thread-file', filename: 'kd.json' });
    expect(badJson.status).toBe(400);
    expect((await badJson.json()).error).toMatch(/^kd\.json: invalid JSON at line 1 column/);
    const blocked = await server.call('POST', '/api/import', { url: 'http://10.0.0.1/thread' });
    expect(blocked.status).toBe(400);
    expect((await blocked.json()).error).toMatch(/refused/);
  });
});
