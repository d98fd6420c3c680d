import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ starterContent: false });
});

afterAll(async () => {
  await server.stop();
});

async function healthy(): Promise<void> {
  expect((await server.call('GET', '/api/health')).status).toBe(200);
}

/**
 * Streams up to `total` bytes in chunked encoding over a raw socket, 1 MB at a time, and stops as
 * soon as an answer arrives; returns the status, the JSON error and how much had been sent by then.
 * The pause between chunks lets the answer be read before the reset of a connection still being
 * written to discards it on the client side.
 */
function streamBody(url: string, contentType: string, total: number): Promise<{ status: number; error?: string; sent: number }> {
  const { hostname, port, pathname, search } = new URL(url);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let received = '';
    let sentAtAnswer: number | undefined;
    const socket = net.connect(Number(port), hostname);
    const finish = () => {
      const m = /^HTTP\/1\.1 (\d+)[\s\S]*?\r\n\r\n([\s\S]*)$/.exec(received);
      if (!m) return reject(new Error(`no answer after ${sent} bytes: ${JSON.stringify(received.slice(0, 200))}`));
      const json = /\{.*\}/.exec(m[2]);
      resolve({ status: Number(m[1]), error: json ? JSON.parse(json[0]).error : undefined, sent: sentAtAnswer ?? sent });
    };
    socket.on('data', (c) => {
      sentAtAnswer ??= sent;
      received += c;
    });
    socket.on('error', () => {});
    socket.on('close', finish);
    socket.write(`POST ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: ${contentType}\r\nTransfer-Encoding: chunked\r\n\r\n`);
    const chunk = Buffer.concat([Buffer.from('100000\r\n'), Buffer.alloc(0x100000, 0x61), Buffer.from('\r\n')]);
    void (async () => {
      while (sentAtAnswer === undefined && !socket.destroyed && sent < total) {
        sent += 0x100000;
        if (!socket.write(chunk)) await new Promise((r) => socket.once('drain', r));
        await new Promise((r) => setTimeout(r, 20));
      }
      if (!socket.destroyed) socket.end('0\r\n\r\n');
    })();
  });
}

describe('oversized bodies', () => {
  it('answers 413 to a 100 MB streamed body long before it is all sent', async () => {
    for (const [route, type, limit] of [['/api/projects', 'application/json', 5], ['/api/assets?name=big.png', 'image/png', 25]] as const) {
      const res = await streamBody(`${server.url}${route}`, type, 100 * 1024 * 1024);
      expect(res.status).toBe(413);
      expect(res.error).toMatch(new RegExp(`larger than the ${limit} MB limit`));
      expect(res.sent).toBeLessThan(60 * 1024 * 1024);
    }
    await healthy();
  });
});

describe('hostile SVG uploads', () => {
  const svg = (inner: string, prolog = '') =>
    `${prolog}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20">${inner}</svg>`;

  it('stores SVG with script only as pixels, so the script can never run', async () => {
    const res = await server.call('POST', '/api/assets?name=x.svg', svg('<script>alert(1)</script><rect width="40" height="20" onload="alert(2)"/>'), { 'content-type': 'image/svg+xml' });
    expect(res.status).toBe(201);
    const asset = await res.json();
    expect(asset.mime).toBe('image/png');
    const served = await server.call('GET', `/api/assets/${asset.id}`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).includes('alert')).toBe(false);
  });

  it('refuses external references and entity declarations with 400', async () => {
    const cases: [string, RegExp][] = [
      [svg('<image href="file:///etc/passwd" width="40" height="20"/>'), /refers to external files/],
      [svg('<image xlink:href="/etc/hostname" width="40" height="20"/>'), /refers to external files/],
      [svg('<image href="http://169.254.169.254/latest/meta-data" width="4" height="2"/>'), /refers to external files/],
      [svg('<text>&xxe;</text>', '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'), /entity declarations/],
      [svg('<text>&lol9;</text>', '<!DOCTYPE svg [<!ENTITY lol "lol"><!ENTITY lol9 "&lol;&lol;&lol;">]>'), /entity declarations/],
      [svg('<rect width="40" height="20"/>', '<!DOCTYPE svg [<!ENTITY e "x">]>').replace('<svg', '<svg data-e="&e;"'), /entity declarations/],
    ];
    for (const [body, message] of cases) {
      const res = await server.call('POST', '/api/assets?name=evil.svg', body, { 'content-type': 'image/svg+xml' });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(message);
    }
    await healthy();
  });
});

