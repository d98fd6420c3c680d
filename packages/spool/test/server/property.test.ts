import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutatedJson, mutatedText } from '../helpers/mutate.js';
import { sampleProject, startTestServer, type TestServer } from './harness.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
/** Requests per property: each is a real round trip, some a render. */
const RUNS = 20;
let server: TestServer;
let sample: { id: string; revision: number; deck: unknown; document: unknown };

beforeAll(async () => {
  server = await startTestServer();
  sample = await sampleProject(server);
});

afterAll(async () => {
  await server.stop();
});

/** A success, or a 4xx with a JSON `error`; never a 5xx, a hang-up or a non-JSON failure. */
async function answersCleanly(method: string, route: string, body: unknown): Promise<number> {
  const res = await server.call(method, route, body === undefined ? 'null' : body, { 'content-type': 'application/json' });
  if (res.ok) {
    await res.arrayBuffer();
    return res.status;
  }
  const text = await res.text();
  expect(res.status, text).toBeGreaterThanOrEqual(400);
  expect(res.status, text).toBeLessThan(500);
  expect(typeof JSON.parse(text).error).toBe('string');
  return res.status;
}

async function stillUp(): Promise<void> {
  expect(await server.json('GET', '/api/health')).toMatchObject({ ok: true });
}

describe('the API answers hostile bodies cleanly and stays up', () => {
  it('POST /api/import with generated and mutated sources', async () => {
    const thread = readFileSync(path.join(fixtures, 'kd-thread.json'), 'utf8');
    const body = fc.oneof(
      mutatedJson({ text: '1/ one\n\n2/ two', kind: 'pasted', author: 'Ada', handle: 'ada' }),
      mutatedText(thread).map((text) => ({ text, filename: 'thread.json' })),
      fc.string({ unit: 'binary', maxLength: 500 }).map((text) => ({ text })),
      fc.uint8Array({ maxLength: 400 }).map((bytes) => ({ contentBase64: Buffer.from(bytes).toString('base64'), filename: 'upload.zip' })),
    );
    await fc.assert(fc.asyncProperty(body, (b) => answersCleanly('POST', '/api/import', b).then(() => undefined)), { numRuns: RUNS * 2 });
    await stillUp();
  });

  it('PUT /api/projects/:id with mutated decks and documents', async () => {
    const body = fc.oneof(
      mutatedJson({ deck: sample.deck }).map((b) => ({ ...(b as object), revision: undefined })),
      mutatedJson({ document: sample.document }),
      mutatedJson({ name: 'x', revision: 1 }),
    );
    await fc.assert(fc.asyncProperty(body, (b) => answersCleanly('PUT', `/api/projects/${sample.id}`, b).then(() => undefined)), { numRuns: RUNS * 2 });
    // Whatever was accepted, the project still loads.
    expect((await server.call('GET', `/api/projects/${sample.id}`)).status).toBe(200);
    await stillUp();
  });

  it('POST /api/render with mutated decks', async () => {
    const body = mutatedJson(sample.deck).map((deck) => ({ deck, format: 'svg', page: 1 }));
    await fc.assert(fc.asyncProperty(body, (b) => answersCleanly('POST', '/api/render', b).then(() => undefined)), { numRuns: RUNS });
    await stillUp();
  });
});
