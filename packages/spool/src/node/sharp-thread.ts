/**
 * The image worker thread (see sharp-worker.ts): loads sharp once and runs the jobs it is sent,
 * several at a time, answering each with its result or sharp's error message.
 */
import { parentPort } from 'node:worker_threads';
import type sharp from 'sharp';
import { requireSharp, sharpJobs, type SharpJobName } from './sharp-jobs.js';

export interface SharpThreadRequest {
  id: number;
  name: SharpJobName;
  arg: unknown;
}

export type SharpThreadReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };

const port = parentPort;
if (!port) throw new Error('sharp-thread runs only as a worker thread');
const lib = requireSharp();

port.on('message', ({ id, name, arg }: SharpThreadRequest) => {
  const job = sharpJobs[name] as (lib: typeof sharp, arg: unknown) => Promise<unknown>;
  Promise.resolve()
    .then(() => job(lib, arg))
    .then(
      (result) => port.postMessage({ id, ok: true, result } satisfies SharpThreadReply),
      (err: unknown) => port.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) } satisfies SharpThreadReply),
    );
});
