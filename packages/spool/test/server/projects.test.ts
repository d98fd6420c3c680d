import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { doc, para, post, words } from '../helpers/documents.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.stop();
});

const document = doc([post('1', [para(words(25))]), post('2', [para(words(40, 3))]), post('3', [para(words(30, 5))])]);

describe('projects API', () => {
  it('opens on the sample project', async () => {
    const list = await server.json('GET', '/api/projects');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: 'Turn a thread into a carousel people finish', title: 'Turn a thread into a carousel people finish' });
    expect(list[0].slides).toBeGreaterThan(5);
    const sample = await server.json('GET', `/api/projects/${list[0].id}`);
    const media = sample.document.posts.flatMap((p: any) => p.media.map((m: any) => m.src));
    expect(media.length).toBeGreaterThan(0);
    for (const src of media) expect(src).toMatch(/^asset:[0-9a-f]{24}$/);
  });

  it('creates, reads, lists, updates, duplicates and deletes', async () => {
    const res = await server.call('POST', '/api/projects', { name: 'Distillation', document, design: { theme: 'midnight', ratio: 'instagram-square' } });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ name: 'Distillation', revision: 1, document });
    expect(created.deck.design).toMatchObject({ theme: 'midnight', ratio: { width: 1080, height: 1080 } });
    expect(created.deck.slides.length).toBeGreaterThanOrEqual(3);

    const list = await server.json('GET', '/api/projects');
    expect(list.find((p: any) => p.id === created.id)).toEqual({
      id: created.id, name: 'Distillation', updatedAt: created.updatedAt, slides: created.deck.slides.length, title: created.deck.title ?? 'Distillation',
    });

    const deck = structuredClone(created.deck);
    deck.slides = deck.slides.slice(0, 2);
    const updated = await server.json('PUT', `/api/projects/${created.id}`, { deck, name: 'Shorter', revision: 1 });
    expect(updated).toMatchObject({ name: 'Shorter', revision: 2 });
    expect(updated.deck.slides).toHaveLength(2);
    expect((await server.json('GET', `/api/projects/${created.id}`)).deck).toEqual(deck);

    const copyRes = await server.call('POST', `/api/projects/${created.id}/duplicate`);
    expect(copyRes.status).toBe(201);
    const copy = await copyRes.json();
    expect(copy).toMatchObject({ name: 'Shorter (copy)', revision: 1, deck });

    expect((await server.call('DELETE', `/api/projects/${created.id}`)).status).toBe(204);
    const gone = await server.call('GET', `/api/projects/${created.id}`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ error: `project "${created.id}" not found` });
    expect((await server.call('DELETE', `/api/projects/${created.id}`)).status).toBe(404);
  });

  it('creates an empty project with nothing given', async () => {
    const res = await server.call('POST', '/api/projects', {});
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created.name).toBe('Untitled carousel');
    expect(created.document.posts).toEqual([]);
  });

  it('refuses a save based on a stale revision with 409', async () => {
    const created = await server.json('POST', '/api/projects', { document });
    await server.json('PUT', `/api/projects/${created.id}`, { name: 'First tab', revision: 1 });
    const res = await server.call('PUT', `/api/projects/${created.id}`, { name: 'Second tab', revision: 1 });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error).toMatch(/is at revision 2, not 1/);
    expect(body.revision).toBe(2);
    expect((await server.json('GET', `/api/projects/${created.id}`)).name).toBe('First tab');
  });

  it('refuses an invalid deck with 400 naming the field', async () => {
    const created = await server.json('POST', '/api/projects', { document });
    const deck = structuredClone(created.deck);
    deck.slides[1].blocks[0].spans = 'not spans';
    const res = await server.call('PUT', `/api/projects/${created.id}`, { deck });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe('deck.slides[1].blocks[0].spans: expected array');
    const bad = await server.call('POST', '/api/projects', { design: { theme: 'neon' } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/^design\.theme: unknown theme "neon"/);
    const empty = await server.call('PUT', `/api/projects/${created.id}`, {});
    expect(empty.status).toBe(400);
    const unknownKey = await server.call('PUT', `/api/projects/${created.id}`, { title: 'x' });
    expect((await unknownKey.json()).error).toBe('unknown key "title"');
  });

  it('answers bad JSON with 400', async () => {
    const res = await server.call('POST', '/api/projects', '{"name": ', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/invalid JSON/);
  });
});

describe('restart', () => {
  it('keeps projects across a restart on the same data folder', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'spool-restart-'));
    try {
      const first = await startTestServer({ dataDir });
      const created = await first.json('POST', '/api/projects', { name: 'Keep me', document });
      await first.json('PUT', `/api/projects/${created.id}`, { name: 'Kept', revision: 1 });
      await first.stop();
      const second = await startTestServer({ dataDir });
      const again = await second.json('GET', `/api/projects/${created.id}`);
      expect(again).toMatchObject({ name: 'Kept', revision: 2, document });
      // The sample is written once per database, not on every start.
      expect((await second.json('GET', '/api/projects')).length).toBe(2);
      expect(second.store.integrityCheck()).toBe('ok');
      await second.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('full disk', () => {
  it('answers 507 naming the data folder, and keeps the last good save', async () => {
    const created = await server.json('POST', '/api/projects', { name: 'Before the disk filled', document });
    // Capping the page count makes SQLite hit the same SQLITE_FULL a full disk gives.
    const db = (server.store as unknown as { db: { read: (fn: (db: { pragma(s: string, o?: object): unknown }) => unknown) => unknown } }).db;
    const pages = db.read((raw) => raw.pragma('page_count', { simple: true })) as number;
    db.read((raw) => raw.pragma(`max_page_count = ${pages + 1}`));
    try {
      const big = structuredClone(document);
      // Spread over posts: one post of this size would be refused by the 100,000-character limit.
      big.posts = Array.from({ length: 20 }, (_, p) => post(String(p + 1), Array.from({ length: 150 }, (_, i) => para(`paragraph ${i} `.repeat(20)))));
      const res = await server.call('PUT', `/api/projects/${created.id}`, { document: big, revision: 1 });
      expect(res.status).toBe(507);
      expect(await res.json()).toEqual({ error: `data folder ${server.dataDir} is full: nothing was saved; free some space and try again` });
    } finally {
      db.read((raw) => raw.pragma('max_page_count = 4294967294'));
    }
    expect(await server.json('GET', `/api/projects/${created.id}`)).toMatchObject({ name: 'Before the disk filled', revision: 1, document });
    expect(server.store.integrityCheck()).toBe('ok');
  });
});
