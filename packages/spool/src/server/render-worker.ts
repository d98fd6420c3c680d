/**
 * A render worker: one thread of the server's pool. It loads the fonts and HarfBuzz once, then
 * renders one job at a time, so layout and painting never hold up the server's event loop.
 */
import { parentPort } from 'node:worker_threads';
import { renderDeck } from '../node/build.js';
import { defaultTextEngine } from '../node/fonts.js';
import { FontEngines } from './font-engines.js';
import { encodeJobError, transferablesOf, type RenderJob, type RenderJobResult } from './render-job.js';

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; result: RenderJobResult }
  | { type: 'failed'; id: number; error: ReturnType<typeof encodeJobError> };

const port = parentPort;
if (!port) throw new Error('render-worker runs only as a worker thread');

const engines = new FontEngines();
// Parsing the bundled faces now means the first export pays no start-up cost.
defaultTextEngine();

async function run(job: RenderJob): Promise<RenderJobResult> {
  const images = new Map(job.images.map((image) => [image.src, image]));
  const result = await renderDeck(job.deck, {
    format: job.format,
    page: job.page,
    zip: job.zip,
    engine: engines.engineFor(job.fonts),
    source: 'deck',
    images: {
      resolve: async (src) => {
        const image = images.get(src);
        if (image) {
          if ('error' in image) throw new Error(image.error);
          return image.bytes;
        }
        if (/^data:/i.test(src)) return undefined;
        throw new Error(`${src}: the server reads images only from uploads (asset:<id>), data: URIs and http(s) URLs`);
      },
    },
  });
  const file = result.files[0];
  return {
    fileName: file.name,
    bytes: file.bytes,
    pages: result.scenes.length,
    warnings: result.warnings.map((w) => w.message),
  };
}

port.on('message', (message: { id: number; job: RenderJob }) => {
  run(message.job).then(
    (result) => {
      // A painter may hand back a view into a shared slab; copy it so the buffer can move, not be cloned.
      const own = transferablesOf([result.bytes]).length > 0 ? result.bytes : new Uint8Array(result.bytes);
      const out: WorkerMessage = { type: 'done', id: message.id, result: { ...result, bytes: own } };
      port.postMessage(out, transferablesOf([own]));
    },
    (err: unknown) => port.postMessage({ type: 'failed', id: message.id, error: encodeJobError(err) } satisfies WorkerMessage),
  );
});

port.postMessage({ type: 'ready' } satisfies WorkerMessage);
