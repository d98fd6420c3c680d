import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run-cli.js';
import { parseThreadFile } from '../../src/model/schema.js';
import { threadFileToDocument } from '../../src/sources/thread-file.js';
import { importSource } from '../../src/sources/import.js';

const fixtures = path.resolve(__dirname, '../fixtures');

describe('spool import', () => {
  it('writes an editable thread file that reads back as the same posts', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'spool-import-'));
    const out = path.join(dir, 'kd.json');
    const r = await runCli(['import', path.join(fixtures, 'kd-thread.json'), '-o', out, '-q']);
    expect(r.code).toBe(0);
    const written = JSON.parse(await readFile(out, 'utf8'));
    parseThreadFile(written, 'kd.json');
    const original = await importSource(path.join(fixtures, 'kd-thread.json'), {});
    const again = threadFileToDocument(written, 'kd.json').document;
    expect(again.posts.map((p) => p.blocks)).toEqual(original.document.posts.map((p) => p.blocks));
    // Media paths now point from the new file's folder to the images.
    const media = written.posts[0].media[0].src as string;
    expect(path.resolve(dir, media)).toBe(path.join(fixtures, 'media/kd-1.jpg'));
  });

  it('condenses an article into a thread file of key points, or keeps every paragraph with --full', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'spool-import-'));
    const out = path.join(dir, 'article.json');
    const r = await runCli(['import', path.join(fixtures, 'kd-article.txt'), '-o', out, '--json']);
    expect(r.code).toBe(0);
    // 10 slides by default for 950 words: the cover, 8 posts, the outro.
    expect(JSON.parse(r.stdout).posts).toBe(8);
    const full = await runCli(['import', path.join(fixtures, 'kd-article.txt'), '-o', out, '--json', '--full']);
    expect(JSON.parse(full.stdout).posts).toBeGreaterThan(10);
    const five = await runCli(['import', path.join(fixtures, 'kd-article.txt'), '-o', out, '--json', '--slides', '5']);
    expect(JSON.parse(five.stdout).posts).toBe(3);
  });

  it('refuses --slides out of range or with --full, as a usage error', async () => {
    const input = path.join(fixtures, 'kd-article.txt');
    const low = await runCli(['import', input, '-o', '/tmp/x.json', '--slides', '2']);
    expect(low.code).toBe(2);
    expect(low.stderr).toContain('--slides: "2" is not a whole number from 3 to 60');
    const both = await runCli(['import', input, '-o', '/tmp/x.json', '--slides', '8', '--full']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--slides and --full');
  });

  it('lists the threads of an X archive and imports the one picked with --thread', async () => {
    const archive = path.join(fixtures, 'x-archive');
    const listed = await runCli(['import', archive, '--list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^\d+ +5 posts +\d{4}-\d{2}-\d{2} +How we cut our CI/m);
    expect(listed.stdout).toMatch(/^\d+ +3 posts /m);
    const threads = JSON.parse((await runCli(['import', archive, '--list', '--json'])).stdout);
    expect(threads.map((t: { posts: number }) => t.posts).sort()).toEqual([3, 5]);
    const short = threads.find((t: { posts: number }) => t.posts === 3);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'spool-import-'));
    const out = path.join(dir, 'picked.json');
    const picked = await runCli(['import', archive, '--thread', short.id, '-o', out, '--json']);
    expect(picked.code).toBe(0);
    expect(JSON.parse(picked.stdout).posts).toBe(3);
  });
});
