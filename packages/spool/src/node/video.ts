/**
 * The carousel as a video: every page painted as a JPEG, then joined by ffmpeg into an H.264 MP4
 * with a short cross-fade between slides, for LinkedIn video, Reels and TikTok. ffmpeg is a program
 * the user installs, run as a child process (never through a shell) on frames in a private temporary
 * folder that is removed afterwards. Loaded only for a video build.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Deck } from '../model/deck.js';
import type { PaintResources, Scene } from '../scene/types.js';
import { paintFiles, type OutputFile } from './paint-pages.js';
import type { RenderOptions, VideoOptions } from './build-types.js';

export type { VideoOptions } from './build-types.js';

export const DEFAULT_SECONDS_PER_SLIDE = 3;
export const MIN_SECONDS_PER_SLIDE = 1;
export const MAX_SECONDS_PER_SLIDE = 20;
export const DEFAULT_TRANSITION_SECONDS = 0.4;
/** Past this a video runs past a quarter of an hour at the default pace: the deck is better split. */
export const MAX_VIDEO_SLIDES = 300;
export const VIDEO_FPS = 30;
const VIDEO_WIDTH = 1080;
/** Frames are decoded once more by ffmpeg and compressed again by x264: a little above the image default. */
const FRAME_JPEG_QUALITY = 92;
/** How often the build's time limit is checked while ffmpeg runs. */
const DEADLINE_POLL_MS = 100;
/** ffmpeg's stderr kept for an error message: its last lines say what went wrong. */
const STDERR_KEEP = 16_384;
const LIST = 'frames.ffconcat';
const OUTPUT = 'carousel.mp4';

export interface EncodeOptions extends VideoOptions {
  /** Throws once the build has run past its time limit; ffmpeg is stopped when it does. */
  checkpoint?: () => void;
}

/** ffmpeg is not installed, or the path it was given as is not a program. */
export class FfmpegMissingError extends Error {
  override name = 'FfmpegMissingError';
}

/** ffmpeg ran and failed; the message ends with what it said. */
export class FfmpegFailedError extends Error {
  override name = 'FfmpegFailedError';
  constructor(
    message: string,
    /** What ffmpeg wrote to stderr (its last part). */
    readonly stderr: string,
  ) {
    super(message);
  }
}

/** The video's pixel size for a deck of this ratio: 1080 wide, the height kept to the ratio and even, as yuv420p needs. */
export function videoSize(ratio: { width: number; height: number }): { width: number; height: number } {
  return { width: VIDEO_WIDTH, height: even((VIDEO_WIDTH * ratio.height) / ratio.width) };
}

/** The build's paint step for `format: 'mp4'`: every page painted as a JPEG frame, then encoded. */
export async function paintVideo(deck: Deck, scenes: Scene[], resources: PaintResources, options: RenderOptions, checkpoint: () => void): Promise<OutputFile[]> {
  if (options.page !== undefined) throw new RangeError(`page ${options.page}: a video shows every slide; leave page out, or paint png or jpeg for one slide`);
  if (options.zip) throw new RangeError('zip: a video is one file; leave zip out');
  if (scenes.length > MAX_VIDEO_SLIDES) throw new RangeError(`${scenes.length} slides: a video takes at most ${MAX_VIDEO_SLIDES}; split the deck`);
  // Checked before painting, so that a wrong setting or a missing ffmpeg does not wait for every page.
  videoTimeline(scenes.length, options.video);
  await findFfmpeg(options.video?.ffmpeg);
  const pages = await paintFiles(deck, scenes, resources, {
    format: 'jpeg',
    jpegQuality: FRAME_JPEG_QUALITY,
    onProgress: options.onProgress,
    checkpoint,
  });
  const bytes = await encodeVideo(pages, videoSize(deck.design.ratio), { ...options.video, checkpoint });
  return [{ name: OUTPUT, bytes }];
}

/**
 * Pages (JPEG or PNG, in order) in, an H.264 MP4 out: each page shown `secondsPerSlide`,
 * cross-faded into the next, scaled to `size`, 30 fps, yuv420p, no audio, its index at the front
 * so that it plays while it downloads.
 */
