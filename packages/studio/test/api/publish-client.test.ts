import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, preflightHeader } from '../../src/api/client.js';

afterEach(() => vi.unstubAllGlobals());

const PREFLIGHT = { ok: false, linkedin: { ok: true }, instagram: { ok: true, api: false }, checks: [{ platform: 'instagram', scope: 'api', id: 'instagram-count-api', ok: false, message: '12 slides', fix: 'split' }] };

describe('the publishing calls', () => {
  it('send the submission’s Idempotency-Key with the JSON body', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify({ id: 'job1', state: 'running' }), { status: 202, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    const job = await api.publish('p1', { platform: 'linkedin', text: 'Hello', at: '2026-12-03T09:30:00+01:00' }, 'studio-abc');
    expect(job.id).toBe('job1');
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/projects/p1/publish');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'content-type': 'application/json', 'idempotency-key': 'studio-abc' });
    expect(JSON.parse(String(init.body))).toEqual({ platform: 'linkedin', text: 'Hello', at: '2026-12-03T09:30:00+01:00' });
  });

  it('keep a refusal’s preflight with its message', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: 'Instagram would not take this carousel: 12 slides — split', preflight: PREFLIGHT }), { status: 422 })));
    const err = await api.publish('p1', { platform: 'instagram' }, 'k').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(422);
    expect((err as ApiError).message).toBe('Instagram would not take this carousel: 12 slides — split');
    expect(((err as ApiError).body as { preflight: unknown }).preflight).toEqual(PREFLIGHT);
  });

  it('read the bundle’s pages, preflight and warnings from its headers', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(new Uint8Array([0x50, 0x4b, 3, 4]), {
      headers: {
        'content-type': 'application/zip',
        'x-spool-pages': '12',
        'x-spool-preflight': encodeURIComponent(JSON.stringify(PREFLIGHT)),
        'x-spool-warnings': encodeURIComponent(JSON.stringify(['slides[0]: image "ü" left out'])),
      },
    })));
    const bundle = await api.bundle('p1');
    expect(bundle.pages).toBe(12);
    expect(bundle.preflight).toEqual(PREFLIGHT);
    expect(bundle.warnings).toEqual(['slides[0]: image "ü" left out']);
    expect(bundle.blob.type).toBe('application/zip');
    expect(preflightHeader(null)).toBeUndefined();
    expect(preflightHeader('%E0%A4%A')).toBeUndefined();
    expect(preflightHeader(encodeURIComponent('{"ok":true}'))).toBeUndefined();
  });
});