describe('hostile uploads as fonts and images', () => {
  it('refuses an image, a zip and random bytes sent as fonts', async () => {
    const png = readFileSync(path.join(fixtures, 'x-archive', 'data', 'tweets_media', '1801000000000000201-GQ1abcWcAAx9Yt.png'));
    for (const bytes of [png, zipSync({ 'a.txt': new Uint8Array(10) }), Buffer.from([0, 1, 0, 0, ...Array(60).fill(255)])]) {
      const res = await server.call('POST', '/api/assets?name=brand.ttf', new Uint8Array(bytes), { 'content-type': 'font/ttf' });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(/^brand\.ttf: not a (usable )?font/);
    }
    await healthy();
  });
});

describe('hostile X archives through POST /api/import', () => {
  const tweets = readFileSync(path.join(fixtures, 'x-archive', 'data', 'tweets.js'));
  const upload = (files: Parameters<typeof zipSync>[0]) => ({ contentBase64: Buffer.from(zipSync(files)).toString('base64'), filename: 'archive.zip' });

  it('skips zip-slip names with a warning and imports the rest', async () => {
    const body = upload({
      'data/tweets.js': new Uint8Array(tweets),
      '../../../../tmp/spool-slip.js': new TextEncoder().encode('owned'),
      '/etc/spool-abs.js': new TextEncoder().encode('owned'),
      'data/..\\..\\win.js': new TextEncoder().encode('owned'),
    });
    const res = await server.call('POST', '/api/import', body);
    expect(res.status).toBe(200);
    const result = await res.json();
    expect(result.document.posts.length).toBeGreaterThan(0);
    expect(result.warnings.some((w: string) => /unsafe names/.test(w))).toBe(true);
  });

  it('refuses a ratio bomb with 400 and stays up', async () => {
    const res = await server.call('POST', '/api/import', upload({ 'data/tweets.js': [new Uint8Array(40 * 1024 * 1024), { level: 9 }] }));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/expands \d+-fold: refusing a likely zip bomb/);
    await healthy();
  });
});

describe('oversized documents through the API', () => {
  const author = { name: '', handle: '' };

  it('refuses a thread of 100,000 posts and a 1 MB post with 400 naming the limit', async () => {
    const many = JSON.stringify({ posts: Array.from({ length: 100_000 }, () => ({ author })) });
    const res = await server.call('POST', '/api/import', { text: many, filename: 'huge.json' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/^huge\.json: posts: 100,000 posts is more than the limit of 5,000 per document/);

    const long = JSON.stringify({ posts: [{ author, text: 'word '.repeat(200_000) }] });
    const res2 = await server.call('POST', '/api/import', { text: long, filename: 'long.json' });
    expect(res2.status).toBe(400);
    expect((await res2.json()).error).toMatch(/1,000,000 characters is more than the limit of 100,000 per post/);
  });

  it('refuses to save a document beyond the limits', async () => {
    const project = await server.json('POST', '/api/projects', { name: 'limits' });
    const document = { schemaVersion: 1, posts: [{ id: '1', author, media: [], blocks: [{ type: 'paragraph', spans: [{ text: 'a'.repeat(150_000) }] }] }] };
    const res = await server.call('PUT', `/api/projects/${project.id}`, { document, revision: 1 });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/document\.posts\[0\]\.blocks: 150,000 characters is more than the limit/);
    await healthy();
  });
});
