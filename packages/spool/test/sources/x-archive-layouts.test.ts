/**
 * Every layout X has shipped its archive in, read by folder, by the tweets file given on its own and
 * by zip: today's `data/tweets.js` of `{ "tweet": {...} }` items; the older singular `data/tweet.js`
 * of bare tweets (and both split into `-partN` files); and the first archives' monthly
 * `data/js/tweets/2013_01.js` files (`Grailbird.data.tweets_2013_01 = [...]`) with their
 * `data/js/user_details.js`. Then what an archive lacks: a photo missing from `tweets_media/`, an
 * avatar that is only an address on the web. Both are left out with a warning, never the build.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockText, type SpoolDocument } from '../../src/model/document.js';
import { buildCarousel } from '../../src/node/build.js';
import { remoteImageFetcher } from '../../src/node/remote-images.js';
import { kindFromName } from '../../src/sources/detect.js';
import { importSource } from '../../src/sources/import.js';

const ME = '90210';
let work: string;
let site: http.Server;
let base: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'spool-x-layouts-'));
  site = http.createServer((_req, res) => void res.writeHead(404).end('gone'));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await new Promise((resolve) => site.close(resolve));
});

interface Spec {
  id: string;
  text: string;
  /** Seconds after the first post. */
  at: number;
  replyTo?: string;
  photo?: string;
}

const THREAD: Spec[] = [
  { id: '300000000000000001', text: 'Why our deploys got boring (a thread)', at: 0 },
  { id: '300000000000000002', text: 'We stopped deploying on Fridays. Then we stopped needing the rule.', at: 60, replyTo: '300000000000000001' },
  { id: '300000000000000003', text: 'Small batches, feature flags & one button to roll back.', at: 120, replyTo: '300000000000000002' },
  { id: '300000000000000004', text: 'Boring is the goal.', at: 180, replyTo: '300000000000000003' },
];
const LONE: Spec = { id: '300000000000000009', text: 'Unrelated: the coffee machine is fixed.', at: 900 };
const START = Date.parse('2013-01-31T23:58:00Z');

/** A tweet as X's archives since 2019 write it (bare in `tweet.js`, wrapped in `tweets.js`). */
function ytdTweet(spec: Spec) {
  const media = spec.photo
    ? [{ url: 'https://t.co/PhotoLink1', media_url_https: spec.photo, type: 'photo', id_str: `${spec.id}9` }]
    : [];
  return {
    retweeted: false,
    entities: { hashtags: [], symbols: [], user_mentions: [], urls: [], ...(media.length ? { media } : {}) },
    ...(media.length ? { extended_entities: { media } } : {}),
    id_str: spec.id,
    id: spec.id,
    created_at: new Date(START + spec.at * 1000).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1 $3 $2 $5 +0000 $4'),
    full_text: spec.photo ? `${spec.text} https://t.co/PhotoLink1` : spec.text,
    ...(spec.replyTo ? { in_reply_to_status_id_str: spec.replyTo, in_reply_to_user_id_str: ME, in_reply_to_screen_name: 'ops_ana' } : {}),
  };
}

/** A tweet as the first archives (2012-2018, the Grailbird viewer) write it. */
function grailbirdTweet(spec: Spec) {
  const created = new Date(START + spec.at * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' +0000');
  return {
    source: 'web',
    entities: { user_mentions: [], media: [], hashtags: [], urls: [] },
    geo: {},
    id_str: spec.id,
    text: spec.text.replace(/&/g, '&amp;'),
    id: Number(spec.id),
    created_at: created,
    ...(spec.replyTo ? { in_reply_to_status_id_str: spec.replyTo, in_reply_to_user_id_str: ME, in_reply_to_screen_name: 'ops_ana' } : {}),
    user: {
      name: 'Ana Ops',
      screen_name: 'ops_ana',
      protected: false,
      id_str: ME,
      profile_image_url_https: `${base}/profile_images/77/ana_normal.jpg`,
      id: Number(ME),
      verified: false,
    },
  };
}

/** Pretty-printed as X does, one key a line. */
const pretty = (value: unknown) => JSON.stringify(value, null, 2).replace(/": /g, '" : ');
const ytd = (name: string, items: unknown[]) => `window.YTD.${name}.part0 = ${pretty(items)}`;
const account = ytd('account', [{ account: { username: 'ops_ana', accountId: ME, accountDisplayName: 'Ana Ops' } }]);
const profile = (avatar: string) => ytd('profile', [{ profile: { description: { bio: 'Ops.' }, avatarMediaUrl: avatar } }]);

async function writeTree(root: string, files: Record<string, string | Uint8Array>): Promise<string> {
  for (const [name, body] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true });
    await writeFile(join(root, name), body);
  }
  return root;
}

