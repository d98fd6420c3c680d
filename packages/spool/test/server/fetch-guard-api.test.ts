import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LookupFn } from '../../src/sources/fetch-guard.js';
import { startTestServer, type TestServer } from './harness.js';

/**
 * The URL guard seen through POST /api/import: only the test site's own name is allowed through,
 * the way a public host would be, and every answer of the fake DNS is counted.
 */
let site: http.Server;
let port: number;
let server: TestServer;
let lookups: string[] = [];
let rebindAnswers: string[] = [];

const thread = JSON.stringify({ posts: [{ author: { name: 'Ada', handle: 'ada' }, text: 'Fetched from the vetted address.' }] });

const lookup: LookupFn = async (hostname) => {
  lookups.push(hostname);
  const table: Record<string, string> = { 'site.test': '127.0.0.1', 'metadata.test': '169.254.169.254', 'intranet.test': '10.1.2.3' };
  if (hostname === 'rebind.test') return [{ address: rebindAnswers.shift() ?? '127.0.0.1', family: 4 }];
  if (table[hostname]) return [{ address: table[hostname], family: 4 }];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
};

beforeAll(async () => {
  site = http.createServer((req, res) => {
    const to = (location: string) => res.writeHead(302, { location }).end();
    if (req.url === '/thread.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(thread);
    if (req.url === '/to-loopback') return to(`http://127.0.0.1:${port}/thread.json`);
    if (req.url === '/to-metadata-ip') return to('http://169.254.169.254/latest/meta-data/');
    if (req.url === '/to-metadata-name') return to(`http://metadata.test:${port}/thread.json`);
    if (req.url === '/to-intranet') return to(`http://intranet.test:${port}/thread.json`);
    if (req.url === '/to-file') return to('file:///etc/passwd');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  port = (site.address() as { port: number }).port;
  server = await startTestServer({ starterContent: false, fetch: { lookup, allowHosts: ['site.test', 'rebind.test'] } });
});

afterAll(async () => {
  await server.stop();
  await new Promise((resolve) => site.close(resolve));
});

async function importUrl(url: string): Promise<{ status: number; body: any }> {
  const res = await server.call('POST', '/api/import', { url, kind: 'url' });
  return { status: res.status, body: await res.json() };
}

describe('the fetch guard through POST /api/import', () => {
  it('imports from an allowed host', async () => {
    const { status, body } = await importUrl(`http://site.test:${port}/thread.json`);
    expect(status).toBe(200);
    expect(body.document.posts).toHaveLength(1);
  });

  it('refuses loopback, private and metadata addresses, directly and after redirects', async () => {
    const cases: [string, RegExp][] = [
      [`http://127.0.0.1:${port}/thread.json`, /loopback/],
      [`http://[::1]:${port}/thread.json`, /loopback/],
      [`http://2130706433:${port}/thread.json`, /loopback/],
      ['http://169.254.169.254/latest/meta-data/', /link-local|metadata/],
      [`http://site.test:${port}/to-loopback`, /refused http:\/\/127\.0\.0\.1.*loopback/],
      [`http://site.test:${port}/to-metadata-ip`, /refused http:\/\/169\.254\.169\.254/],
      [`http://site.test:${port}/to-metadata-name`, /metadata\.test resolves to 169\.254\.169\.254/],
      [`http://site.test:${port}/to-intranet`, /intranet\.test resolves to 10\.1\.2\.3/],
      [`http://site.test:${port}/to-file`, /refused file:/],
    ];
    for (const [url, message] of cases) {
      const { status, body } = await importUrl(url);
      expect(status, url).toBe(400);
      expect(body.error, url).toMatch(message);
    }
    expect((await server.call('GET', '/api/health')).status).toBe(200);
  });

  it('connects to the address it vetted, whatever the name resolves to next', async () => {
    // A rebinding name: the checked answer, then an internal one for whoever asks again.
    lookups = [];
    rebindAnswers = ['127.0.0.1', '10.0.0.1', '10.0.0.1'];
    const { status, body } = await importUrl(`http://rebind.test:${port}/thread.json`);
    expect(status).toBe(200);
    expect(body.document.posts[0].blocks[0].spans[0].text).toBe('Fetched from the vetted address.');
    expect(lookups.filter((h) => h === 'rebind.test')).toHaveLength(1);

  });

  it('drops images of an imported thread that point inside the network, with a warning', async () => {
    const text = JSON.stringify({
      posts: [{ author: { name: 'Ada', handle: 'ada' }, text: 'Look', media: [{ src: 'http://169.254.169.254/latest/meta-data/x.png' }, { src: `http://site.test:${port}/to-loopback` }] }],
    });
    const res = await server.call('POST', '/api/import', { text, filename: 'thread.json' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.document.posts[0].media).toEqual([]);
    expect(body.warnings.join('\n')).toMatch(/169\.254\.169\.254/);
  });
});
