import { Worker } from 'node:worker_threads';
import type { SharpJobArg, SharpJobName, SharpJobResult } from './sharp-jobs.js';
import type { SharpThreadReply, SharpThreadRequest } from './sharp-thread.js';

/**
 * One worker thread that loads sharp and runs image jobs (sharp-jobs.ts) for the whole process, so
 * that the calling thread never loads sharp (see the `worker` option of images.ts). It starts on
 * the first job and is reused; it keeps the process alive only while jobs are running. A worker
 * that dies fails the jobs it had; the next job starts a fresh one.
 */

interface Pending {
  resolve: (value: never) => void;
  reject: (err: Error) => void;
}

let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 1;

/**
 * Under vitest the library runs from its TypeScript sources, and Node 20 ignores `--import tsx` in a
 * worker's execArgv: there the worker registers tsx itself before loading the TypeScript entry.
 */
function startWorker(): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./sharp-thread.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  const execArgv = workerExecArgv();
  if (!fromSource) return new Worker(entry, { execArgv });
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, execArgv });
}

/** The process's Node flags, less `--input-type` (from `node --input-type=module -e`), which a worker refuses. */
function workerExecArgv(): string[] {
  const flags: string[] = [];
  for (let i = 0; i < process.execArgv.length; i++) {
    const flag = process.execArgv[i];
    if (flag === '--input-type') i++;
    else if (!flag.startsWith('--input-type=')) flags.push(flag);
  }
  return flags;
}

function ensureWorker(): Worker {
  if (worker) return worker;
  const started = startWorker();
  started.on('message', (reply: SharpThreadReply) => {
    const job = pending.get(reply.id);
    if (!job) return;
    settle(started, reply.id);
    if (reply.ok) job.resolve(reply.result as never);
    else job.reject(new Error(reply.message));
  });
  started.on('error', (err) => fail(started, `the image worker failed: ${err.message}`));
  started.on('exit', (code) => fail(started, `the image worker stopped unexpectedly (exit code ${code})`));
  // After the listeners: adding a 'message' listener refs the worker again.
  started.unref();
  worker = started;
  return started;
}

function settle(from: Worker, id: number): void {
  pending.delete(id);
  if (pending.size === 0 && worker === from) from.unref();
}

function fail(from: Worker, reason: string): void {
  if (worker !== from) return;
  worker = undefined;
  const jobs = [...pending.values()];
  pending.clear();
  for (const job of jobs) job.reject(new Error(reason));
}

/** Runs a job in the worker. A failure is sharp's error message, or why the worker stopped. */
export function runSharpInWorker<K extends SharpJobName>(name: K, arg: SharpJobArg<K>): Promise<SharpJobResult<K>> {
  return new Promise((resolve, reject) => {
    const target = ensureWorker();
    const id = nextId++;
    if (pending.size === 0) target.ref();
    pending.set(id, { resolve: resolve as (value: never) => void, reject });
    try {
      target.postMessage({ id, name, arg } satisfies SharpThreadRequest);
    } catch (err) {
      settle(target, id);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

/** Stops the worker now, failing any job it has; the next job starts a new one. */
export async function stopSharpWorker(): Promise<void> {
  const current = worker;
  if (!current) return;
  fail(current, 'the image worker was stopped');
  await current.terminate();
}