export async function encodeVideo(pages: readonly OutputFile[], size: { width: number; height: number }, options: EncodeOptions = {}): Promise<Uint8Array> {
  const timeline = videoTimeline(pages.length, options);
  const names = pages.map(frameName);
  const checkpoint = options.checkpoint ?? (() => undefined);
  const program = ffmpegProgram(options.ffmpeg);
  const dir = await mkdtemp(path.join(tmpdir(), 'spool-video-'));
  try {
    for (const [i, page] of pages.entries()) {
      checkpoint();
      await writeFile(path.join(dir, names[i]), page.bytes, { mode: 0o600 });
    }
    await writeFile(path.join(dir, LIST), frameList(timeline, names), { mode: 0o600 });
    // ffmpeg runs in the folder and is given plain names only, which its list format takes as they are.
    await runFfmpeg(program, ffmpegArgs(timeline, { width: even(size.width), height: even(size.height) }), dir, checkpoint);
    return new Uint8Array(await readFile(path.join(dir, OUTPUT)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** How the slides are timed, in frames. */
export interface VideoTimeline {
  slides: number;
  /** Frames each slide takes, its share of the fades included. */
  slideFrames: number;
  /** Frames of each cross-fade; 0 for hard cuts. */
  fadeFrames: number;
  /** Frames of the whole video: every slide's, less one fade for each join, as each fade overlaps the two slides it joins. */
  totalFrames: number;
}

export function videoTimeline(slides: number, options: VideoOptions = {}): VideoTimeline {
  if (!(Number.isInteger(slides) && slides >= 1)) throw new RangeError('a video needs at least one slide');
  const seconds = options.secondsPerSlide ?? DEFAULT_SECONDS_PER_SLIDE;
  if (!(Number.isFinite(seconds) && seconds >= MIN_SECONDS_PER_SLIDE && seconds <= MAX_SECONDS_PER_SLIDE)) {
    throw new RangeError(`seconds per slide: ${seconds} is not from ${MIN_SECONDS_PER_SLIDE} to ${MAX_SECONDS_PER_SLIDE}`);
  }
  const transition = options.transitionSeconds ?? DEFAULT_TRANSITION_SECONDS;
  if (!(Number.isFinite(transition) && transition >= 0 && transition <= seconds / 2)) {
    throw new RangeError(`transition: ${transition} s is not from 0 to half a slide (${seconds / 2} s)`);
  }
  const slideFrames = Math.round(seconds * VIDEO_FPS);
  const fadeFrames = slides > 1 ? Math.min(Math.floor(slideFrames / 2), Math.round(transition * VIDEO_FPS)) : 0;
  return { slides, slideFrames, fadeFrames, totalFrames: slides * slideFrames - (slides - 1) * fadeFrames };
}

/**
 * The frames as ffmpeg's concat list, each slide's picture at the moment it is first seen whole and
 * again where it starts to fade into the next. ffmpeg's `framerate` filter then makes the 30 fps
 * video and blends linearly between each picture and the next: the same slide twice is a hold,
 * two slides a cross-fade. (A chain of xfade filters, one per join, would do the same, but in
 * ffmpeg 5 each works on every frame that passes it and keeps frame buffers of its own, so time
 * and memory grew with the deck; this way the whole video is one short chain of filters.) The
 * last picture is listed twice, so that ffmpeg keeps its duration.
 */
export function frameList(timeline: VideoTimeline, names: readonly string[]): string {
  const { slides, slideFrames, fadeFrames } = timeline;
  const lines = ['ffconcat version 1.0'];
  const entry = (i: number, frames?: number) => {
    lines.push(`file ${names[i]}`);
    if (frames !== undefined) lines.push(`duration ${seconds(frames)}`);
  };
  for (let i = 0; i < slides; i++) {
    const last = i === slides - 1;
    if (fadeFrames === 0) {
      entry(i, slideFrames);
      continue;
    }
    const alone = slideFrames - (i > 0 ? fadeFrames : 0) - (last ? 0 : fadeFrames);
    if (alone > 0) entry(i, alone);
    if (!last) entry(i, fadeFrames);
  }
  entry(slides - 1);
  return `${lines.join('\n')}\n`;
}

/**
 * Every picture is decoded and converted once, to BT.709 limited-range YUV (what players assume for
 * HD video; JPEG's own YUV is BT.601 full range, and left as it is brand colours would shift), with
 * exact rounding, which costs nothing at one conversion per picture and keeps a brand colour within
 * a level of what was painted; the blending comes after, on the converted pictures. Scene-change
 * detection is off: every change here is one, and each is to fade. `-xerror`: a frame ffmpeg cannot
 * decode fails the video rather than leaving a slide out of it.
 */
export function ffmpegArgs(timeline: VideoTimeline, size: { width: number; height: number }): string[] {
  const convert = `scale=${size.width}:${size.height}:flags=lanczos+accurate_rnd+full_chroma_int:out_color_matrix=bt709:out_range=tv,format=yuv420p,setsar=1`;
  const timing = timeline.fadeFrames > 0 ? `framerate=fps=${VIDEO_FPS}:interp_start=0:interp_end=255:flags=0` : `fps=${VIDEO_FPS}`;
  return [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-xerror', '-y'],
    ...['-f', 'concat', '-i', LIST],
    ...['-vf', `${convert},${timing}`, '-frames:v', String(timeline.totalFrames), '-an'],
    // veryfast: on still slides x264's slower presets took twice the time for a file no smaller;
    // encoding is most of a video's build. stillimage tunes it for fine detail such as text.
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'stillimage', '-crf', '20', '-pix_fmt', 'yuv420p', '-r', String(VIDEO_FPS)],
    ...['-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv'],
    ...['-movflags', '+faststart', OUTPUT],
  ];
}

/**
 * Runs ffmpeg to the end, or until the time limit passes, when it is killed and the limit's error
 * thrown. Either way it has exited before this settles, so its folder can be removed.
 */
function runFfmpeg(program: Program, args: string[], cwd: string, checkpoint: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program.path, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], shell: false, windowsHide: true });
    let stderr = '';
    let stopped: unknown;
    const watch = setInterval(() => {
      try {
        checkpoint();
      } catch (err) {
        stopped = err;
        clearInterval(watch);
        child.kill('SIGKILL');
      }
    }, DEADLINE_POLL_MS);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_KEEP);
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      // A program that could not be started is never running; any other error waits for 'close'.
      if (child.pid !== undefined) return;
      clearInterval(watch);
      reject(err.code === 'ENOENT' || err.code === 'EACCES' ? missing(program) : err);
    });
    child.on('close', (code, signal) => {
      clearInterval(watch);
      if (stopped !== undefined) reject(stopped);
      else if (code === 0) resolve();
      else reject(failed(code, signal, stderr));
    });
  });
}

