import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectValidPdf } from '../helpers/qpdf.js';

/**
 * Where sharp loads in a fresh process, watched by sharp-guard.mjs. These run the built package
 * (`npm run build -w packages/spool` first), as users run the CLI.
 */
const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/spool.js');
const guard = pathToFileURL(path.join(__dirname, 'sharp-guard.mjs')).href;
const fixtures = path.join(root, 'test/fixtures');
const thread = path.join(fixtures, 'kd-thread.json');
const CLEAN = 'sharp-guard: sharp not loaded on the main thread';

function node(args: string[]) {
  return spawnSync(process.execPath, ['--import', guard, ...args], { encoding: 'utf8', timeout: 60_000 });
}

describe('sharp and the main thread', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(path.join(root, 'dist/cli/main.js'))) throw new Error('build the package first: npm run build -w packages/spool');
    dir = mkdtempSync(path.join(os.tmpdir(), 'spool-sharp-'));
  });

  it('a PDF build whose images are all plain JPEG never loads sharp', async () => {
    // The fixture thread with its PNG and WebP swapped for its JPEG.
    const text = readFileSync(thread, 'utf8').replace(/"media\/kd-(7\.png|16\.webp)"/g, '"media/kd-1.jpg"');
    expect(text).not.toMatch(/kd-7\.png|kd-16\.webp/);
    const input = path.join(dir, 'jpeg-only.json');
    writeFileSync(input, text.replaceAll('"media/', `"${fixtures}/media/`));
    const out = path.join(dir, 'jpeg-only.pdf');
    const r = node([bin, 'build', input, '-o', out, '-q']);
    expect(r.stderr).toContain(CLEAN);
    expect(r.status).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    await expectValidPdf(out);
  });

  it('would notice sharp on the main thread (the PNG painter encodes there)', () => {
    const r = node([bin, 'build', thread, '-o', path.join(dir, 'cover.png'), '--page', '1', '-q']);
    expect(r.stderr).toMatch(/sharp-guard: sharp loaded on the main thread: import .*sharp.*require .*sharp/s);
    expect(r.status).toBe(99);
  });
});
