import { Worker } from 'node:worker_threads';
import { HttpError } from './http-errors.js';
import { decodeJobError, jobParts, overrunMessage, postMoving, type Job, type JobResult } from './worker-jobs.js';
import type { WorkerMessage } from './worker-thread.js';
import type { JobObserver } from './metrics.js';

export interface WorkerPoolOptions {
  /** Worker threads rendering side by side. */
  size: number;
  /** Jobs waiting for a worker; past this, new jobs are turned away with 503. */
  maxQueue: number;
  /** A job running longer than this is abandoned and its worker replaced. */
  timeoutMs: number;
  /** Old-generation heap limit of each worker, in MB. */
  memoryMb: number;
  /** Told how each job ended and how long it took, waiting included. */
  onJob?: JobObserver;
}

interface Task {
  job: Job;
  resolve: (result: JobResult<Job>) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task?: Task & { id: number; timer: NodeJS.Timeout };
}

/**
 * Under vitest the server runs from its TypeScript sources. Node 20 ignores `--import tsx` in a
 * worker's execArgv, so there the worker is a small script that registers tsx itself and then loads
 * the TypeScript entry; from the built package the worker is the compiled JavaScript file.
 */
function startWorker(memoryMb: number): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./worker-thread.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb };
  if (!fromSource) return new Worker(entry, { resourceLimits });
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, resourceLimits });
}

/**
 * A fixed number of warm workers and a bounded queue in front of them, for every piece of work on
 * user input that costs CPU (exports, imports, image and font checks). Workers start on first need
 * and then stay, keeping their parsed fonts; one that crashes or overruns the time limit is
 * terminated and a fresh one takes its place, so one bad input costs one answer, never the server.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  /** Recent render time, to tell a turned-away client when to come back. */
  private averageMs = 1000;

  constructor(readonly options: WorkerPoolOptions) {}

  run<J extends Job>(job: J): Promise<JobResult<J>> {
    const observe = this.options.onJob;
    if (this.closed) return Promise.reject(new HttpError(503, 'the server is shutting down; no new work is taken', { 'retry-after': '5' }));
    // Jobs a free or not yet started worker will take do not count as waiting.
    const running = this.slots.filter((s) => s.task).length;
    if (this.queue.length >= this.options.maxQueue + this.options.size - running) {
      const retry = Math.min(60, Math.max(1, Math.ceil((this.averageMs * (this.queue.length + this.slots.length)) / this.options.size / 1000)));
      observe?.(job.type, 'refused', 0);
      return Promise.reject(
        new HttpError(503, `busy with other exports and imports (${this.queue.length} waiting); try again in ${retry} s`, { 'retry-after': String(retry) }),
      );
    }
    const entered = performance.now();
    const answer = new Promise<JobResult<J>>((resolve, reject) => {
      this.queue.push({ job, resolve: resolve as (result: JobResult<Job>) => void, reject });
      this.pump();
    });
    if (observe) {
      // Counting must never become an answer's failure, nor an unhandled rejection.
      const tell = (outcome: 'done' | 'failed') => () => {
        try {
          observe(job.type, outcome, (performance.now() - entered) / 1000);
        } catch {
          /* a broken observer loses a count, not a job */
        }
      };
      answer.then(tell('done'), tell('failed'));
    }
    return answer;
  }

  get busy(): { workers: number; running: number; waiting: number } {
    return { workers: this.slots.length, running: this.slots.filter((s) => s.task).length, waiting: this.queue.length };
  }

  /** Terminates every worker. Callers finish their requests first: jobs still queued are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new HttpError(503, 'the server is shutting down', { 'retry-after': '5' }));
    await Promise.all(this.slots.splice(0).map((slot) => this.stop(slot, new HttpError(503, 'the server is shutting down'))));
  }

  private idleSlot(): Slot | undefined {
    return this.slots.find((s) => s.ready && !s.task);
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      const slot = this.idleSlot();
      if (slot) {
        this.dispatch(slot, this.queue.shift()!);
        continue;
      }
      // Start a worker only when none are already starting for the jobs in the queue.
      const starting = this.slots.filter((s) => !s.ready).length;
      if (this.slots.length < this.options.size && starting < this.queue.length) this.spawn();
      else return;
    }
  }

  private dispatch(slot: Slot, task: Task): void {
    const id = this.nextId++;
    const started = performance.now();
    const timer = setTimeout(() => {
      const seconds = Math.round(this.options.timeoutMs / 100) / 10;
      const status = isExport(task.job) ? 504 : 422;
      void this.stop(slot, new HttpError(status, overrunMessage(task.job, seconds)));
      this.pump();
    }, this.options.timeoutMs);
    slot.task = {
      ...task,
      id,
      timer,
      resolve: (result) => {
        this.averageMs = this.averageMs * 0.8 + (performance.now() - started) * 0.2;
        task.resolve(result);
      },
    };
    postMoving(slot.worker, { id, job: task.job }, jobParts(task.job));
  }

  private spawn(): void {
    const worker = startWorker(this.options.memoryMb);
    // Requests in flight keep the process alive; an idle pool must not.
    worker.unref();
    const slot: Slot = { worker, ready: false };
    this.slots.push(slot);
    worker.on('message', (message: WorkerMessage) => this.onMessage(slot, message));
    worker.on('error', (err) => {
      if ((err as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') return this.onExit(slot, 500, `the worker failed: ${err.message}`);
      const what = (slot.task !== undefined && isExport(slot.task.job)) ? 'the export' : 'reading the input';
      // Input too large to read is the input's fault; an export of a deck that passed its checks is ours.
      this.onExit(slot, (slot.task !== undefined && isExport(slot.task.job)) ? 500 : 422, `${what} needed more than the ${this.options.memoryMb} MB a worker may use (SPOOL_RENDER_MEMORY_MB)`);
    });
    worker.on('exit', (code) => this.onExit(slot, 500, `the worker stopped unexpectedly (exit code ${code})`));
  }

  private onMessage(slot: Slot, message: WorkerMessage): void {
    if (message.type === 'ready') {
      slot.ready = true;
    } else if (slot.task && slot.task.id === message.id) {
      const task = slot.task;
      clearTimeout(task.timer);
      slot.task = undefined;
      if (message.type === 'done') task.resolve(message.result);
      else task.reject(decodeJobError(message.error));
    }
    this.pump();
  }

  /** A worker that died: its job fails and a fresh worker is started if work is waiting. */
  private onExit(slot: Slot, status: number, reason: string): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    if (slot.task) {
      clearTimeout(slot.task.timer);
      slot.task.reject(new HttpError(status, reason));
      slot.task = undefined;
    } else if (!slot.ready && this.queue.length > 0) {
      // A worker that cannot even start would otherwise leave the queue waiting forever.
      this.queue.shift()!.reject(new HttpError(500, reason));
    }
    this.pump();
  }

  private async stop(slot: Slot, error: Error): Promise<void> {
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    if (slot.task) {
      clearTimeout(slot.task.timer);
      slot.task.reject(error);
      slot.task = undefined;
    }
    await slot.worker.terminate();
  }
}

/** Exports (a file or a bundle) time out with 504 and fail with 500; reading input with 422. */
function isExport(job: Job): boolean {
  return job.type === 'render' || job.type === 'bundle';
}