interface Program {
  path: string;
  /** Where the path came from, for the message when there is no program there. */
  from: 'option' | 'SPOOL_FFMPEG' | 'PATH';
}

function ffmpegProgram(option: string | undefined): Program {
  if (option) return { path: option, from: 'option' };
  const env = process.env.SPOOL_FFMPEG;
  if (env) return { path: env, from: 'SPOOL_FFMPEG' };
  return { path: 'ffmpeg', from: 'PATH' };
}

/**
 * Throws the FfmpegMissingError that running it would, without running it: the file it names, or
 * the name looked up on PATH, must be a program this process may run.
 */
export async function findFfmpeg(option?: string): Promise<void> {
  const program = ffmpegProgram(option);
  const named = program.path;
  const names = process.platform === 'win32' && !/\.exe$/i.test(named) ? [`${named}.exe`, named] : [named];
  const candidates = /[\\/]/.test(named) ? [named] : (process.env.PATH ?? '').split(path.delimiter).filter(Boolean).flatMap((d) => names.map((n) => path.join(d, n)));
  for (const file of candidates) {
    try {
      await access(file, constants.X_OK);
      if ((await stat(file)).isFile()) return;
    } catch {
      // not this one
    }
  }
  throw missing(program);
}

function missing(program: Program): FfmpegMissingError {
  if (program.from === 'PATH') {
    return new FfmpegMissingError('making a video needs ffmpeg, which is not installed: apt-get install ffmpeg (Debian/Ubuntu) or brew install ffmpeg, or set SPOOL_FFMPEG to its path');
  }
  const given = program.from === 'SPOOL_FFMPEG' ? `SPOOL_FFMPEG is ${program.path}` : `ffmpeg was given as ${program.path}`;
  return new FfmpegMissingError(
    `making a video needs ffmpeg, but ${given}, which is not a program that can be run: point it at ffmpeg, or install ffmpeg (apt-get install ffmpeg, brew install ffmpeg) and leave it unset`,
  );
}

function failed(code: number | null, signal: NodeJS.Signals | null, stderr: string): FfmpegFailedError {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const how = code === null ? `was stopped by ${signal ?? 'a signal'}` : `failed (exit code ${code})`;
  // Some distributions ship ffmpeg without x264, for licensing reasons: that needs another build, not a retry.
  const hint = /Unknown encoder 'libx264'/i.test(stderr) ? '; this ffmpeg has no H.264 encoder (libx264): install a build that has one' : '';
  const said = lines.length ? `:\n  ${lines.slice(-6).join('\n  ')}` : '';
  return new FfmpegFailedError(`ffmpeg ${how} making the video${hint}${said}`, stderr);
}

/** A plain name for page i, typed by its bytes: ffmpeg reads each frame's type from its name. */
function frameName(page: OutputFile, i: number): string {
  const b = page.bytes;
  const number = String(i + 1).padStart(4, '0');
  if (b[0] === 0xff && b[1] === 0xd8) return `frame-${number}.jpg`;
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return `frame-${number}.png`;
  throw new TypeError(`page ${i + 1} (${page.name}) is neither a JPEG nor a PNG`);
}

/** A frame count as seconds for the list: microseconds, ffmpeg's own resolution, no exponent. */
function seconds(frames: number): string {
  return (frames / VIDEO_FPS).toFixed(6);
}

function even(n: number): number {
  return Math.max(2, Math.round(n / 2) * 2);
}
