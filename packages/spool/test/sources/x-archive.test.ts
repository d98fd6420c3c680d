import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockText, spansText, type SpoolDocument } from '../../src/model/document.js';
import { SpoolInputError } from '../../src/errors/input-error.js';
import { importXArchive } from '../../src/sources/x-archive.js';

const fixture = fileURLToPath(new URL('../fixtures/x-archive/', import.meta.url));
let work: string;
let zipPath: string;

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else out.push(full);
  }
  return out;
}

async function writeZip(name: string, files: Zippable): Promise<string> {
  const path = join(work, name);
  await writeFile(path, zipSync(files));
  return path;
}

const texts = (doc: SpoolDocument) => doc.posts.map((p) => p.blocks.map(blockText).join('\n'));

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'spool-x-archive-'));
  const files: Zippable = {};
  for (const full of await filesUnder(fixture)) {
    files[relative(fixture, full).split('\\').join('/')] = new Uint8Array(await readFile(full));
  }
  // Hostile names ride along: they must be skipped, never followed.
  files['../outside.js'] = new TextEncoder().encode('window.YTD.tweets.part0 = []');
  zipPath = await writeZip('twitter-2024-06-30-abc.zip', files);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('importXArchive from the unzipped folder', () => {
  it('imports the longest thread by default, in reply order, with the author from account.js', async () => {
    const { document, warnings, baseDir } = await importXArchive(fixture, {});
    expect(document.posts.map((p) => p.id)).toEqual([
      '1765000000000000101',
      '1765000000000000102',
      '1765000000000000103',
      '1765000000000000104',
      '1765000000000000105',
    ]);
    const author = document.posts[0].author;
    expect(author).toMatchObject({ name: 'Maya Okafor', handle: 'maya_builds' });
    expect(author.avatar).toBe(join(fixture, 'data/profile_media/1500000000000000001-Mz9aB1cD.jpg'));
    expect(document.url).toBe('https://x.com/maya_builds/status/1765000000000000101');
    expect(baseDir).toBe(join(fixture, 'data'));
    expect(warnings).toContain('thread 1765000000000000101: left out 1 replies that branch off the main chain');
    // The 🧵 comes off the first post, and the import says so.
    expect(warnings).toContain('post 1765000000000000101: removed the thread marker 🧵; a carousel shows it is a series by itself');
  });

  it('cleans the text: numbering, entities, t.co links, mojibake', async () => {
    const { document, warnings } = await importXArchive(fixture, {});
    const [first, second, third, fourth, fifth] = texts(document);
    expect(first).toBe('How we cut our CI from 14 minutes to 90 seconds, without new hardware');
    expect(second).toBe('First, we measured. 60% of the time was dependency installs & cache misses.');
    expect(third).not.toContain('t.co');
    expect(fifth).toBe('Result: median CI 90 s, p95 under 3 min. We don’t miss the coffee breaks. Questions welcome!');
    expect(fourth).toContain('9 min → 80 s');
    expect(warnings).toContain('posts[4]: fixed characters garbled by a wrong text encoding upstream (it had been read as windows-1252)');

    const link = document.posts[2].blocks.flatMap((b) => b.spans).find((s) => s.tag === 'url');
    expect(link).toEqual({
      text: 'buildkite.com/resources/blog/caching-de…',
      href: 'https://buildkite.com/resources/blog/caching-dependencies-the-right-way/',
      tag: 'url',
    });
    const spans = document.posts[2].blocks.flatMap((b) => b.spans);
    expect(spans.find((s) => s.tag === 'mention')).toMatchObject({ text: '@buildkite', href: 'https://x.com/buildkite' });
    expect(document.posts[3].blocks.flatMap((b) => b.spans).find((s) => s.tag === 'hashtag')?.text).toBe('#DevEx');
    const list = document.posts[2].blocks.filter((b) => b.type === 'listItem');
    expect(list.map(blockText)).toEqual([
      'restore on the lockfile hash',
      'fall back to the last main build',
      'never share caches across OS images',
    ]);
  });

  it('takes images from tweets_media as absolute paths', async () => {
    const { document } = await importXArchive(fixture, {});
    expect(document.posts[1].media).toEqual([
      { type: 'image', src: join(fixture, 'data/tweets_media/1765000000000000102-GHxA1bWXkAAq3Zp.jpg') },
    ]);
    expect(document.posts[0].media).toEqual([]);
  });

  it('lists the threads oldest first, leaving out retweets, replies to others and lone posts', async () => {
    const { threads } = await importXArchive(fixture, { list: true });
    expect(threads).toEqual([
      {
        id: '1765000000000000101',
        firstWords: 'How we cut our CI from 14 minutes to 90 seconds, without…',
        posts: 5,
        date: '2024-03-05T14:02:11.000Z',
      },
      {
        id: '1801000000000000201',
        firstWords: 'Three things I wish I knew before self-hosting our…',
        posts: 3,
        date: '2024-06-12T09:30:38.000Z',
      },
    ]);
  });

  it('picks a thread by the id of any of its posts', async () => {
    for (const id of ['1801000000000000201', '1801000000000000203']) {
      const { document } = await importXArchive(fixture, { thread: id });
      expect(document.posts.map((p) => p.id)).toEqual(['1801000000000000201', '1801000000000000202', '1801000000000000203']);
    }
    const { document } = await importXArchive(fixture, { thread: '1801000000000000202' });
    const [first, second, third] = document.posts;
    expect(texts(document)[0]).toBe('Three things I wish I knew before self-hosting our analytics <3');
    expect(first.media.map((m) => m.src)).toEqual([
      join(fixture, 'data/tweets_media/1801000000000000201-GQ1abcWcAAx9Yt.png'),
      join(fixture, 'data/tweets_media/1801000000000000201-GQ1abdXbMAAz1Ku.jpg'),
    ]);
    expect(second.blocks.map((b) => [b.type, b.ordinal, blockText(b)])).toEqual([
      ['listItem', 1, 'Disk fills up faster than you think'],
      ['listItem', 2, "Backups are only real once you've restored one"],
      ['listItem', 3, 'Someone has to own upgrades'],
    ]);
    expect(spansText(third.blocks[0].spans)).toBe('Full write-up on the blog: maya.dev/blog/self-hosting-analytics-le…');
  });

  it('refuses retweets, replies to others and unknown ids as threads', async () => {
    await expect(importXArchive(fixture, { thread: '1796000000000000501' })).rejects.toThrow(/retweet or a reply to someone else/);
    await expect(importXArchive(fixture, { thread: '1795000000000000402' })).rejects.toThrow(/retweet or a reply to someone else/);
    await expect(importXArchive(fixture, { thread: '42' })).rejects.toThrow(/no post with id 42/);
  });

  it('imports a lone post on request, with a warning', async () => {
    const { document, warnings } = await importXArchive(fixture, { thread: '1790000000000000301' });
    expect(document.posts).toHaveLength(1);
    expect(document.posts[0].media).toHaveLength(1);
    expect(warnings).toContain('post 1790000000000000301 is not part of a thread; importing it alone');
  });

  it('reads tweets.js given on its own', async () => {
    const { document } = await importXArchive(join(fixture, 'data/tweets.js'), {});
    expect(document.posts).toHaveLength(5);
    expect(document.posts[0].author.handle).toBe('maya_builds');
  });
});

