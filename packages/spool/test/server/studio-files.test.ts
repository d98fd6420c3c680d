import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let server: TestServer;
let studio: string;

beforeAll(async () => {
  studio = mkdtempSync(path.join(tmpdir(), 'spool-studio-'));
  mkdirSync(path.join(studio, 'assets'));
  writeFileSync(path.join(studio, 'index.html'), '<!doctype html><title>Spool</title><script type="module" src="/assets/app-1a2b.js"></script>');
  writeFileSync(path.join(studio, 'assets', 'app-1a2b.js'), 'console.log("studio")');
  writeFileSync(path.join(studio, '.env'), 'SECRET=1');
  server = await startTestServer({ studioDir: studio, starterContent: false });
});

afterAll(async () => {
  await server.stop();
  rmSync(studio, { recursive: true, force: true });
});

describe('studio files', () => {
  it('serves index.html, revalidated, under the strict policy', async () => {
    const res = await server.call('GET', '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('/assets/app-1a2b.js');
  });

  it('caches hashed bundles for good', async () => {
    const res = await server.call('GET', '/assets/app-1a2b.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers the app’s own page routes with index.html', async () => {
    const res = await server.call('GET', '/projects/prj_123', undefined, { accept: 'text/html,application/xhtml+xml' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Spool</title>');
  });

  it('hides dotfiles and keeps API misses as JSON', async () => {
    expect((await server.call('GET', '/.env')).status).toBe(404);
    const api = await server.call('GET', '/api/missing', undefined, { accept: 'text/html' });
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: 'no such endpoint: GET /api/missing' });
  });
});
