import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleProject, startTestServer, type TestServer } from './harness.js';

/** One sample from Prometheus text: the value of `name{labels}`, or undefined when it is not there. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-z_:][a-z0-9_:]*)(?:\{([^}]*)\})? (\S+)$/i.exec(line);
    if (!m || m[1] !== name) continue;
    const found = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v) && Object.keys(found).length === Object.keys(labels).length) return Number(m[3]);
  }
  return undefined;
}

describe('metrics and health', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ token: 'metrics-secret-token-0123456789' });
  });
  afterAll(() => server.stop());

  it('counts exports by outcome with their times, in Prometheus text and in /api/health', async () => {
    const before = await (await server.call('GET', '/metrics')).text();
    const { deck } = await sampleProject(server);
    for (let page = 1; page <= 3; page++) expect((await server.call('POST', '/api/render', { deck, format: 'svg', page })).status).toBe(200);
    const res = await server.call('GET', '/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const done = (t: string) => sample(t, 'spool_jobs_total', { kind: 'render', outcome: 'done' }) ?? 0;
    expect(done(text) - done(before)).toBe(3);
    const timed = (t: string) => sample(t, 'spool_job_duration_seconds_count', { kind: 'render' }) ?? 0;
    expect(timed(text) - timed(before)).toBe(3);
    expect(sample(text, 'spool_job_duration_seconds_sum', { kind: 'render' })).toBeGreaterThan(0);
    expect(sample(text, 'spool_pool_workers')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'spool_pool_waiting')).toBe(0);
    expect(sample(text, 'spool_publish_jobs', { state: 'scheduled' })).toBe(0);
    expect(sample(text, 'spool_process_resident_memory_bytes')).toBeGreaterThan(0);
    const health = await server.json('GET', '/api/health');
    expect(health).toMatchObject({ ok: true, version: '0.1.0', pool: { running: 0, waiting: 0 }, publish: {} });
    expect(health.pool.jobs.done).toBeGreaterThanOrEqual(3);
    expect(health.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it('counts an export that fails in its worker', async () => {
    const failed = async () => (await server.json('GET', '/api/health')).pool.jobs.failed as number;
    const before = await failed();
    const { deck } = await sampleProject(server);
    // The deck has no page 999: only laying it out in the worker finds that.
    const res = await server.call('POST', '/api/render', { deck, format: 'svg', page: 999 });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/page/);
    expect(await failed()).toBe(before + 1);
    const text = await (await server.call('GET', '/metrics')).text();
    expect(sample(text, 'spool_jobs_total', { kind: 'render', outcome: 'failed' })).toBe(1);
  });

  it('keeps /metrics behind the token, in every spelling', async () => {
    for (const route of ['/metrics', '/METRICS', '/%6detrics', '/metrics?x=1']) {
      const res = await fetch(`${server.url}${route}`);
      expect(res.status, route).toBe(401);
    }
    expect((await server.call('GET', '/metrics')).status).toBe(200);
  });
});
