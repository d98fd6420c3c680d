import { readFileSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCarousel } from '../../src/node/build.js';
import { RemoteImageError, imageCacheDir, remoteImageFetcher } from '../../src/node/remote-images.js';

const png = readFileSync(path.resolve(__dirname, '../fixtures/media/kd-7.png'));
let site: http.Server;
let base: string;
const hits: string[] = [];

beforeAll(async () => {
  site = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/chart.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    res.writeHead(404).end('gone');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => site.close(resolve));
});

describe('remote images on this machine', () => {
  it('fetches through the guard once, then reads the cache', async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'spool-cache-'));
    const fetchBytes = remoteImageFetcher({ cacheDir, fetch: { allowAddresses: ['127.0.0.1'] } });
    hits.length = 0;
    const first = await fetchBytes(`${base}/chart.png`);
    const second = await remoteImageFetcher({ cacheDir, fetch: { allowAddresses: ['127.0.0.1'] } })(`${base}/chart.png`);
    expect(Buffer.from(first).equals(png)).toBe(true);
    expect(Buffer.from(second).equals(png)).toBe(true);
    expect(hits).toEqual(['/chart.png']);
    expect((await readdir(cacheDir)).filter((f) => !f.endsWith('.part'))).toHaveLength(1);
  });

  it('says why an image could not be had, and never reaches a private address', async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'spool-cache-'));
    await expect(remoteImageFetcher({ cacheDir, fetch: { allowAddresses: ['127.0.0.1'] } })(`${base}/missing.png`)).rejects.toThrow(RemoteImageError);
    hits.length = 0;
    await expect(remoteImageFetcher({ cacheDir })(`${base}/chart.png`)).rejects.toThrow(/loopback/);
    expect(hits).toEqual([]);
  });

  it('keeps its cache under SPOOL_CACHE_DIR when set', () => {
    expect(imageCacheDir({ SPOOL_CACHE_DIR: '/data/cache' })).toBe(path.resolve('/data/cache/images'));
    expect(imageCacheDir({ XDG_CACHE_HOME: '/home/ada/.cache' })).toBe('/home/ada/.cache/spool/images');
  });

  it('builds a thread whose remote image cannot be had, leaving it out with a warning naming the post and URL', async () => {
    const url = 'https://127.0.0.1:9/media/photo.jpg';
    const doc = {
      schemaVersion: 1 as const,
      posts: [
        { id: '1', author: { name: 'Ada', handle: 'ada' }, blocks: [{ type: 'paragraph' as const, spans: [{ text: 'Look at this.' }] }], media: [{ type: 'image' as const, src: url }] },
        { id: '2', author: { name: 'Ada', handle: 'ada' }, blocks: [{ type: 'paragraph' as const, spans: [{ text: 'And this.' }] }], media: [] },
      ],
    };
    const result = await buildCarousel(doc, { format: 'svg', source: 'thread.json' });
    const warning = result.warnings.find((w) => w.code === 'image-missing')!.message;
    expect(warning).toMatch(/loopback address/);
    // Said once, where the source named it.
    expect(result.warnings.filter((w) => w.message.includes(url))).toHaveLength(1);
    expect(warning).toMatch(new RegExp(`^posts\\[0\\]: image "${url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}" could not be fetched \\(.*\\); left out$`));
    expect(warning).not.toMatch(/fetchBytes|option/);
    expect(result.scenes.length).toBeGreaterThan(0);
    expect(result.scenes.flatMap((s) => s.items).some((i) => i.type === 'image' && !i.key.startsWith('emoji:'))).toBe(false);
  });
});
