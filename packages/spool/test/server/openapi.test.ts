import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_SUMMARIES } from '../../src/server/openapi.js';
import { startTestServer, type TestServer } from './harness.js';

describe('GET /api/openapi.json', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ starterContent: false });
  });
  afterAll(() => server.stop());

  it('describes every /api route the server answers, each with what it does', async () => {
    const doc = await server.json('GET', '/api/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    const api = server.routes.filter((r) => r.url.startsWith('/api'));
    expect(api.length).toBeGreaterThanOrEqual(35);
    const described = Object.entries(doc.paths as Record<string, Record<string, { summary: string }>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(described.sort()).toEqual(api.map((r) => `${r.method} ${r.url}`).sort());
    const unsummarised = api.map((r) => `${r.method} ${r.url}`).filter((k) => !ROUTE_SUMMARIES[k]);
    expect(unsummarised).toEqual([]);
    const publish = doc.paths['/api/projects/{id}/publish'].post;
    expect(publish.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
    expect(publish.requestBody.content['application/json']).toBeDefined();
  });
});
