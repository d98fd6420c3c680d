import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { startMockChatServer, type MockChatServer } from '../helpers/mock-chat-server.js';

const fixtures = path.resolve(import.meta.dirname, '..', 'fixtures');
const article = readFileSync(path.join(fixtures, 'kd-article.txt'), 'utf8');
const page = readFileSync(path.join(fixtures, 'html/flaky-tests.html'), 'utf8');
let plain: TestServer;
let withModel: TestServer;
let model: MockChatServer;
let site: http.Server;
let siteUrl: string;

beforeAll(async () => {
  model = await startMockChatServer({ apiKey: 'sk-api' });
  plain = await startTestServer({ starterContent: false });
  withModel = await startTestServer({ starterContent: false, model: { baseUrl: model.baseUrl, model: 'test-model', apiKey: 'sk-api', timeoutMs: 1000 } });
  site = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as { port: number }).port}/2025/flaky-tests`;
});

afterAll(async () => {
  await Promise.all([plain.stop(), withModel.stop(), model.close(), new Promise((resolve) => site.close(resolve))]);
});

describe('condensing on import', () => {
  it('condenses an uploaded article when asked, keeping its paragraphs, and keeps every paragraph by default', async () => {
    const contentBase64 = Buffer.from(article).toString('base64');
    const condensed = await plain.json('POST', '/api/import', { filename: 'kd-article.txt', contentBase64, condense: true });
    expect(condensed.document.title).toBe('Everything You Need to Know about Knowledge Distillation');
    expect(condensed.document.posts).toHaveLength(8);
    expect(condensed.document.source.blocks.length).toBeGreaterThan(15);
    expect(condensed.document.posts.every((p: { from?: number[] }) => (p.from?.length ?? 0) > 0)).toBe(true);
    const six = await plain.json('POST', '/api/import', { filename: 'kd-article.txt', contentBase64, condense: { slides: 6 } });
    expect(six.document.posts).toHaveLength(4);
    const full = await plain.json('POST', '/api/import', { filename: 'kd-article.txt', contentBase64 });
    expect(full.document.source).toBeUndefined();
    expect(full.document.posts.length).toBeGreaterThan(15);
  });

  it('condenses a page fetched by URL, with its headline, dek and address', async () => {
    const result = await plain.json('POST', '/api/import', { url: siteUrl, condense: true });
    expect(result.document.title).toBe('The quiet cost of flaky tests');
    expect(result.document.subtitle).toBe('Why a 2% flake rate costs more than you think, and what we did about it.');
    expect(result.document.source).toBeDefined();
    expect(result.document.url).toBe(siteUrl);
  });

  it('refuses a slide count out of range with a 400 naming the field', async () => {
    const res = await plain.call('POST', '/api/import', { text: article, kind: 'article', condense: { slides: 100 } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('condense');
  });
});

describe('rewrite API', () => {
  it('says in the catalog whether a model is configured, and refuses with 409 without one, asking nothing', async () => {
    expect((await plain.json('GET', '/api/catalog')).rewrite).toBe(false);
    expect((await withModel.json('GET', '/api/catalog')).rewrite).toBe(true);
    const { document } = await plain.json('POST', '/api/import', { text: article, kind: 'article', condense: true });
    const before = model.requests.length;
    const res = await plain.call('POST', '/api/rewrite', { document });
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatch(/no language model is configured/);
    expect(model.requests.length).toBe(before);
  });

  it('rewrites through the guard: the good answer used, the invented figure refused and named, a 429 kept as it was', async () => {
    const { document } = await withModel.json('POST', '/api/import', { text: article, kind: 'article', condense: true });
    model.behaviour = 'good';
    const good = await withModel.json('POST', '/api/rewrite', { document });
    expect(good.warnings).toEqual([]);
    expect(good.hook).toBe(true);
    expect(good.document.title).toBe('Small models, big teachers');
    model.behaviour = 'invent';
    const invented = await withModel.json('POST', '/api/rewrite', { document });
    expect(invented.warnings[0]).toContain('the model wrote “73%”, which the article does not say');
    expect(invented.document.posts[0]).toEqual(document.posts[0]);
    model.behaviour = 'rate-limit';
    const limited = await withModel.json('POST', '/api/rewrite', { document });
    expect(limited.document).toEqual(document);
    expect(limited.warnings[0]).toMatch(/429/);
    expect(model.violations).toEqual([]);
  });

  it('answers a malformed body with a 400 in JSON', async () => {
    const res = await withModel.call('POST', '/api/rewrite', { document: { posts: 'no' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toHaveProperty('error');
  });
});
