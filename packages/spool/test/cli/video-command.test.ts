import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { doc, para, post, words } from '../helpers/documents.js';
import { runCli } from './run-cli.js';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0 && spawnSync('ffprobe', ['-version']).status === 0;

const dir = mkdtempSync(path.join(tmpdir(), 'spool-cli-video-'));
const input = path.join(dir, 'thread.json');
writeFileSync(input, JSON.stringify(doc([post('1', [para('A short first post.')]), post('2', [para(words(40))]), post('3', [para('The last one.')])])));
/** Three slides, no cover or outro, a second each: a video made in well under a second. */
const build = (out: string, ...more: string[]) => runCli(['build', input, '-o', path.join(dir, out), '--no-cover', '--no-cta', '-q', ...more]);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('spool build -o out.mp4: what it refuses, before any work', () => {
  it('--format mp4 with a .zip or a folder names the file to give instead', async () => {
    const zip = await build('kd.zip', '--format', 'mp4');
    expect(zip.code).toBe(2);
    expect(zip.stderr).toContain(`--format mp4 makes one video file: give -o a name ending in .mp4 (-o ${path.join(dir, 'kd.mp4')})`);
    const folder = await build('slides/', '--format', 'mp4');
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(`(-o ${path.join(dir, 'slides.mp4')})`);
  });

  it('another --format with a .mp4', async () => {
    const r = await build('kd.mp4', '--format', 'png');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format png does not match');
  });

  it('--page: a video shows every slide', async () => {
    const r = await build('kd.mp4', '--page', '2');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--page: a video shows every slide');
  });

  it('--seconds outside 1 to 20, or with anything but a video', async () => {
    for (const seconds of ['0.5', '21', 'soon']) {
      const r = await build('kd.mp4', '--seconds', seconds);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--seconds: "[^"]+" is not a (number of seconds from 1 to 20|number)/);
    }
    const pdf = await build('kd.pdf', '--seconds', '2');
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('--seconds is for a video: use -o out.mp4');
    expect(existsSync(path.join(dir, 'kd.mp4'))).toBe(false);
  });

  it('says how to get ffmpeg when SPOOL_FFMPEG points at nothing, with exit code 2', async () => {
    const saved = process.env.SPOOL_FFMPEG;
    process.env.SPOOL_FFMPEG = path.join(dir, 'no-ffmpeg-here');
    try {
      const r = await build('missing.mp4', '--seconds', '1');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`spool: making a video needs ffmpeg, but SPOOL_FFMPEG is ${path.join(dir, 'no-ffmpeg-here')}`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(path.join(dir, 'missing.mp4'))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.SPOOL_FFMPEG;
      else process.env.SPOOL_FFMPEG = saved;
    }
  });
});

describe.skipIf(!hasFfmpeg)('spool build -o out.mp4', () => {
  it('writes the video, and --json still gives every page', async () => {
    const out = path.join(dir, 'kd.mp4');
    const r = await runCli(['build', input, '-o', out, '--no-cover', '--no-cta', '--seconds', '1', '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.format).toBe('mp4');
    expect(summary.output).toEqual([out]);
    expect(summary.slides).toBe(3);
    expect(summary.pages.map((p: { page: number }) => p.page)).toEqual([1, 2, 3]);
    expect(summary.bytes).toBe(readFileSync(out).length);
    const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', out], { encoding: 'utf8' }));
    expect(probe.streams.map((s: { codec_name: string }) => s.codec_name)).toEqual(['h264']);
    expect([probe.streams[0].width, probe.streams[0].height]).toEqual([1080, 1350]);
    // Three slides of a second, two fades of 0.4 s overlapping them.
    expect(Math.abs(Number(probe.format.duration) - 2.2)).toBeLessThan(0.25);
  });

  it('takes --format mp4 with a .mp4, and the ratio sets the height', async () => {
    const out = path.join(dir, 'square.mp4');
    const r = await runCli(['build', input, '-o', out, '--format', 'mp4', '--ratio', 'instagram-landscape', '--seconds', '1', '-q']);
    expect(r.code).toBe(0);
    const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', out], { encoding: 'utf8' }));
    expect([probe.streams[0].width, probe.streams[0].height, probe.streams[0].pix_fmt]).toEqual([1080, 566, 'yuv420p']);
  });
});