function zipOf(root: string): Uint8Array {
  const files: Zippable = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(root, full).split('\\').join('/')] = new Uint8Array(readFileSync(full));
    }
  };
  walk(root);
  return zipSync(files);
}

const ids = (doc: SpoolDocument) => doc.posts.map((p) => p.id);
const texts = (doc: SpoolDocument) => doc.posts.map((p) => p.blocks.map(blockText).join('\n'));
const threadIds = THREAD.map((t) => t.id);

/** The tweets file, the folder and a zip of the same archive all give the same thread. */
async function everyWay(root: string, tweetsFile: string) {
  const zip = join(work, `${relative(work, root).replace(/[\\/]/g, '-')}.zip`);
  await writeFile(zip, zipOf(root));
  return {
    folder: await importSource(root),
    file: await importSource(join(root, tweetsFile)),
    zip: await importSource(zip),
  };
}

describe('the older singular data/tweet.js, its tweets bare', () => {
  let root: string;
  beforeAll(async () => {
    root = await writeTree(join(work, 'ytd-2019'), {
      'data/tweet.js': ytd('tweet', [LONE, ...THREAD].map(ytdTweet)),
      'data/account.js': account,
      'data/profile.js': profile('https://pbs.twimg.com/profile_images/77/ana_normal.jpg'),
      'data/profile_media/90210-ana.jpg': await readFile(join(__dirname, '../fixtures/x-archive/data/profile_media/1500000000000000001-Mz9aB1cD.jpg')),
    });
  });

  it('is named as an X archive file', () => {
    expect(kindFromName('data/tweet.js')).toBe('x-archive');
    expect(kindFromName('/exports/data/tweet-part1.js')).toBe('x-archive');
    expect(kindFromName('/exports/twitter/data/js/tweets/2013_01.js')).toBe('x-archive');
  });

  it('reads as the same thread by folder, by the file itself and by zip', async () => {
    for (const [how, result] of Object.entries(await everyWay(root, 'data/tweet.js'))) {
      expect(ids(result.document), how).toEqual(threadIds);
      expect(texts(result.document)[2], how).toBe('Small batches, feature flags & one button to roll back.');
      expect(result.document.posts[0].author, how).toMatchObject({ name: 'Ana Ops', handle: 'ops_ana' });
      expect(result.document.url, how).toBe(`https://x.com/ops_ana/status/${threadIds[0]}`);
    }
  });
});

describe('a large archive split into -partN files', () => {
  it('reads every part, older tweet-partN and newer tweets-partN alike, the thread running across them', async () => {
    const [first, second, ...rest] = THREAD;
    for (const stem of ['tweet', 'tweets']) {
      const wrap = (spec: Spec) => (stem === 'tweets' ? { tweet: ytdTweet(spec) } : ytdTweet(spec));
      const root = await writeTree(join(work, `split-${stem}`), {
        [`data/${stem}.js`]: ytd(stem, [first, LONE].map(wrap)),
        [`data/${stem}-part1.js`]: ytd(stem, [second].map(wrap)).replace('part0', 'part1'),
        [`data/${stem}-part2.js`]: ytd(stem, rest.map(wrap)).replace('part0', 'part2'),
        'data/account.js': account,
      });
      for (const [how, result] of Object.entries(await everyWay(root, `data/${stem}-part1.js`))) {
        expect(ids(result.document), `${stem} ${how}`).toEqual(threadIds);
      }
    }
  });
});

