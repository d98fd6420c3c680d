import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LookupFn } from '../../src/sources/fetch-guard.js';
import { mutatedJson, mutatedText } from '../helpers/mutate.js';
import { sampleProject, startTestServer, type TestServer } from './harness.js';

/**
 * Generated hostile requests against every kind of route: bodies of any shape, mutated real
 * sources, lying files, traversal and encoded paths, odd content types. Each answer must be a
 * success or a 4xx whose message a user can read, within 5 s. The default run sends a few hundred;
 * `npm run fuzz` sends 10,000 (SPOOL_FUZZ_RUNS) with a fixed seed (SPOOL_FUZZ_SEED) and prints the tally.
 */
const RUNS = Number(process.env.SPOOL_FUZZ_RUNS ?? 400);
const SEED = Number(process.env.SPOOL_FUZZ_SEED ?? 20261201);
const HANG_MS = 5_000;
const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const here = path.resolve(fixtures, '..', '..');

let server: TestServer;
let sample: { id: string; deck: unknown; document: unknown };

beforeAll(async () => {
  // Generated addresses never leave this machine: every host name is answered "no such host" here.
  const lookup: LookupFn = async (hostname) => {
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  };
  server = await startTestServer({ fetch: { lookup } });
  sample = await sampleProject(server);
});

afterAll(async () => {
  await server.stop();
});

interface Probe {
  method: string;
  path: string;
  body?: string | Uint8Array;
  contentType?: string;
}

const thread = readFileSync(path.join(fixtures, 'kd-thread.json'), 'utf8');
const tweets = readFileSync(path.join(fixtures, 'x-archive', 'data', 'tweets.js'));
const jpeg = readFileSync(path.join(fixtures, 'media', 'kd-1.jpg'));

const nasty = fc.constantFrom(
  '', '.', '..', '../../etc/passwd', '%2e%2e%2f', '\u0000', 'con', 'a'.repeat(300), '<script>alert(1)</script>',
  'x:/etc/passwd', 'file:///etc/passwd', 'http://127.0.0.1:1/', 'http://[::ffff:0:127.0.0.1]/', 'javascript:alert(1)', '\uFEFF', '𝓤𝓷𝓲𝓬𝓸𝓭𝓮',
);
const text = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), nasty);
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  fc.integer({ min: 1, max: jpeg.length - 1 }).map((n) => new Uint8Array(jpeg.subarray(0, n))),
  fc.constantFrom(
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="9000" height="9000"><filter id="f"><feMorphology radius="900"/></filter><rect width="9" height="9" filter="url(#f)"/></svg>'),
    new TextEncoder().encode('<!DOCTYPE svg [<!ENTITY a "a">]><svg>&a;</svg>'),
    zipSync({ 'data/tweets.js': new Uint8Array(tweets), '../evil.js': new Uint8Array([1]) }),
    new TextEncoder().encode('wOFF\u0000\u0001'),
  ),
);
const b64 = bytes.map((b) => Buffer.from(b).toString('base64'));
const kinds = fc.constantFrom(undefined, 'thread-file', 'document', 'pasted', 'article', 'markdown', 'html', 'url', 'x-api', 'x-archive', 'nope');
const contentTypes = fc.constantFrom('application/json', 'text/plain', 'image/png', 'image/svg+xml', 'font/woff2', 'application/octet-stream', 'multipart/form-data; boundary=x', '', 'application/json; charset=utf-16');
const deep = fc.constantFrom(
  `<article>${'<div><b>'.repeat(3000)}x`,
  '>'.repeat(5000),
  `${'['.repeat(3000)}x`,
  `---\ntitle: ${'a'.repeat(100)}\n---\n# ${'#'.repeat(10)}`,
);

const json = (value: unknown): string => JSON.stringify(value);

const importProbe: fc.Arbitrary<Probe> = fc
  .oneof(
    fc.record({ text: fc.oneof(text, deep, mutatedText(thread)), kind: kinds, filename: fc.option(text, { nil: undefined }) }, { requiredKeys: ['text'] }),
    fc.record({ url: fc.oneof(text, fc.webUrl()), kind: kinds }, { requiredKeys: ['url'] }),
    fc.record({ contentBase64: fc.oneof(b64, text), filename: fc.option(fc.oneof(text, fc.constantFrom('a.zip', 'a.md', 'a.html', 'tweets.js', 'x.json')), { nil: undefined }), kind: kinds }, { requiredKeys: ['contentBase64'] }),
    fc.jsonValue({ maxDepth: 4 }),
  )
  .map((body) => ({ method: 'POST', path: '/api/import', body: json(body), contentType: 'application/json' }));

const assetProbe: fc.Arbitrary<Probe> = fc
  .record({ bytes, type: contentTypes, name: text })
  .map(({ bytes: b, type, name }) => ({ method: 'POST', path: `/api/assets?name=${encodeURIComponent(name)}`, body: b, contentType: type }));

const routeProbe: fc.Arbitrary<Probe> = fc
  .record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
    route: fc.constantFrom('/api/projects', '/api/projects/ID', '/api/projects/ID/duplicate', '/api/projects/ID/export', '/api/brand-kits', '/api/brand-kits/ID', '/api/presets', '/api/presets/ID', '/api/assets/ID', '/api/fonts/ID/400/normal', '/api/emoji/ID', '/api/catalog', '/api/render', '/api/nope'),
    id: fc.oneof(text.map(encodeURIComponent), fc.constant('SAMPLE')),
    query: fc.oneof(fc.constant(''), text.map((t) => `?format=${encodeURIComponent(t)}&page=${encodeURIComponent(t)}`)),
    body: fc.oneof(fc.jsonValue({ maxDepth: 3 }).map(json), text),
    type: contentTypes,
  })
  .map(({ method, route, id, query, body, type }) => ({
    method,
    path: `${route.replace('ID', id === 'SAMPLE' ? sample.id : id)}${query}`,
    body: method === 'GET' || method === 'DELETE' ? undefined : body,
    contentType: type,
  }));

