import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtemp, readFile, readdir, writeFile, copyFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { unzipSync } from 'fflate';
import { runCli } from './run-cli.js';
import { expectValidPdf } from '../helpers/qpdf.js';

const fixtures = path.resolve(__dirname, '../fixtures');
const thread = path.join(fixtures, 'kd-thread.json');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'spool-cli-'));
});

describe('spool build', () => {
  it('makes a PDF and prints a JSON summary with slides, warnings and timings', async () => {
    const out = path.join(dir, 'kd.pdf');
    const r = await runCli(['build', thread, '-o', out, '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.slides).toBeGreaterThanOrEqual(18);
    expect(summary.pages[0].kind).toBe('cover');
    // Each page says how it was composed and what a designer would check.
    expect(new Set(summary.pages.map((p: { layout: string }) => p.layout)).size).toBeGreaterThanOrEqual(5);
    for (const page of summary.pages) {
      expect(page.words).toBeGreaterThanOrEqual(0);
      if (page.words > 0) expect(page.smallestTextPx).toBeGreaterThanOrEqual(24);
      expect(page.lowestContrast).toBeGreaterThanOrEqual(4.5);
      expect(page.widows).toBe(0);
    }
    const statement = summary.pages.find((p: { layout: string }) => p.layout === 'statement');
    expect(statement.words).toBeLessThanOrEqual(30);
    expect(summary.pages.at(-1).kind).toBe('outro');
    expect(summary.warnings.some((w: string) => /posts\[1\]: fixed characters garbled/.test(w))).toBe(true);
    expect(Object.keys(summary.timings)).toEqual(expect.arrayContaining(['plan', 'layout', 'scene', 'paint']));
    const alts = summary.pages.flatMap((p: { images: { alt: string }[] }) => p.images.map((i) => i.alt));
    expect(alts).toContain('Bar chart: softmax probabilities at temperature 1 and 10');
    const bytes = await readFile(out);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(1024 * 1024);
    await expectValidPdf(out);
  });

  it('makes a ZIP of exact-size PNGs for Instagram, named in order', async () => {
    const out = path.join(dir, 'kd.zip');
    const r = await runCli(['build', thread, '-o', out, '--ratio', 'instagram-portrait', '-q']);
    expect(r.code).toBe(0);
    const files = unzipSync(new Uint8Array(await readFile(out)));
    const names = Object.keys(files);
    expect(names[0]).toBe('slide-01.png');
    expect(names).toEqual([...names].sort());
    const meta = await sharp(Buffer.from(files[names[1]])).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1080, 1350]);
  });

  it('writes JPEGs into a folder, and one page on its own with --page', async () => {
    const folder = path.join(dir, 'slides') + path.sep;
    expect((await runCli(['build', thread, '-o', folder, '--format', 'jpeg', '--ratio', 'instagram-square', '-q'])).code).toBe(0);
    const names = await readdir(folder);
    expect(names.every((n) => n.endsWith('.jpg'))).toBe(true);
    expect((await sharp(path.join(folder, names[0])).metadata()).height).toBe(1080);
    const single = path.join(dir, 'cover.png');
    expect((await runCli(['build', thread, '-o', single, '--page', '1', '-q'])).code).toBe(0);
    expect((await sharp(single).metadata()).width).toBe(1080);
    const tooFar = await runCli(['build', thread, '-o', single, '--page', '999']);
    expect(tooFar.code).toBe(2);
    expect(tooFar.stderr).toMatch(/page 999: the carousel has pages 1 to \d+/);
  });

  it('exits 2 naming the file and the place for a bad thread file', async () => {
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ posts: [{ author: { name: 'A', handle: 'a' }, text: 'ok' }, { author: { name: 'B' }, text: 'x' }] }));
    const r = await runCli(['build', bad, '-o', path.join(dir, 'bad.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.json: posts[1].author.handle: required');
  });

  it('exits 2 for usage errors, unknown ids and missing files', async () => {
    expect((await runCli(['build', thread])).stderr).toMatch(/needs an output/);
    const flag = await runCli(['build', thread, '-o', 'x.pdf', '--colour', 'red']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/Run "spool help"/);
    const theme = await runCli(['build', thread, '-o', path.join(dir, 't.pdf'), '--theme', 'neon']);
    expect(theme.code).toBe(2);
    expect(theme.stderr).toMatch(/unknown theme "neon" \(try paper, midnight/);
    const missing = await runCli(['build', path.join(dir, 'nope.json'), '-o', path.join(dir, 'n.pdf')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope.json/);
  });

  it('never leaves a half-written output: a failed build keeps the previous file', async () => {
    const threadDir = path.join(dir, 'broken');
    await mkdir(threadDir, { recursive: true });
    const file = path.join(threadDir, 't.json');
    // A missing image is left out with a warning; a broken one fails the build.
    await writeFile(path.join(threadDir, 'broken.png'), 'not an image');
    await writeFile(file, JSON.stringify({ posts: [{ author: { name: 'A', handle: 'a' }, text: 'Hi', media: [{ type: 'image', src: 'broken.png' }] }] }));
    const out = path.join(dir, 'keep.pdf');
    await copyFile(path.join(fixtures, 'media/kd-7.png'), out);
    const before = await readFile(out);
    const r = await runCli(['build', file, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/t.json: posts\[0\].media\[0\].src: .*broken.png/);
    expect((await readFile(out)).equals(before)).toBe(true);
    expect((await readdir(dir)).filter((n) => n.includes('.tmp'))).toEqual([]);
  });

  it('says in words why a URL could not be read, with no stack trace', async () => {
    const r = await runCli(['build', 'https://127.0.0.1:9/article', '-o', path.join(dir, 'web.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^spool: https:\/\/127\.0\.0\.1:9\/article: .*loopback address/);
    expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
  });

  it('takes the layout names the studio and README show', async () => {
    for (const name of ['big-statement', 'Numbered steps', 'post-card', 'statement']) {
      const r = await runCli(['build', thread, '-o', path.join(dir, 'named.png'), '--layout', name, '--page', '2', '-q']);
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
    }
    const bad = await runCli(['build', thread, '-o', path.join(dir, 'x.pdf'), '--layout', 'zigzag']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown layout "zigzag" \(try auto, classic, post-card, statement/);
  });

  it('stops a build past --time-limit with exit 2, saying what to try', async () => {
    const out = path.join(dir, 'slow.pdf');
    const r = await runCli(['build', thread, '-o', out, '--time-limit', '0.001']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^spool: the carousel took longer than the 1 ms limit to build and was stopped; try a shorter or simpler source, or a longer --time-limit$/m);
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
    const bad = await runCli(['build', thread, '-o', out, '--time-limit', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--time-limit: "0" is not a positive number of seconds/);
  });

  it('reads pasted thread text from stdin with the author from flags', async () => {
    const out = path.join(dir, 'pasted.pdf');
    const r = await runCli(['build', '-', '-o', out, '--author', 'Ada', '--handle', 'ada', '--json'], '1/ First post here.\n\n2/ Second post 🚀\n\n3/ Third and last.');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).pages.map((p: { kind: string }) => p.kind)).toEqual(['cover', 'content', 'content', 'outro']);
    await expectValidPdf(out);
  });
});

describe('spool list', () => {
  it('lists themes for machines and layouts for people', async () => {
    const themes = await runCli(['list', 'themes', '--json']);
    expect(JSON.parse(themes.stdout).length).toBeGreaterThanOrEqual(8);
    const layouts = await runCli(['list', 'layouts']);
    expect(layouts.stdout).toMatch(/^post-card\s+Post card/m);
    for (const what of ['ratios', 'patterns', 'fonts']) expect((await runCli(['list', what])).code).toBe(0);
    expect((await runCli(['list', 'colours'])).code).toBe(2);
  });
});
