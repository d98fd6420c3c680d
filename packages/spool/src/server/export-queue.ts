import { randomUUID } from 'node:crypto';
import type { Deck } from '../model/deck.js';
import type { ExportJob, ExportJobRequest } from '../store/export-jobs.js';
import type { Store } from '../store/store.js';
import { leaseOwnerAlive, leaseOwnerAtWork } from './data-lock.js';
import { HttpError, errorAnswer } from './http-errors.js';
import type { ServerRenderer } from './render.js';
import type { JobObserver } from './metrics.js';

export interface ExportQueueOptions {
  store: Store;
  renderer: ServerRenderer;
  /** Jobs worked on at once: fewer than the render pool's workers, so the studio's own exports find one free. */
  concurrency: number;
  /** Whether the render pool can take a job now; none is taken from the queue while it cannot. */
  poolHasRoom?: () => boolean;
  /** How often the queue looks for jobs left by a stopped or crashed server, in ms; default 1000. */
  pollMs?: number;
  /** How long a job is held without word from its owner; default 2 minutes. */
  leaseMs?: number;
  /** Jobs waiting or running before new ones are turned away (503); default 1000. */
  maxPending?: number;
  /** How long finished jobs and their files are kept; default 24 hours. */
  keepMs?: number;
  /** Told of each job done or failed, with its time from being queued (kind `export-job`). */
  onJob?: JobObserver;
}

const DEFAULT_LEASE_MS = 120_000;
/** A job taken up this often without an answer (each time its server stopped or died making it) fails. */
const MAX_ATTEMPTS = 3;
/** How long the queue waits after the pool turned a job away. */
const BUSY_BACKOFF_MS = 1000;
const DEFAULT_KEEP_MS = 24 * 3600_000;
const PRUNE_EVERY_MS = 60_000;

/**
 * Exports as durable jobs, for automation that renders in bulk: a job is stored before it is
 * answered, taken with a lease, made in the render pool like any export, and its file kept in the
 * store. A server that stops gives its jobs back; one that dies leaves them to the next start,
 * which takes them up once their owner is gone. Written by hand on the store's own lease pattern
 * (as the publisher is), since the embedded store is SQLite.
 */
export class ExportQueue {
  readonly owner = `${process.pid}:${randomUUID()}`;
  private readonly running = new Map<string, Promise<void>>();
  private timer?: NodeJS.Timeout;
  private stopped = true;
  private lastPrune = 0;
  /** No job is taken before this time: the pool turned one away. */
  private notBefore = 0;

  constructor(private readonly options: ExportQueueOptions) {}

  /** Stores the job and starts it when a place is free. */
  enqueue(request: Omit<ExportJobRequest, 'deck'> & { deck: Deck }, projectId?: string): ExportJob {
    const { store } = this.options;
    const max = this.options.maxPending ?? 1000;
    if (store.exportJobs.pending() >= max) {
      throw new HttpError(503, `the export queue is full (${max} jobs waiting or running); try again once some are done`, { 'retry-after': '30' });
    }
    if (request.page !== undefined && request.format === 'pdf') throw new HttpError(400, 'page: a single page can be exported as png, jpeg or svg, not pdf');
    const job = store.exportJobs.create(request, projectId);
    this.kick();
    return job;
  }

  /** Takes up waiting jobs now and every `pollMs` until stopped. */
  start(): void {
    this.stopped = false;
    leaseOwnerAtWork(this.owner, true);
    this.kick();
  }

  /** Stops taking jobs; those in the pool get `graceMs` to finish, the rest go back to the queue. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopped = true;
    leaseOwnerAtWork(this.owner, false);
    if (this.timer) clearTimeout(this.timer);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.running.values()]), new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
    for (const id of this.running.keys()) this.quietly(() => this.options.store.exportJobs.release(id, this.owner));
  }

  /** Jobs this server works on now. */
  get active(): number {
    return this.running.size;
  }

  private kick(delay = 0): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fill(), delay);
  }

  /** Takes jobs until every place is busy or none waits; then looks again after `pollMs`. */
  private fill(): void {
    if (this.stopped) return;
    const { store } = this.options;
    const wait = this.notBefore - Date.now();
    if (wait > 0) {
      this.timer = setTimeout(() => this.fill(), wait);
      return;
    }
    try {
      while (this.running.size < this.options.concurrency && (this.options.poolHasRoom?.() ?? true)) {
        const next = store.exportJobs.claimNext(this.owner, this.leaseMs, leaseOwnerAlive(this.owner));
        if (!next) break;
        const { id } = next.job;
        const work = this.run(next.job, next.request)
          .catch((err: unknown) => this.warn(err))
          .finally(() => {
            if (this.running.get(id) === work) this.running.delete(id);
            this.kick();
          });
        this.running.set(id, work);
      }
      if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) {
        this.lastPrune = Date.now();
        store.exportJobs.prune(new Date(Date.now() - (this.options.keepMs ?? DEFAULT_KEEP_MS)));
      }
    } catch (err) {
      this.warn(err);
    }
    if (!this.stopped) this.timer = setTimeout(() => this.fill(), this.options.pollMs ?? 1000);
  }

  /** The store may be closing under a stopping server, or failing; the next look tries again. */
  private warn(err: unknown): void {
    if (!this.stopped) process.emitWarning(`Spool: exports paused: ${err instanceof Error ? err.message : String(err)}`);
  }

  private quietly(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.warn(err);
    }
  }

  private get leaseMs(): number {
    return this.options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  private observe(job: ExportJob, outcome: 'done' | 'failed'): void {
    this.options.onJob?.('export-job', outcome, (Date.now() - Date.parse(job.createdAt)) / 1000);
  }

  private async run(job: ExportJob, request: ExportJobRequest): Promise<void> {
    const { store, renderer } = this.options;
    if (job.attempts > MAX_ATTEMPTS) {
      const message = `export given up after ${MAX_ATTEMPTS} attempts: each time, the server stopped or died before the file was made`;
      if (store.exportJobs.fail(job.id, this.owner, message)) this.observe(job, 'failed');
      return;
    }
    // A long render keeps its lease; a job whose lease ran out while the server stalled is someone else's.
    const keep = setInterval(() => this.quietly(() => store.exportJobs.extend(job.id, this.owner, this.leaseMs)), Math.max(250, this.leaseMs / 3));
    try {
      const file = await renderer.render({ ...request, deck: request.deck as Deck });
      if (store.exportJobs.finish(job.id, this.owner, file)) this.observe(job, 'done');
    } catch (err) {
      const answer = errorAnswer(err);
      // The pool was full or the server is stopping: the job waits its turn again rather than failing.
      if (answer.status === 503 || this.stopped) {
        store.exportJobs.release(job.id, this.owner);
        this.notBefore = Date.now() + BUSY_BACKOFF_MS;
      } else if (store.exportJobs.fail(job.id, this.owner, answer.body.error)) {
        this.observe(job, 'failed');
      }
    } finally {
      clearInterval(keep);
    }
  }
}