/** Built once the sample project is loaded: mutations of its real document and deck. */
const documentProbe = (): fc.Arbitrary<Probe> => fc
  .oneof(
    mutatedJson({ name: 'x', document: sample.document }).map((b) => ({ method: 'POST', path: '/api/projects', body: json(b) })),
    mutatedJson({ deck: sample.deck }).map((b) => ({ method: 'PUT', path: `/api/projects/${sample.id}`, body: json(b) })),
    mutatedJson({ deck: sample.deck, format: 'svg', page: 1 }).map((b) => ({ method: 'POST', path: '/api/render', body: json(b) })),
    mutatedJson({ name: 'Kit', kit: { name: 'Ada', handle: 'ada', accent: '#0A66C2' } }).map((b) => ({ method: 'POST', path: '/api/brand-kits', body: json(b) })),
  )
  .map((p) => ({ ...p, contentType: 'application/json' }));

/** Why a message would leave a user guessing, or undefined when it reads as one of ours. */
function unclear(message: unknown): string | undefined {
  if (typeof message !== 'string' || message.trim() === '') return 'no message';
  if (/\n\s+at |\bat .*\(.*:\d+:\d+\)/.test(message)) return 'a stack trace';
  for (const place of [tmpdir(), here, process.cwd()]) if (message.includes(place)) return `a server path (${place})`;
  if (/\[object \w+\]|\bundefined\b|\bNaN\b|Cannot read propert|is not a function|is not defined|Unexpected token|TypeError|ReferenceError|ERR_[A-Z_]+|E[A-Z]{3,}:/.test(message)) {
    return 'developer output';
  }
  if (message.length > 4000) return 'a message too long to read';
  return undefined;
}

interface Tally {
  sent: number;
  byStatus: Map<number, number>;
  slowest: number;
  failures: string[];
}

async function send(probe: Probe, tally: Tally): Promise<void> {
  const headers: Record<string, string> = {};
  if (probe.contentType) headers['content-type'] = probe.contentType;
  const started = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), HANG_MS * 2);
  let status = 0;
  let text = '';
  try {
    const res = await fetch(`${server.url}${probe.path}`, { method: probe.method, headers, body: probe.body as BodyInit | undefined, signal: controller.signal });
    status = res.status;
    text = await res.text();
  } catch (err) {
    tally.failures.push(`${probe.method} ${probe.path.slice(0, 80)}: no answer after ${Math.round(performance.now() - started)} ms (${(err as Error).message})`);
    if (process.env.SPOOL_FUZZ_DUMP) writeFileSync(path.join(process.env.SPOOL_FUZZ_DUMP, `hang-${tally.failures.length}.json`), probe.body ?? '');
    return;
  } finally {
    clearTimeout(timer);
  }
  const ms = performance.now() - started;
  tally.sent++;
  tally.slowest = Math.max(tally.slowest, ms);
  tally.byStatus.set(status, (tally.byStatus.get(status) ?? 0) + 1);
  const where = `${probe.method} ${probe.path.slice(0, 80)} -> ${status}`;
  if (ms > HANG_MS) {
    tally.failures.push(`${where}: took ${Math.round(ms)} ms`);
    if (process.env.SPOOL_FUZZ_DUMP) writeFileSync(path.join(process.env.SPOOL_FUZZ_DUMP, `slow-${tally.failures.length}.json`), probe.body ?? '');
  }
  if (status >= 500) tally.failures.push(`${where}: ${text.slice(0, 300)}`);
  if (status >= 400 && status < 500) {
    let error: unknown;
    try {
      error = (JSON.parse(text) as { error?: unknown }).error;
    } catch {
      error = undefined;
    }
    const why = unclear(error);
    if (why) {
      tally.failures.push(`${where}: unclear message (${why}): ${String(error).slice(0, 300)}`);
      if (process.env.SPOOL_FUZZ_DUMP) writeFileSync(path.join(process.env.SPOOL_FUZZ_DUMP, `unclear-${tally.failures.length}.txt`), String(error));
    }
  }
}

describe('hostile requests, generated', () => {
  it(`answers ${RUNS} of them with a success or a clear 4xx, each within ${HANG_MS / 1000} s`, async () => {
    const tally: Tally = { sent: 0, byStatus: new Map(), slowest: 0, failures: [] };
    const probe = fc.oneof({ arbitrary: importProbe, weight: 3 }, { arbitrary: assetProbe, weight: 2 }, { arbitrary: routeProbe, weight: 3 }, { arbitrary: documentProbe(), weight: 2 });
    await fc.assert(
      fc.asyncProperty(probe, async (p) => {
        await send(p, tally);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: false },
    );
    const health = await server.call('GET', '/api/health');
    expect(health.status).toBe(200);
    if (process.env.SPOOL_FUZZ_RUNS) {
      const statuses = [...tally.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(', ');
      process.stdout.write(`fuzz: ${tally.sent} requests (seed ${SEED}); ${statuses}; slowest ${Math.round(tally.slowest)} ms; ${tally.failures.length} failures\n`);
    }
    expect(tally.failures.slice(0, 20)).toEqual([]);
    expect(tally.sent).toBe(RUNS);
  }, 60_000 + RUNS * 200);
});
