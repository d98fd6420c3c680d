import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

/**
 * Small requests that once held the server's own thread for seconds or minutes. Each must be
 * answered within 2 s with a 4xx, while /api/health keeps answering in under 100 ms.
 */
const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ starterContent: false });
  // Warm the workers, so the timings below measure the request and not a thread starting.
  await server.call('POST', '/api/import', { text: 'Warm up.' });
});

afterAll(async () => {
  await server.stop();
});

/** How long /api/health takes at worst on this machine right now, with nothing else asked of the server. */
async function idleHealthMs(): Promise<number> {
  let worst = 0;
  for (let i = 0; i < 8; i++) {
    const start = performance.now();
    await server.call('GET', '/api/health');
    worst = Math.max(worst, performance.now() - start);
  }
  return worst;
}

/**
 * Sends the request five times in a row, polling /api/health all the while; returns the last answer,
 * the slowest request, and the health checks beyond what the machine's own noise costs an idle
 * server (`idleHealthMs`): the typical one (median) and the slowest. A stalled main thread makes
 * every check during it slow; a busy CI machine makes one now and then slow, which the median
 * looks past while the slowest still catches a stall of a second or more.
 */
async function whileHealthy(send: () => Promise<Response>): Promise<{ status: number; error: string; ms: number; worstHealthMs: number; typicalHealthMs: number; warnings?: string[] }> {
  const noise = await idleHealthMs();
  let finished = false;
  const health: number[] = [];
  const poll = (async () => {
    while (!finished) {
      const start = performance.now();
      const res = await server.call('GET', '/api/health');
      expect(res.status).toBe(200);
      health.push(Math.max(0, performance.now() - start - noise));
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  let ms = 0;
  let status = 0;
  let body: { error: string; warnings?: string[] } = { error: '' };
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const res = await send();
    body = await res.json();
    status = res.status;
    ms = Math.max(ms, performance.now() - start);
  }
  finished = true;
  await poll;
  const sorted = health.slice().sort((a, b) => a - b);
  return { status, error: body.error, ms, worstHealthMs: sorted.at(-1) ?? 0, typicalHealthMs: sorted[Math.floor(sorted.length / 2)] ?? 0, warnings: body.warnings };
}

const MORPHOLOGY_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="2000"><filter id="f"><feMorphology radius="1000"/></filter><rect width="2000" height="2000" filter="url(#f)"/></svg>';

describe('requests that must not stall the server', () => {
  it('refuses an feMorphology SVG upload before drawing it', async () => {
    expect(MORPHOLOGY_SVG.length).toBeLessThan(220);
    const r = await whileHealthy(() => server.call('POST', '/api/assets?name=m.svg', MORPHOLOGY_SVG, { 'content-type': 'image/svg+xml' }));
    expect(r.status).toBe(400);
    expect(r.error).toMatch(/m\.svg: this SVG would take too long to draw: its feMorphology radius is 540 px/);
    expect(r.ms).toBeLessThan(2000);
    expect(r.typicalHealthMs).toBeLessThan(100);
    expect(r.worstHealthMs).toBeLessThan(1000);
  });

  it('drops the same SVG sent as a data: URI in an import, naming it, and imports the rest', async () => {
    const thread = { posts: [{ author: { name: 'Ada', handle: 'ada' }, text: 'A chart.', media: [{ type: 'image', src: `data:image/svg+xml,${encodeURIComponent(MORPHOLOGY_SVG)}` }] }] };
    const r = await whileHealthy(() => server.call('POST', '/api/import', { text: JSON.stringify(thread), filename: 'thread.json' }));
    expect(r.status).toBe(200);
    expect(r.warnings?.join('\n')).toMatch(/posts\[0\] \(@ada\): image data:image\/svg\+xml.* dropped: .*feMorphology radius/);
    expect(r.ms).toBeLessThan(2000);
    expect(r.typicalHealthMs).toBeLessThan(100);
    expect(r.worstHealthMs).toBeLessThan(1000);
  });

  it('refuses HTML nested 100,000 levels deep', async () => {
    const html = `<html><body><article>${'<div><span><b>'.repeat(33_334)}Deep words.`;
    const r = await whileHealthy(() => server.call('POST', '/api/import', { text: html, kind: 'html' }));
    expect(r.status).toBe(400);
    expect(r.error).toMatch(/nested more than 512 levels deep/);
    expect(r.ms).toBeLessThan(2000);
    expect(r.typicalHealthMs).toBeLessThan(100);
    expect(r.worstHealthMs).toBeLessThan(1000);
  });

  it('refuses 20,000 bare nested <div>s as a file upload', async () => {
    const html = `<!doctype html><html><body>${'<div>'.repeat(20_000)}Words.`;
    const r = await whileHealthy(() => server.call('POST', '/api/import', { contentBase64: Buffer.from(html).toString('base64'), filename: 'page.html' }));
    expect(r.status).toBe(400);
    expect(r.error).toMatch(/^page\.html: this page cannot be read: its elements are nested more than 512 levels deep/);
    expect(r.ms).toBeLessThan(2000);
  });

  it.each([
    ['quotes', '>'.repeat(40_000) + ' deep\n'],
    ['emphasis marks', `${'*a '.repeat(10_000)}x${' b*'.repeat(10_000)}`],
    ['links', `${'['.repeat(10_000)}x${'](u)'.repeat(10_000)}`],
  ])('refuses Markdown with %s nested thousands deep', async (what, markdown) => {
    const r = await whileHealthy(() => server.call('POST', '/api/import', { text: markdown, kind: 'markdown', filename: 'deep.md' }));
    expect(r.status).toBe(400);
    expect(r.error).toContain(`deep.md: this Markdown cannot be read: its ${what} are nested more than 64 levels deep`);
    expect(r.ms).toBeLessThan(2000);
    expect(r.typicalHealthMs).toBeLessThan(100);
    expect(r.worstHealthMs).toBeLessThan(1000);
  });

  it('refuses a 700 KB archive that would expand to 600 MB, without inflating it', async () => {
    const before = process.memoryUsage().rss;
    const zip = zipOf([
      { name: 'data/tweets.js', bytes: readFileSync(path.join(fixtures, 'x-archive', 'data', 'tweets.js')) },
      ...Array.from({ length: 600 }, (_, i) => ({ name: `data/tweets_media/${i}-zeros.jpg`, bytes: ONE_MB_OF_ZEROS })),
    ]);
    expect(zip.length).toBeLessThan(1_000_000);
    const r = await whileHealthy(() => server.call('POST', '/api/import', { contentBase64: zip.toString('base64'), filename: 'archive.zip' }));
    expect(r.status).toBe(400);
    expect(r.error).toMatch(/^archive\.zip: the archive would expand \d+-fold, to 600 MB: refusing a likely zip bomb/);
    expect(r.ms).toBeLessThan(2000);
    expect(r.typicalHealthMs).toBeLessThan(100);
    expect(r.worstHealthMs).toBeLessThan(1000);
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
  });
});

const ONE_MB_OF_ZEROS = new Uint8Array(1024 * 1024);

/**
 * A zip written by hand, so 600 entries of the same megabyte are deflated once and the test does
 * not spend seconds compressing 600 MB. Local headers, then the central directory, then its end.
 */
function zipOf(entries: { name: string; bytes: Uint8Array }[]): Buffer {
  const deflated = new Map<Uint8Array, { data: Buffer; crc: number }>();
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    let packed = deflated.get(entry.bytes);
    if (!packed) {
      packed = { data: deflateRawSync(entry.bytes, { level: 9 }), crc: crc32(entry.bytes) };
      deflated.set(entry.bytes, packed);
    }
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.crc, 14);
    local.writeUInt32LE(packed.data.length, 18);
    local.writeUInt32LE(entry.bytes.length, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(packed.crc, 16);
    dir.writeUInt32LE(packed.data.length, 20);
    dir.writeUInt32LE(entry.bytes.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, packed.data);
    central.push(dir, name);
    offset += local.length + name.length + packed.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}
