import { afterEach, describe, expect, it } from 'vitest';
import { sampleProject, startTestServer, type TestServer } from './harness.js';
import { expectValidPdf } from '../helpers/qpdf.js';

const servers: TestServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

async function serverWith(options: { renderWorkers: number; renderQueue?: number; renderTimeoutMs?: number; renderMemoryMb?: number }) {
  const server = await startTestServer(options);
  servers.push(server);
  return { server, deck: (await sampleProject(server)).deck };
}

/** The sample deck repeated until rendering it as PNGs takes seconds, not milliseconds. */
function largeDeck(deck: any, slides = 120): any {
  return { ...deck, slides: Array.from({ length: slides }, (_, i) => ({ ...deck.slides[i % deck.slides.length], id: `s${i}` })) };
}

describe('render pool', () => {
  it('renders off the request thread: health answers at once while a large export runs', async () => {
    const { server, deck } = await serverWith({ renderWorkers: 1 });
    let done = false;
    const big = server.call('POST', '/api/render', { deck: largeDeck(deck), format: 'png' }).then(async (res) => {
      done = true;
      return res;
    });
    await new Promise((r) => setTimeout(r, 1500));
    const times: number[] = [];
    for (let i = 0; i < 5 && !done; i++) {
      const start = performance.now();
      const res = await server.call('GET', '/api/health');
      expect(res.status).toBe(200);
      times.push(performance.now() - start);
    }
    expect(done).toBe(false);
    expect(Math.max(...times)).toBeLessThan(500);
    expect((await big).status).toBe(200);
  });

  it('turns exports away with 503 and Retry-After when every worker is busy and the queue is full', async () => {
    const { server, deck } = await serverWith({ renderWorkers: 1, renderQueue: 1 });
    const body = { deck: largeDeck(deck, 60), format: 'pdf' };
    const answers = await Promise.all(Array.from({ length: 5 }, () => server.call('POST', '/api/render', body)));
    const statuses = answers.map((res) => res.status).sort();
    expect(statuses).toEqual([200, 200, 503, 503, 503]);
    for (const res of answers.filter((r) => r.status === 200)) await expectValidPdf(new Uint8Array(await res.arrayBuffer()));
    const refused = answers.find((res) => res.status === 503)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await refused.json()).error).toMatch(/^busy with other exports and imports/);
    const health = await server.call('GET', '/api/health');
    expect(health.status).toBe(200);
    // Health tells who runs the server what was turned away.
    const { pool } = await health.json();
    expect(pool.jobs.refused).toBe(3);
    expect(pool.jobs.done).toBeGreaterThanOrEqual(2);
  });

  it('stops an export past the time limit with 504, and the next export still works', async () => {
    const { server, deck } = await serverWith({ renderWorkers: 1, renderTimeoutMs: 1500 });
    const slow = await server.call('POST', '/api/render', { deck: largeDeck(deck, 300), format: 'png' });
    expect(slow.status).toBe(504);
    expect((await slow.json()).error).toMatch(/^the export took longer than the 1\.5 s limit and was stopped/);
    const next = await server.call('POST', '/api/render', { deck, format: 'svg', page: 1 });
    expect(next.status).toBe(200);
    expect(await next.text()).toMatch(/^<svg/);
  });

  it('answers 500 naming the memory limit when an export outgrows its worker, and carries on', async () => {
    const { server, deck } = await serverWith({ renderWorkers: 1, renderMemoryMb: 64 });
    const huge = await server.call('POST', '/api/render', { deck: largeDeck(deck, 3000), format: 'pdf' });
    expect(huge.status).toBe(500);
    expect((await huge.json()).error).toMatch(/^the export needed more than the 64 MB a worker may use \(SPOOL_RENDER_MEMORY_MB\)/);
    const small = await server.call('POST', '/api/render', { deck: largeDeck(deck, 3), format: 'pdf' });
    expect(small.status).toBe(200);
    await expectValidPdf(new Uint8Array(await small.arrayBuffer()));
  });
});