describe('the first archives: monthly data/js/tweets/YYYY_MM.js files', () => {
  let root: string;
  beforeAll(async () => {
    // The thread starts on 31 January and goes on into February.
    const january = THREAD.filter((t) => t.at < 120).map(grailbirdTweet).reverse();
    const february = [...THREAD.filter((t) => t.at >= 120), LONE].map(grailbirdTweet).reverse();
    root = await writeTree(join(work, 'grailbird'), {
      'index.html': '<!doctype html><html><body><div id="tweets">Your Twitter archive</div></body></html>',
      'tweets.csv': '"tweet_id","in_reply_to_status_id","timestamp","text"\n',
      'data/js/tweets/2013_01.js': `Grailbird.data.tweets_2013_01 = \n ${pretty(january)}`,
      'data/js/tweets/2013_02.js': `Grailbird.data.tweets_2013_02 = \n ${pretty(february)}`,
      'data/js/tweet_index.js': 'var tweet_index =  [ ]',
      'data/js/user_details.js': `var user_details =  ${pretty({ screen_name: 'ops_ana', full_name: 'Ana Ops', bio: 'Ops.', id: ME, created_at: 'Sat Dec 02 09:15:15 +0000 2006' })}`,
    });
  });

  it('reads the months as one archive by folder and by zip, and a month file on its own', async () => {
    const zip = join(work, 'grailbird.zip');
    await writeFile(zip, zipOf(root));
    for (const [how, input] of [['folder', root], ['zip', zip]]) {
      const { document } = await importSource(input);
      expect(ids(document), how).toEqual(threadIds);
      expect(texts(document)[2], how).toBe('Small batches, feature flags & one button to roll back.');
      expect(document.posts[0].author, how).toMatchObject({ name: 'Ana Ops', handle: 'ops_ana', avatar: `${base}/profile_images/77/ana_400x400.jpg` });
    }
    // One month given by itself is read by itself: here the thread's first two posts.
    const { document } = await importSource(join(root, 'data/js/tweets/2013_01.js'));
    expect(ids(document)).toEqual(threadIds.slice(0, 2));
    expect(document.posts[0].author.handle).toBe('ops_ana');
  });
});

describe('a tweets file given by itself is read as tweets, counted as tweets', () => {
  it('never as pasted text, and the count in a message is the number of tweets', async () => {
    const many: Spec[] = Array.from({ length: 1163 }, (_, i) => ({ id: `4000000000000${String(i).padStart(5, '0')}`, text: `Post number ${i} about nothing in particular.\n\nWith a second paragraph.`, at: i * 3600 }));
    const root = await writeTree(join(work, 'big'), { 'data/tweet.js': ytd('tweet', many.map(ytdTweet)), 'data/account.js': account });
    const err = await importSource(join(root, 'data/tweet.js')).catch((e: unknown) => e);
    expect((err as Error).message).toBe('tweet.js: no threads (self-reply chains) among 1,163 posts; pick a post with --thread <id>');
    const { document } = await importSource(join(root, 'data/tweet.js'), { thread: many[41].id });
    expect(ids(document)).toEqual([many[41].id]);
    // A folder with it is an archive too.
    await expect(importSource(root)).rejects.toThrow('no threads (self-reply chains) among 1,163 posts');
    // Its text pasted (stdin, the studio's box) is not a pasted thread of raw JSON either.
    const pasted = await readFile(join(root, 'data/tweet.js'), 'utf8');
    await expect(importSource({ text: pasted, name: 'stdin' })).rejects.toThrow("stdin: can't read x-archive input from text; give a file or URL");
  });
});

