/**
 * The server's exports leave out a remote image that cannot be fetched, with a warning naming the
 * slide and the address, as a build on this machine does; the export itself still succeeds.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleProject, startTestServer, type TestServer } from './harness.js';

let server: TestServer;
let sample: any;
let site: http.Server;
let base: string;
const stalled: http.ServerResponse[] = [];

beforeAll(async () => {
  site = http.createServer((req, res) => {
    if (req.url === '/slow.png') return void stalled.push(res.writeHead(200, { 'content-type': 'image/png' }));
    res.writeHead(404).end('gone');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  server = await startTestServer({ fetch: { allowAddresses: ['127.0.0.1'], timeoutMs: 400 } });
  sample = await sampleProject(server);
});

afterAll(async () => {
  await server.stop();
  for (const res of stalled) res.destroy();
  site.closeAllConnections();
  await new Promise((resolve) => site.close(resolve));
});

describe('render routes with a remote image that cannot be had', () => {
  it('export the deck without it, saying which slide lost which image and why', async () => {
    const deck = structuredClone(sample.deck);
    deck.slides[1].media = [{ type: 'image', src: `${base}/gone.png` }];
    deck.slides[2].media = [{ type: 'image', src: 'http://169.254.169.254/latest/meta-data/photo.png' }];
    deck.slides[3].media = [{ type: 'image', src: `${base}/slow.png` }];
    const res = await server.call('POST', '/api/render', { deck, format: 'pdf' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()).subarray(0, 5))).toBe('%PDF-');
    const warnings: string[] = JSON.parse(decodeURIComponent(res.headers.get('x-spool-warnings')!));
    expect(warnings).toContain(`slides[1]: image "${base}/gone.png" could not be fetched (HTTP 404 Not Found); left out`);
    expect(warnings).toContain('slides[2]: image "http://169.254.169.254/latest/meta-data/photo.png" could not be fetched (cloud metadata address); left out');
    expect(warnings).toContain(`slides[3]: image "${base}/slow.png" could not be fetched (no complete answer within 0.4 s); left out`);
  });

  it('do the same for a saved project’s export and a remote avatar', async () => {
    const deck = structuredClone(sample.deck);
    const avatar = `${base}/profile_images/1/me_400x400.jpg`;
    deck.slides = deck.slides.map((slide: any) => (slide.author ? { ...slide, author: { ...slide.author, avatar } } : slide));
    const withAuthor = deck.slides.findIndex((slide: any) => slide.author);
    expect(withAuthor).toBeGreaterThanOrEqual(0);
    await server.json('PUT', `/api/projects/${sample.id}`, { deck });
    const res = await server.call('GET', `/api/projects/${sample.id}/export?format=png&page=1`);
    expect(res.status, await res.clone().text()).toBe(200);
    const warnings: string[] = JSON.parse(decodeURIComponent(res.headers.get('x-spool-warnings')!));
    expect(warnings).toContain(`slides[${withAuthor}]: avatar "${avatar}" could not be fetched (HTTP 404 Not Found); left out`);
  });
});
