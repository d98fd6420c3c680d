/**
 * A worker: one thread of the server's pool. It loads the fonts and HarfBuzz once, then runs one
 * job at a time (an export, an import, an image or font check), so no user input ever holds up
 * the server's event loop.
 */
import { parentPort } from 'node:worker_threads';
import { renderDeck, type RenderOptions } from '../node/build.js';
import { bundleDeck } from '../deliver/bundle.js';
import { defaultTextEngine } from '../node/fonts.js';
import { ImageUnavailableError } from '../node/image-unavailable.js';
import { FontEngines } from './font-engines.js';
import { checkUpload } from './asset-ingest.js';
import { decodeHere } from './import-media.js';
import { parseSource } from './parse-job.js';
import { encodeJobError, jobParts, postMoving, transferablesOf, type Job, type JobResult, type RenderJob, type RenderJobResult, type BundleJob, type BundleJobResult } from './worker-jobs.js';

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; result: JobResult<Job> }
  | { type: 'failed'; id: number; error: ReturnType<typeof encodeJobError> };

const port = parentPort;
if (!port) throw new Error('worker-thread runs only as a worker thread');

const engines = new FontEngines();
// Parsing the bundled faces now means the first export pays no start-up cost.
defaultTextEngine();

function run(job: Job): Promise<JobResult<Job>> {
  switch (job.type) {
    case 'render':
      return render(job).then((result) => {
        // A painter may hand back a view into a shared slab; copy it so the buffer can move, not be cloned.
        const own = transferablesOf([result.bytes]).length > 0 ? result.bytes : new Uint8Array(result.bytes);
        return { ...result, bytes: own };
      });
    case 'bundle':
      return bundle(job);
    case 'parse':
      return parseSource(job);
    case 'decode':
      return decodeHere(job.images);
    case 'asset':
      return checkUpload(job.bytes, job.contentType, job.name);
  }
}

async function render(job: RenderJob): Promise<RenderJobResult> {
  const result = await renderDeck(job.deck, {
    format: job.format,
    page: job.page,
    zip: job.zip,
    ...deckInputs(job),
  });
  const file = result.files[0];
  return {
    fileName: file.name,
    bytes: file.bytes,
    pages: result.scenes.length,
    warnings: result.warnings.map((w) => w.message),
  };
}

async function bundle(job: BundleJob): Promise<BundleJobResult> {
  const { files: _files, timings: _timings, ...parts } = await bundleDeck(job.deck, { ...deckInputs(job), ...(job.caption !== undefined ? { caption: job.caption } : {}) });
  const own = (bytes: Uint8Array) => (transferablesOf([bytes]).length > 0 ? bytes : new Uint8Array(bytes));
  return { ...parts, pdf: own(parts.pdf), jpegs: parts.jpegs.map((j) => ({ name: j.name, bytes: own(j.bytes) })) };
}

/** What every deck job renders with: the uploaded fonts it names and the images the server fetched. */
function deckInputs(job: RenderJob | BundleJob): Pick<RenderOptions, 'engine' | 'source' | 'timeLimitMs' | 'images'> {
  const images = new Map(job.images.map((image) => [image.src, image]));
  return {
    engine: engines.engineFor(job.fonts),
    source: 'deck',
    // The pool's time limit governs here: it stops the whole worker, which also frees its memory.
    timeLimitMs: Number.POSITIVE_INFINITY,
    images: {
      resolve: async (src) => {
        const image = images.get(src);
        if (image) {
          if ('error' in image) throw image.unavailable ? new ImageUnavailableError(`${src}: ${image.error}`, image.error) : new Error(image.error);
          return image.bytes;
        }
        if (/^data:/i.test(src)) return undefined;
        throw new Error(`${src}: the server reads images only from uploads (asset:<id>), data: URIs and http(s) URLs`);
      },
    },
  };
}

port.on('message', (message: { id: number; job: Job }) => {
  const fail = (err: unknown) => port.postMessage({ type: 'failed', id: message.id, error: encodeJobError(err) } satisfies WorkerMessage);
  run(message.job)
    // A result that cannot be posted still answers the job, or the server would wait out its time limit.
    .then((result) => postMoving(port, { type: 'done', id: message.id, result } satisfies WorkerMessage, jobParts(result)))
    .catch(fail);
});

port.postMessage({ type: 'ready' } satisfies WorkerMessage);
