import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSampleServer, type TestServer } from './harness.js';
import { readPdf } from '../paint/pdf/read-pdf.js';
import { exited, serveInChild } from './child-server.js';

const started = useSampleServer();
let server: TestServer;
let sample: any;

beforeAll(() => {
  server = started.server();
  sample = started.sample();
});

/** Polls an export job until it is done or failed. */
async function settled(call: (method: string, route: string) => Promise<Response>, id: string, timeoutMs = 60_000): Promise<any> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const res = await call('GET', `/api/exports/${id}`);
    expect(res.status).toBe(200);
    const job = await res.json();
    if (job.state === 'done' || job.state === 'failed') return job;
    if (Date.now() > end) throw new Error(`export ${id} still ${job.state}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('export jobs (POST /api/exports)', () => {
  it('queues a project’s PDF, answers 202 at once, and serves the file once it is made', async () => {
    const res = await server.call('POST', '/api/exports', { projectId: sample.id, format: 'pdf' });
    expect(res.status).toBe(202);
    const queued = await res.json();
    expect(res.headers.get('location')).toBe(`/api/exports/${queued.id}`);
    expect(queued).toMatchObject({ format: 'pdf', projectId: sample.id });
    expect(['queued', 'running']).toContain(queued.state);
    const job = await settled(server.call, queued.id);
    expect(job).toMatchObject({ state: 'done', attempts: 1, fileUrl: `/api/exports/${queued.id}/file` });
    const file = await server.call('GET', job.fileUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    // Named as the synchronous export names it.
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="turn-a-thread-into-a-carousel-people-finish.pdf"');
    const pdf = await readPdf(new Uint8Array(await file.arrayBuffer()));
    expect(pdf.pages.length).toBe(job.file.pages);
    expect(pdf.pages.length).toBeGreaterThanOrEqual(sample.deck.slides.length);
    expect(job.file.size).toBeGreaterThan(1000);
  });

  it('exports any deck sent in the body, one page as a PNG at the platform size', async () => {
    const queued = await server.json('POST', '/api/exports', { deck: sample.deck, format: 'png', page: 2 });
    const job = await settled(server.call, queued.id);
    expect(job.state).toBe('done');
    const bytes = new Uint8Array(await (await server.call('GET', job.fileUrl)).arrayBuffer());
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'png', width: 1080, height: 1350 });
  });

  it('turns bad requests away with a 4xx that names the place, and stores nothing', async () => {
    const before = (await server.json('GET', '/api/health')).exports;
    const cases: [unknown, number, RegExp][] = [
      [{ format: 'pdf' }, 400, /projectId: give either projectId \(a saved project\) or deck, not both/],
      [{ projectId: sample.id, deck: sample.deck }, 400, /projectId: give either projectId/],
      [{ projectId: sample.id, format: 'gif' }, 400, /format/],
      [{ projectId: sample.id, format: 'pdf', page: 1 }, 400, /page: a single page can be exported as png, jpeg or svg, not pdf/],
      [{ projectId: 'prj_nothere', format: 'pdf' }, 404, /project "prj_nothere" not found/],
    ];
    for (const [body, status, message] of cases) {
      const res = await server.call('POST', '/api/exports', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect((await res.json()).error).toMatch(message);
    }
    expect((await server.json('GET', '/api/health')).exports).toEqual(before);
    const missing = await server.call('GET', '/api/exports/exp_nothere');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatch(/export "exp_nothere" not found/);
  });

  it('records why a job failed, in the words the synchronous route uses, and keeps its file back', async () => {
    const queued = await server.json('POST', '/api/exports', { projectId: sample.id, format: 'png', page: 999 });
    const job = await settled(server.call, queued.id);
    const sync = await server.call('GET', `/api/projects/${sample.id}/export?format=png&page=999`);
    expect(sync.status).toBe(400);
    expect(job).toMatchObject({ state: 'failed', error: (await sync.json()).error });
    expect(job.fileUrl).toBeUndefined();
    const file = await server.call('GET', `/api/exports/${job.id}/file`);
    expect(file.status).toBe(409);
    expect((await file.json()).error).toContain(`export ${job.id} failed: ${job.error}`);
  });

  it('counts its jobs at /api/health and /metrics, and deletes a job with its file', async () => {
    const job = await settled(server.call, (await server.json('POST', '/api/exports', { projectId: sample.id, format: 'svg', page: 1 })).id);
    const health = await server.json('GET', '/api/health');
    expect(health.exports.done).toBeGreaterThanOrEqual(3);
    expect(health.exports.failed).toBeGreaterThanOrEqual(1);
    const metrics = await (await server.call('GET', '/metrics')).text();
    expect(metrics).toMatch(new RegExp(`^spool_export_jobs\\{state="done"\\} ${health.exports.done}$`, 'm'));
    expect(metrics).toMatch(/^spool_export_jobs\{state="queued"\} 0$/m);
    expect(metrics).toMatch(/^spool_export_jobs_total\{outcome="done"\} [1-9]/m);
    expect(metrics).toMatch(/^spool_export_job_duration_seconds_count [1-9]/m);
    expect((await server.call('DELETE', `/api/exports/${job.id}`)).status).toBe(204);
    expect((await server.call('GET', `/api/exports/${job.id}`)).status).toBe(404);
    expect((await server.call('GET', `/api/exports/${job.id}/file`)).status).toBe(404);
  });
});

describe('export jobs across a crash', () => {
  it('finishes every accepted job, each once, after the server is killed mid-render', async () => {
    const data = mkdtempSync(path.join(tmpdir(), 'spool-export-crash-'));
    try {
      const first = await serveInChild(data);
      const call = (method: string, route: string, body?: unknown) =>
        fetch(`${first.url}${route}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
      const [project] = await (await call('GET', '/api/projects')).json();
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await call('POST', '/api/exports', { projectId: project.id, format: i % 2 ? 'png' : 'pdf' });
        expect(res.status).toBe(202);
        ids.push((await res.json()).id);
      }
      // Killed while a job is being rendered: its lease names a process that is gone.
      const end = Date.now() + 20_000;
      while (!(await Promise.all(ids.map(async (id) => (await (await call('GET', `/api/exports/${id}`)).json()).state))).includes('running')) {
        if (Date.now() > end) throw new Error('no export started');
        await new Promise((r) => setTimeout(r, 20));
      }
      first.child.kill('SIGKILL');
      await exited(first.child);

      const second = await serveInChild(data);
      try {
        const again = (method: string, route: string) => fetch(`${second.url}${route}`, { method });
        const jobs = await Promise.all(ids.map((id) => settled(again, id)));
        expect(jobs.map((j) => j.state)).toEqual(ids.map(() => 'done'));
        for (const [i, job] of jobs.entries()) {
          const bytes = new Uint8Array(await (await again('GET', job.fileUrl)).arrayBuffer());
          if (i % 2) expect(job.file.mime).toBe('application/zip');
          else expect((await readPdf(bytes)).pages.length).toBe(job.file.pages);
        }
        // Taken up again, not made twice: each job finished once, by the server that holds it now.
        const health = await (await again('GET', '/api/health')).json();
        expect(health.exports).toEqual({ done: 6 });
        const metrics = await (await again('GET', '/metrics')).text();
        const finishedHere = Number(/^spool_export_jobs_total\{outcome="done"\} (\d+)$/m.exec(metrics)?.[1] ?? 0);
        expect(finishedHere).toBeGreaterThanOrEqual(1);
        expect(finishedHere).toBeLessThanOrEqual(6);
        expect(jobs.some((j) => j.attempts >= 2)).toBe(true);
      } finally {
        second.child.kill('SIGTERM');
        await exited(second.child);
      }
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});
