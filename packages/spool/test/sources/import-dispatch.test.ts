import { zipSync } from 'fflate';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SpoolDocument } from '../../src/model/document.js';
import { SpoolInputError } from '../../src/errors/input-error.js';

// The archive, API and HTML importers have their own tests; here only the routing to them is checked.
const doc: SpoolDocument = {
  schemaVersion: 1,
  posts: [{ id: '1', author: { name: 'A', handle: 'a' }, blocks: [{ type: 'paragraph', spans: [{ text: 'hi' }] }], media: [] }],
};
const mocks = vi.hoisted(() => ({
  importXArchive: vi.fn(),
  importXApi: vi.fn(),
  importHtml: vi.fn(),
  fetchGuarded: vi.fn(),
}));
vi.mock('../../src/sources/x-archive.js', () => ({ importXArchive: mocks.importXArchive }));
vi.mock('../../src/sources/x-api.js', () => ({ importXApi: mocks.importXApi }));
vi.mock('../../src/sources/html-article.js', () => ({ importHtml: mocks.importHtml }));
vi.mock('../../src/sources/fetch-guard.js', () => ({
  fetchGuarded: mocks.fetchGuarded,
  FetchRefusedError: class FetchRefusedError extends Error {},
}));

const { importSource } = await import('../../src/sources/import.js');
const { FetchRefusedError } = (await import('../../src/sources/fetch-guard.js')) as unknown as { FetchRefusedError: new (m: string) => Error };

const dir = mkdtempSync(join(tmpdir(), 'spool-dispatch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(() => {
  for (const mock of Object.values(mocks)) mock.mockReset();
  mocks.importXArchive.mockResolvedValue({ document: doc, warnings: [] });
  mocks.importXApi.mockResolvedValue({ document: doc, warnings: ['api'] });
  mocks.importHtml.mockResolvedValue({ document: doc, warnings: [] });
});

const page = (body: string, contentType: string, url = 'https://example.com/post') => ({
  bytes: new TextEncoder().encode(body),
  contentType,
  url,
});

describe('importSource routing', () => {
  it('sends X post URLs to the X API importer', async () => {
    const result = await importSource('https://twitter.com/jack/status/20', { token: 't', apiBase: 'http://127.0.0.1:9' });
    expect(mocks.importXApi).toHaveBeenCalledWith('https://twitter.com/jack/status/20', { token: 't', apiBase: 'http://127.0.0.1:9' });
    expect(result.warnings).toEqual(['api']);
  });

  it('sends .zip files, tweets.js and folders to the archive importer', async () => {
    const zip = join(dir, 'archive.zip');
    // A zip is an X archive by its tweets file (a zip of a thread file goes to the thread importer).
    writeFileSync(zip, zipSync({ 'data/tweets.js': new TextEncoder().encode('window.YTD.tweets.part0 = []') }));
    await importSource(zip, { thread: '42', list: true });
    expect(mocks.importXArchive).toHaveBeenLastCalledWith(zip, { thread: '42', list: true });
    const folder = join(dir, 'unzipped');
    mkdirSync(join(folder, 'data'), { recursive: true });
    writeFileSync(join(folder, 'data', 'tweets.js'), 'window.YTD.tweets.part0 = []');
    const result = await importSource(folder);
    expect(mocks.importXArchive).toHaveBeenLastCalledWith(folder, { thread: undefined, list: undefined });
    expect(result.baseDir).toBe(folder);
    mkdirSync(join(dir, 'photos'));
    const err = await importSource(join(dir, 'photos')).catch((e: unknown) => e);
    expect((err as Error).message).toBe('photos: folder is not an X archive (no data/tweets.js or tweets.js in it)');
  });

  it('sends .html files to the HTML importer with the file named', async () => {
    const path = join(dir, 'post.html');
    writeFileSync(path, '<html><body><p>Hi</p></body></html>');
    const result = await importSource(path, { author: 'Ada' });
    expect(mocks.importHtml).toHaveBeenCalledWith({ html: '<html><body><p>Hi</p></body></html>', file: path }, expect.objectContaining({ author: 'Ada' }));
    expect(result.baseDir).toBe(dir);
  });

  it('fetches other URLs through the guard and reads them by content type', async () => {
    mocks.fetchGuarded.mockResolvedValueOnce(page('<p>Hi</p>', 'text/html; charset=utf-8', 'https://example.com/final'));
    await importSource('https://example.com/post');
    expect(mocks.fetchGuarded).toHaveBeenCalledWith('https://example.com/post', expect.objectContaining({ accept: expect.any(String) }));
    expect(mocks.importHtml).toHaveBeenCalledWith({ html: '<p>Hi</p>', url: 'https://example.com/final' }, expect.any(Object));

    mocks.fetchGuarded.mockResolvedValueOnce(page('---\ntitle: Remote\n---\nBody text.', 'text/markdown'));
    expect((await importSource('https://example.com/notes.md')).document.title).toBe('Remote');
  });

  it('turns a refused address into an input error naming the URL', async () => {
    mocks.fetchGuarded.mockRejectedValueOnce(new FetchRefusedError('refused: 127.0.0.1 is a loopback address'));
    const err = await importSource('http://localhost/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpoolInputError);
    expect((err as Error).message).toBe('http://localhost/x: refused: 127.0.0.1 is a loopback address');
  });

  it('validates what other importers return', async () => {
    mocks.importXApi.mockResolvedValueOnce({ document: { schemaVersion: 1, posts: [{ id: 1 }] }, warnings: [] });
    const err = await importSource('https://x.com/a/status/1').catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^https:\/\/x\.com\/a\/status\/1: posts\[0\]\.id: expected string/);
  });
});