describe('importXArchive from the .zip', () => {
  it('gives the same thread, with images as data URIs, skipping unsafe entries', async () => {
    const fromZip = await importXArchive(zipPath, { thread: '1801000000000000201' });
    const fromFolder = await importXArchive(fixture, { thread: '1801000000000000201' });
    expect(texts(fromZip.document)).toEqual(texts(fromFolder.document));
    const [png, jpg] = fromZip.document.posts[0].media;
    const bytes = await readFile(join(fixture, 'data/tweets_media/1801000000000000201-GQ1abcWcAAx9Yt.png'));
    expect(png.src).toBe(`data:image/png;base64,${bytes.toString('base64')}`);
    expect(jpg.src.startsWith('data:image/jpeg;base64,')).toBe(true);
    expect(fromZip.document.posts[0].author.avatar?.startsWith('data:image/jpeg;base64,')).toBe(true);
    expect(fromZip.baseDir).toBeUndefined();
    expect(fromZip.warnings.some((w) => /skipped 1 entries with unsafe names \(\.\.\/outside\.js\)/.test(w))).toBe(true);
  });

  it('finds data/ one folder down in a re-zipped archive', async () => {
    const tweets = await readFile(join(fixture, 'data/tweets.js'));
    const path = await writeZip('rezipped.zip', { 'my-archive/data/tweets.js': new Uint8Array(tweets) });
    const { document, warnings } = await importXArchive(path, {});
    expect(document.posts).toHaveLength(5);
    expect(document.posts[0].author).toEqual({ name: '', handle: '' });
    expect(warnings).toContain("rezipped.zip: no data/account.js, so the author's name is unknown");
  });

  it('refuses a zip bomb', async () => {
    const zeros = new Uint8Array(40 * 1024 * 1024);
    const path = await writeZip('bomb.zip', { 'data/tweets.js': [zeros, { level: 9 }] });
    expect((await stat(path)).size).toBeLessThan(200 * 1024);
    await expect(importXArchive(path, {})).rejects.toThrow(/bomb\.zip: data\/tweets\.js expands \d+-fold: refusing a likely zip bomb/);
  });
});

describe('importXArchive errors', () => {
  it('names the file and the item', async () => {
    const source = 'window.YTD.tweets.part0 = [{"tweet":{"id_str":"1","full_text":"ok","created_at":"Tue Mar 05 14:02:11 +0000 2024"}},{"tweet":{"id_str":"2","created_at":"Tue Mar 05 14:02:11 +0000 2024"}}]';
    const path = await writeZip('broken.zip', { 'data/tweets.js': new TextEncoder().encode(source) });
    const err = await importXArchive(path, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpoolInputError);
    expect((err as SpoolInputError).message).toBe('tweets.js: item 1: no full_text');
  });

  it('says what is wrong with something that is not an archive', async () => {
    const path = join(work, 'notes.zip');
    await writeFile(path, 'not a zip');
    await expect(importXArchive(path, {})).rejects.toThrow(/notes\.zip: .*not a readable zip/);
    await expect(importXArchive(work, {})).rejects.toThrow(/no data\/tweets\.js here/);
  });
});
