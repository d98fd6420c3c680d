import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { useTempStore } from '../helpers/temp-store.js';
import { leaseOwnerAlive, leaseOwnerAtWork } from '../../src/server/data-lock.js';
import { ExportQueue } from '../../src/server/export-queue.js';
import { HttpError } from '../../src/server/http-errors.js';
import type { ServerRenderer } from '../../src/server/render.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { defaultDesign } from '../../src/design/defaults.js';
import { doc, para, post } from '../helpers/documents.js';

const t = useTempStore('spool-export-jobs-');
const deck = planDeck(doc([post('1', [para('One post.')])]), defaultDesign());
const request = { deck, format: 'pdf' as const };

/** The id of a process that has exited: its leases are a dead server's. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('export job leases', () => {
  it('never takes back a job its own owner is making, however late its lease, but takes a dead owner’s', () => {
    const job = t.store.exportJobs.create(request);
    const owner = `${process.pid}:queue-a`;
    const alive = () => true;
    expect(t.store.exportJobs.claimNext(owner, 1, alive)?.job.id).toBe(job.id);
    // Its lease of 1 ms has run out: the owner is still at it (a stalled event loop), so it stays one job.
    const later = new Date(Date.now() + 1000);
    expect(t.store.exportJobs.claimNext(owner, 60_000, alive, later)).toBeUndefined();
    // Another owner may take it once the lease ran out.
    expect(t.store.exportJobs.claimNext(`${process.pid}:queue-b`, 60_000, alive, later)?.job).toMatchObject({ id: job.id, attempts: 2 });
    // The first owner's late answer is refused.
    expect(t.store.exportJobs.finish(job.id, owner, { name: 'a.pdf', mime: 'application/pdf', bytes: new Uint8Array(3), pages: 1, warnings: [] })).toBe(false);
    expect(t.store.exportJobs.fail(job.id, `${process.pid}:queue-b`, 'given up')).toBe(true);
    const dead = `${deadPid()}:gone`;
    const second = t.store.exportJobs.create(request);
    t.store.exportJobs.claimNext(dead, 60_000, () => true);
    expect(t.store.exportJobs.claimNext(owner, 60_000, leaseOwnerAlive(owner))?.job.id).toBe(second.id);
  });

  it('counts an owner of this process as there only while it is at work', () => {
    const self = `${process.pid}:self`;
    const other = `${process.pid}:other`;
    const alive = leaseOwnerAlive(self);
    expect(alive(self)).toBe(true);
    // A server that died and came back under the same process id holds none of its old leases.
    expect(alive(other)).toBe(false);
    leaseOwnerAtWork(other, true);
    expect(alive(other)).toBe(true);
    leaseOwnerAtWork(other, false);
    expect(alive(other)).toBe(false);
    expect(alive(`${deadPid()}:gone`)).toBe(false);
  });
});

describe('the export queue', () => {
  it('waits after the render pool turns a job away, instead of asking again at once', async () => {
    let calls = 0;
    // The pool's answer when it is full, as ServerRenderer passes it on.
    const renderer = { render: async () => { calls++; throw new HttpError(503, 'busy with other exports and imports (4 waiting); try again in 1 s'); } } as unknown as ServerRenderer;
    const queue = new ExportQueue({ store: t.store, renderer, concurrency: 1, pollMs: 20 });
    const job = queue.enqueue(request);
    queue.start();
    await new Promise((r) => setTimeout(r, 600));
    await queue.stop();
    expect(calls).toBe(1);
    expect(t.store.exportJobs.get(job.id)).toMatchObject({ state: 'queued', attempts: 0 });
  });

  it('gives a job up once servers stopped or died making it three times, saying so', async () => {
    const job = t.store.exportJobs.create(request);
    for (let i = 0; i < 3; i++) t.store.exportJobs.claimNext(`${deadPid()}:crashed`, 60_000, () => false);
    let calls = 0;
    const renderer = { render: async () => { calls++; throw new Error('not reached'); } } as unknown as ServerRenderer;
    const queue = new ExportQueue({ store: t.store, renderer, concurrency: 1, pollMs: 20 });
    queue.start();
    await new Promise((r) => setTimeout(r, 200));
    await queue.stop();
    expect(calls).toBe(0);
    expect(t.store.exportJobs.get(job.id)).toMatchObject({
      state: 'failed',
      attempts: 4,
      error: 'export given up after 3 attempts: each time, the server stopped or died before the file was made',
    });
  });
});