describe('what an archive lacks is left out with a warning, and the build goes on', () => {
  it('a photo missing from tweets_media/, and a profile picture that is only an address on the web', async () => {
    const photo = `${base}/media/GoneForGood.jpg`;
    const specs = THREAD.map((t, i) => (i === 1 ? { ...t, photo } : t));
    const root = await writeTree(join(work, 'lacking'), {
      'data/tweets.js': ytd('tweets', specs.map((t) => ({ tweet: ytdTweet(t) }))),
      'data/account.js': account,
      'data/profile.js': profile(`${base}/profile_images/77/ana_normal.jpg`),
      'data/tweets_media/.keep': '',
    });
    const zip = join(work, 'lacking.zip');
    await writeFile(zip, zipOf(root));
    const fetchBytes = remoteImageFetcher({ cacheDir: join(work, 'cache'), fetch: { allowAddresses: ['127.0.0.1'] } });
    for (const [how, input] of [['folder', root], ['zip', zip]]) {
      const imported = await importSource(input);
      expect(ids(imported.document), how).toEqual(threadIds);
      expect(imported.warnings, how).toContain(
        `post ${threadIds[1]}: photo tweets_media/${threadIds[1]}-GoneForGood.jpg is not in the archive; taking it from ${photo}`,
      );
      const avatar = `${base}/profile_images/77/ana_400x400.jpg`;
      expect(imported.document.posts[0].author.avatar, how).toBe(avatar);
      const result = await buildCarousel(imported.document, { baseDir: imported.baseDir, source: 'archive', format: 'pdf', images: { fetchBytes } });
      const messages = result.warnings.map((w) => w.message);
      expect(messages, how).toContain(`posts[1]: image "${photo}" could not be fetched (HTTP 404 Not Found); left out`);
      expect(messages, how).toContain(`posts[0]: avatar "${avatar}" could not be fetched (HTTP 404 Not Found); left out`);
      expect(new TextDecoder().decode(result.files[0].bytes.subarray(0, 5)), how).toBe('%PDF-');
    }
  });

  it('a photo entry of a zip that cannot be read, and a photo with no address to fetch it from', async () => {
    const jpeg = new Uint8Array(await readFile(join(__dirname, '../fixtures/x-archive/data/tweets_media/1765000000000000102-GHxA1bWXkAAq3Zp.jpg')));
    const specs = THREAD.map((t, i) => (i === 1 ? { ...t, photo: 'https://pbs.twimg.com/media/Damaged.jpg' } : t));
    const items = specs.map((t) => {
      const tweet: Record<string, unknown> = ytdTweet(t);
      if (t.id === threadIds[2]) tweet.extended_entities = { media: [{ url: 'https://t.co/x', type: 'photo' }] };
      return { tweet };
    });
    // Text-like filler, so the entry is deflated with codes that damage cannot pass through unnoticed.
    const big = new TextEncoder().encode(Array.from({ length: 4000 }, (_, i) => `line ${i * 7919} of the photo's tail ${i % 13}\n`).join(''));
    const zip = zipSync({
      'data/tweets.js': new TextEncoder().encode(ytd('tweets', items)),
      'data/account.js': new TextEncoder().encode(account),
      [`data/tweets_media/${threadIds[1]}-Damaged.jpg`]: [new Uint8Array([...jpeg, ...big]), { level: 9 }],
    });
    // Damage the photo's compressed bytes, as an interrupted download leaves them.
    const name = Buffer.from(`data/tweets_media/${threadIds[1]}-Damaged.jpg`);
    const header = Buffer.from(zip).indexOf(name) - 30;
    const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
    const dataStart = header + 30 + view.readUInt16LE(header + 26) + view.readUInt16LE(header + 28);
    const compressed = view.readUInt32LE(header + 18);
    for (let i = dataStart + Math.floor(compressed / 3); i < dataStart + Math.floor(compressed / 2); i++) zip[i] ^= 0x5a;
    const path = join(work, 'damaged.zip');
    await writeFile(path, zip);
    const { document, warnings } = await importSource(path);
    expect(ids(document)).toEqual(threadIds);
    expect(warnings.find((w) => w.startsWith(`post ${threadIds[1]}: photo tweets_media/${threadIds[1]}-Damaged.jpg could not be read from the archive (`))).toMatch(
      /; taking it from https:\/\/pbs\.twimg\.com\/media\/Damaged\.jpg$/,
    );
    expect(warnings).toContain(`post ${threadIds[2]}: a photo is not in the archive and has no address to fetch it from; left out`);
    expect(document.posts[2].media).toEqual([]);
  });

  it('a profile picture that is neither in the archive nor on the web', async () => {
    const root = await writeTree(join(work, 'odd-avatar'), {
      'data/tweets.js': ytd('tweets', THREAD.map((t) => ({ tweet: ytdTweet(t) }))),
      'data/account.js': account,
      'data/profile.js': profile('file:///etc/passwd'),
    });
    const { document, warnings } = await importSource(root);
    expect(document.posts[0].author.avatar).toBeUndefined();
    expect(warnings).toContain('profile.js: profile picture "file:///etc/passwd" is neither in the archive nor a web address; left out');
  });

  it('a profile picture in profile_media/ that cannot be read, and no address for it', async () => {
    const root = await writeTree(join(work, 'unreadable-avatar'), {
      'data/tweets.js': ytd('tweets', THREAD.map((t) => ({ tweet: ytdTweet(t) }))),
      'data/account.js': account,
      // Never filled in, as some archives hold their media.
      [`data/profile_media/${ME}-ana.jpg`]: '',
    });
    const { document, warnings } = await importSource(root);
    expect(ids(document)).toEqual(threadIds);
    expect(document.posts[0].author.avatar).toBeUndefined();
    expect(warnings).toContain(`profile_media/${ME}-ana.jpg: the profile picture could not be read (the file is empty); left out`);
  });
});
