import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCarousel, TimeLimitError, type OutputFile } from '../../src/node/build.js';
import { encodeVideo, FfmpegFailedError, FfmpegMissingError, frameList, videoSize, videoTimeline } from '../../src/node/video.js';
import { platformWarnings } from '../../src/node/warnings.js';
import { resolveDesign } from '../../src/design/resolve.js';
import { doc, para, post, words } from '../helpers/documents.js';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0 && spawnSync('ffprobe', ['-version']).status === 0;

/** Three slides that look unlike each other: a short line, a long paragraph, a list of short lines. */
const document = doc([
  post('1', [para('Distillation in one line.')]),
  post('2', [para(words(70, 3))]),
  post('3', [para('One.'), para('Two.'), para('Three.'), para('Four.')]),
]);
const design = { plan: { cover: false }, cta: { enabled: false } };
const SECONDS = 2;
const FADE = 0.4;

const work = mkdtempSync(path.join(tmpdir(), 'spool-video-test-'));
/** The encoder's own temporary folders go here, so a test can see that none is left behind. */
const temp = path.join(work, 'tmp');
let savedTmp: string | undefined;

beforeAll(() => {
  execFileSync('mkdir', ['-p', temp]);
  savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = temp;
});

afterAll(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(work, { recursive: true, force: true });
});

interface Probe {
  streams: { codec_type: string; codec_name: string; pix_fmt: string; width: number; height: number; r_frame_rate: string }[];
  format: { duration: string };
}

function probe(file: string): Probe {
  return JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', file], { encoding: 'utf8' })) as Probe;
}

/** The frame at `seconds`, as PNG bytes, its colours read as a player reads them (BT.709, limited range). */
function frameAt(file: string, seconds: number): Buffer {
  const rgb = 'scale=in_color_matrix=bt709:in_range=tv:flags=accurate_rnd+full_chroma_int,format=rgb24';
  return execFileSync('ffmpeg', ['-v', 'error', '-ss', String(seconds), '-i', file, '-frames:v', '1', '-vf', rgb, '-f', 'image2', '-c:v', 'png', 'pipe:1'], { maxBuffer: 64 << 20 });
}

/** Mean absolute difference of two pictures, downscaled and in grey, 0-255. */
async function difference(a: Uint8Array, b: Uint8Array): Promise<number> {
  // Decoded in full before the downscale: sharp shrinks a JPEG while decoding it, a difference of its own.
  const grey = async (bytes: Uint8Array) => {
    const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    return sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } }).resize(108, 135, { fit: 'fill' }).greyscale().raw().toBuffer();
  };
  const [x, y] = await Promise.all([grey(a), grey(b)]);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs(x[i] - y[i]);
  return sum / x.length;
}

describe('the video timeline', () => {
  it('gives every slide its time and overlaps each join by one fade', () => {
    expect(videoTimeline(3, { secondsPerSlide: 2 })).toEqual({ slides: 3, slideFrames: 60, fadeFrames: 12, totalFrames: 156 });
    expect(videoTimeline(1)).toEqual({ slides: 1, slideFrames: 90, fadeFrames: 0, totalFrames: 90 });
    expect(videoTimeline(4, { secondsPerSlide: 1, transitionSeconds: 0 }).totalFrames).toBe(120);
  });

  it('lists each slide where it is first seen whole and where it starts to fade, the last one twice', () => {
    const list = frameList(videoTimeline(3, { secondsPerSlide: 2 }), ['a.jpg', 'b.jpg', 'c.jpg']);
    expect(list.split('\n').filter(Boolean)).toEqual([
      'ffconcat version 1.0',
      ...['file a.jpg', 'duration 1.600000', 'file a.jpg', 'duration 0.400000'],
      ...['file b.jpg', 'duration 1.200000', 'file b.jpg', 'duration 0.400000'],
      ...['file c.jpg', 'duration 1.600000', 'file c.jpg'],
    ]);
  });

  it('refuses a time per slide outside 1 to 20 seconds, and a fade longer than half a slide', () => {
    expect(() => videoTimeline(3, { secondsPerSlide: 0.5 })).toThrow(RangeError);
    expect(() => videoTimeline(3, { secondsPerSlide: 21 })).toThrow('seconds per slide: 21 is not from 1 to 20');
    expect(() => videoTimeline(3, { secondsPerSlide: 1, transitionSeconds: 0.6 })).toThrow(RangeError);
  });

  it('is one post however many slides it has: no carousel limit is told for it', () => {
    const instagram = resolveDesign({ ratio: 'instagram-portrait' });
    expect(platformWarnings(25, instagram, 'jpeg').map((w) => w.code)).toEqual(['instagram-limit']);
    expect(platformWarnings(25, instagram, 'mp4')).toEqual([]);
  });

  it('is 1080 wide, its height kept to the ratio and even', () => {
    expect(videoSize({ width: 1080, height: 1350 })).toEqual({ width: 1080, height: 1350 });
    expect(videoSize({ width: 1080, height: 566 })).toEqual({ width: 1080, height: 566 });
    expect(videoSize({ width: 1000, height: 1333 })).toEqual({ width: 1080, height: 1440 });
  });
});

