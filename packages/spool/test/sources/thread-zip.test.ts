import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { importSource } from '../../src/sources/import.js';
import { zipShape } from '../../src/sources/thread-zip.js';

const fixtures = path.join(import.meta.dirname, '../fixtures');
let dir: string;
let thread: Uint8Array;
const media: Record<string, Uint8Array> = {};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'spool-thread-zip-'));
  thread = await readFile(path.join(fixtures, 'kd-thread.json'));
  for (const name of ['kd-1.jpg', 'kd-7.png', 'kd-16.webp']) media[name] = await readFile(path.join(fixtures, 'media', name));
});

async function zipOf(name: string, files: Record<string, Uint8Array>): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, zipSync(files));
  return file;
}

/** The fixture's text has garbled characters that import repairs, with warnings of its own. */
const mediaWarnings = (warnings: string[]) => warnings.filter((w) => /image|avatar/.test(w));
const imageCount = (doc: { posts: { media: { src: string }[] }[] }) => doc.posts.flatMap((p) => p.media).length;

describe('a zip of a thread file with its media folder', () => {
  it('imports the thread and takes every image from the zip', async () => {
    const file = await zipOf('kd.zip', {
      'kd-thread.json': thread,
      'media/kd-1.jpg': media['kd-1.jpg'],
      'media/kd-7.png': media['kd-7.png'],
      'media/kd-16.webp': media['kd-16.webp'],
    });
    const { document, warnings } = await importSource(file);
    expect(mediaWarnings(warnings)).toEqual([]);
    expect(document.posts.length).toBeGreaterThan(10);
    const srcs = document.posts.flatMap((p) => p.media.map((m) => m.src));
    expect(srcs).toHaveLength(3);
    // The image bytes travel with the document: the zip's folder is never read from disk.
    const first = srcs.find((s) => s.startsWith('data:image/jpeg;base64,'))!;
    expect(Buffer.from(first.split(',')[1], 'base64').equals(Buffer.from(media['kd-1.jpg']))).toBe(true);
  });

  it('finds images by name when they were picked beside the thread file, without their folder', async () => {
    const file = await zipOf('picked.zip', { 'kd-thread.json': thread, 'kd-1.jpg': media['kd-1.jpg'], 'kd-7.png': media['kd-7.png'] });
    const { document, warnings } = await importSource(file);
    expect(imageCount(document)).toBe(2);
    // The one that was not picked is named, with its post and what to do.
    expect(mediaWarnings(warnings)).toHaveLength(1);
    expect(mediaWarnings(warnings)[0]).toMatch(/^posts\[\d+\] \(@[^)]+\): image media\/kd-16\.webp dropped: it is not among the files given with kd-thread\.json; add it and import again$/);
  });

  it('reads a thread re-zipped inside a folder, and ignores what archivers add', async () => {
    const file = await zipOf('nested.zip', {
      'export/kd-thread.json': thread,
      'export/media/kd-1.jpg': media['kd-1.jpg'],
      'export/media/kd-7.png': media['kd-7.png'],
      'export/media/kd-16.webp': media['kd-16.webp'],
      '__MACOSX/export/._kd-thread.json': new Uint8Array([0, 5, 22, 7]),
    });
    const { document, warnings } = await importSource(file);
    expect(mediaWarnings(warnings)).toEqual([]);
    expect(imageCount(document)).toBe(3);
  });

  it('reads a Markdown article zipped with its images', async () => {
    const file = await zipOf('article.zip', {
      'post.md': new TextEncoder().encode('# A title\n\nFirst paragraph of the piece.\n\n![chart](img/kd-7.png)\n\nAnother paragraph.\n'),
      'img/kd-7.png': media['kd-7.png'],
    });
    const { document, warnings } = await importSource(file);
    expect(mediaWarnings(warnings)).toEqual([]);
    expect(document.title).toBe('A title');
    expect(imageCount(document)).toBe(1);
  });

  it('says what is wrong with a zip that holds no source, or two', async () => {
    const empty = await zipOf('photos.zip', { 'kd-1.jpg': media['kd-1.jpg'] });
    await expect(importSource(empty)).rejects.toThrow(/photos\.zip: this zip holds no thread file, Markdown or HTML, and no data\/tweets\.js of an X archive/);
    const two = await zipOf('two.zip', { 'a.json': thread, 'b.json': thread });
    await expect(importSource(two)).rejects.toThrow(/two\.zip: this zip holds more than one source \(a\.json, b\.json\)/);
  });

  it('tells an X archive from a thread zip by its tweets file', () => {
    expect(zipShape(['data/tweets.js', 'data/manifest.js', 'data/tweets_media/1-a.jpg'])).toEqual({ kind: 'x-archive' });
    expect(zipShape(['thread.json', 'media/a.jpg'])).toEqual({ kind: 'source', entry: 'thread.json' });
    expect(zipShape(['notes.txt', 'thread.json'])).toEqual({ kind: 'source', entry: 'thread.json' });
  });
});