describe('a video build, refused before anything is painted', () => {
  it('refuses one page: a video shows every slide', async () => {
    await expect(buildCarousel(document, { design, format: 'mp4', page: 1 })).rejects.toThrow(/a video shows every slide/);
  });

  it('refuses a time per slide it cannot make', async () => {
    await expect(buildCarousel(document, { design, format: 'mp4', video: { secondsPerSlide: 30 } })).rejects.toThrow(RangeError);
  });

  it('never loads the encoder for other formats: nothing imports it but by import()', () => {
    const src = path.resolve(import.meta.dirname, '../../src');
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const eager = files.filter((f) => /^\s*(import|export)\s(?!type\s)[^;]*from\s+['"][./]*(node\/)?video\.js['"]/m.test(readFileSync(path.join(src, f), 'utf8')));
    expect(eager).toEqual([]);
  });
});

describe('ffmpeg missing', () => {
  const page: OutputFile = { name: 'slide-01.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]) };
  const size = { width: 1080, height: 1350 };

  it('says how to install it when it is not on PATH', async () => {
    const saved = process.env.PATH;
    const savedEnv = process.env.SPOOL_FFMPEG;
    process.env.PATH = work;
    delete process.env.SPOOL_FFMPEG;
    try {
      const err = await encodeVideo([page], size).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FfmpegMissingError);
      expect((err as Error).message).toBe(
        'making a video needs ffmpeg, which is not installed: apt-get install ffmpeg (Debian/Ubuntu) or brew install ffmpeg, or set SPOOL_FFMPEG to its path',
      );
    } finally {
      process.env.PATH = saved;
      if (savedEnv !== undefined) process.env.SPOOL_FFMPEG = savedEnv;
    }
  });

  it('names SPOOL_FFMPEG when it points at nothing', async () => {
    const saved = process.env.SPOOL_FFMPEG;
    process.env.SPOOL_FFMPEG = path.join(work, 'no-such-ffmpeg');
    try {
      await expect(encodeVideo([page], size)).rejects.toThrow(`SPOOL_FFMPEG is ${path.join(work, 'no-such-ffmpeg')}, which is not a program that can be run`);
    } finally {
      if (saved === undefined) delete process.env.SPOOL_FFMPEG;
      else process.env.SPOOL_FFMPEG = saved;
    }
  });

  it('names the path it was given, and leaves no temporary folder behind', async () => {
    const err = await encodeVideo([page], size, { ffmpeg: '/nonexistent/ffmpeg' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FfmpegMissingError);
    expect((err as Error).message).toContain('ffmpeg was given as /nonexistent/ffmpeg');
    expect(readdirSync(temp)).toEqual([]);
  });
});

describe.skipIf(!hasFfmpeg)('a video of the slides', () => {
  let video: string;
  let slides: OutputFile[];

  beforeAll(async () => {
    const [made, painted] = await Promise.all([
      buildCarousel(document, { design, format: 'mp4', video: { secondsPerSlide: SECONDS } }),
      buildCarousel(document, { design, format: 'jpeg', jpegQuality: 92 }),
    ]);
    expect(made.files.map((f) => f.name)).toEqual(['carousel.mp4']);
    expect(made.scenes).toHaveLength(3);
    slides = painted.files;
    video = path.join(work, 'carousel.mp4');
    writeFileSync(video, made.files[0].bytes);
  });

  it('is H.264, yuv420p, 1080 x 1350 at 30 fps, with no sound, as long as its slides less their fades', () => {
    const { streams, format } = probe(video);
    expect(streams).toHaveLength(1);
    const [v] = streams;
    expect([v.codec_type, v.codec_name, v.pix_fmt, v.width, v.height, v.r_frame_rate]).toEqual(['video', 'h264', 'yuv420p', 1080, 1350, '30/1']);
    expect(Math.abs(Number(format.duration) - (3 * SECONDS - 2 * FADE))).toBeLessThan(0.25);
  });

  it('puts its index at the front, so that it plays while it downloads', () => {
    const bytes = readFileSync(video);
    const boxes: string[] = [];
    for (let at = 0; at + 8 <= bytes.length && boxes.length < 4; ) {
      boxes.push(bytes.toString('latin1', at + 4, at + 8));
      at += bytes.readUInt32BE(at);
    }
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
  });

  it('shows the slides in order, each as painted, cross-faded between', async () => {
    // Slide 2 is seen whole from one slide's time to two slides' less two fades.
    const middleOfSecond = (SECONDS + (2 * SECONDS - 2 * FADE)) / 2;
    const second = frameAt(video, middleOfSecond);
    const toSecond = await difference(second, slides[1].bytes);
    const toFirst = await difference(second, slides[0].bytes);
    expect(toSecond).toBeLessThan(2);
    expect(toFirst).toBeGreaterThan(4 * toSecond + 2);

    expect(await difference(frameAt(video, SECONDS / 2), slides[0].bytes)).toBeLessThan(2);
    expect(await difference(frameAt(video, 3 * SECONDS - 2 * FADE - 0.2), slides[2].bytes)).toBeLessThan(2);

    // Halfway through the first fade the frame is both slides at once, like neither.
    const fading = frameAt(video, SECONDS - FADE / 2);
    const [a, b] = await Promise.all([difference(fading, slides[0].bytes), difference(fading, slides[1].bytes)]);
    expect(a).toBeGreaterThan(toSecond + 1);
    expect(b).toBeGreaterThan(toSecond + 1);
    expect(Math.abs(a - b)).toBeLessThan(0.5 * (a + b));
  });

  it('left no temporary folder behind', () => {
    expect(readdirSync(temp)).toEqual([]);
  });

  it('stops ffmpeg when the time limit passes, with the limit\'s error', async () => {
    const stopAt = performance.now() + 300;
    const checkpoint = () => {
      if (performance.now() > stopAt) throw new TimeLimitError('the carousel took too long');
    };
    const start = performance.now();
    // Three slides of 20 s are 1,776 frames: seconds of work that the limit cuts short.
    await expect(encodeVideo(slides, { width: 1080, height: 1350 }, { secondsPerSlide: 20, checkpoint })).rejects.toBeInstanceOf(TimeLimitError);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('says what ffmpeg said when it fails', async () => {
    const broken: OutputFile = { name: 'slide-02.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8]) };
    const err = await encodeVideo([slides[0], broken], { width: 1080, height: 1350 }, { secondsPerSlide: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FfmpegFailedError);
    expect((err as Error).message).toMatch(/^ffmpeg failed \(exit code \d+\) making the video:\n {2}\S/);
    expect(readdirSync(temp)).toEqual([]);
  });
});
