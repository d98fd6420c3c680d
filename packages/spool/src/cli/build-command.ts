import path from 'node:path';
import type { BuildFormat, BuildResult, OutputFormat, VideoOptions } from '../node/build.js';
import { buildCarousel } from '../node/build.js';
import { buildSummary } from '../node/build-summary.js';
import type { CliFlags } from './args.js';
import { numberFlag } from './args.js';
import { designWithBrand, linkOutroForArticles } from './design-flags.js';
import { isDirectory, writeAtomic, writeFolder } from './output.js';
import { readSource } from './read-source.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage.js';

interface Target {
  kind: 'file' | 'zip' | 'folder' | 'page';
  format: BuildFormat;
}

const FORMATS: readonly BuildFormat[] = ['pdf', 'png', 'jpeg', 'svg', 'mp4'];
const PAGE_EXT: Record<string, OutputFormat> = { '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg', '.svg': 'svg' };

async function chooseTarget(out: string, flags: CliFlags): Promise<Target> {
  const format = flags.format === 'jpg' ? 'jpeg' : flags.format;
  if (format !== undefined && !FORMATS.includes(format as BuildFormat)) throw new UsageError(`--format: "${format}" is not one of ${FORMATS.join(', ')}`);
  const ext = path.extname(out).toLowerCase();
  if (ext === '.mp4' || format === 'mp4') return videoTarget(out, ext, format, flags);
  if (ext === '.pdf') {
    if (format && format !== 'pdf') throw new UsageError(`--format ${format} does not match ${out}; use a .zip or a folder for images`);
    return { kind: 'file', format: 'pdf' };
  }
  if (ext === '.zip') {
    if (format === 'pdf') throw new UsageError('--format pdf cannot go in a .zip; use out.pdf');
    return { kind: 'zip', format: (format as OutputFormat) ?? 'png' };
  }
  if (PAGE_EXT[ext]) {
    if (flags.page === undefined) throw new UsageError(`${out} is one image: add --page N, or give a folder/ or a .zip for every slide`);
    return { kind: 'page', format: PAGE_EXT[ext] };
  }
  if (ext && !out.endsWith('/') && !(await isDirectory(out))) throw new UsageError(`don't know how to write ${out}: use .pdf, .zip, .mp4, .png/.jpg/.svg with --page, or a folder/`);
  if (format === 'pdf') return { kind: 'file', format: 'pdf' };
  return { kind: 'folder', format: (format as OutputFormat) ?? 'png' };
}

export async function runBuild(flags: CliFlags, positionals: string[], io: CliIo): Promise<number> {
  const input = positionals[0];
  if (!input) throw new UsageError('build needs an input: spool build <input> -o <out>');
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  if (flags.bundle !== undefined) return (await import('./bundle-command.js')).runBundle(flags, input, io);
  const out = flags.out;
  if (!out) throw new UsageError('build needs an output: -o out.pdf, -o out.zip or -o folder/ (or --bundle folder/)');
  const target = await chooseTarget(out, flags);
  const design = await designWithBrand(flags);
  const page = numberFlag(flags, 'page');
  const video = await videoFlags(flags, target);
  const imported = await readSource(input, flags, io);
  linkOutroForArticles(design, imported.document, flags);
  const quiet = flags.quiet || flags.json;
  // The bar's library loads only when there is a terminal to draw it on.
  const progress = quiet || !io.stderr.isTTY ? undefined : (await import('./progress.js')).startProgress(io);
  let result: BuildResult;
  try {
    result = await buildCarousel(imported.document, {
      design,
      format: target.format,
      baseDir: imported.baseDir,
      source: input === '-' ? 'stdin' : path.basename(input),
      zip: target.kind === 'zip',
      page,
      jpegQuality: numberFlag(flags, 'quality'),
      video,
      timeLimitMs: timeLimitMs(flags),
      onProgress: progress?.update,
    });
  } finally {
    progress?.stop();
  }
  const written = await write(out, target, result);
  const warnings = [...imported.warnings, ...result.warnings.map((w) => w.message)];
  if (!quiet) for (const w of warnings) io.stderr.write(`warning: ${w}\n`);
  if (flags.json) io.stdout.write(`${JSON.stringify(buildSummary(result, written, warnings, target.format), null, 2)}\n`);
  else if (!flags.quiet) io.stderr.write(`${result.scenes.length} slides -> ${written.length === 1 ? written[0] : `${written.length} files in ${out}`}\n`);
  return 0;
}

/** `-o out.mp4`: the slides as one video, which is all `--format mp4` can write. */
function videoTarget(out: string, ext: string, format: string | undefined, flags: CliFlags): Target {
  if (format !== undefined && format !== 'mp4') {
    throw new UsageError(`--format ${format} does not match ${out}; leave --format out for a video, or give -o ${format === 'pdf' ? 'a .pdf' : 'a .zip or a folder/'} for ${format}`);
  }
  if (ext !== '.mp4') {
    const base = out.replace(/[\\/]+$/, '');
    throw new UsageError(`--format mp4 makes one video file: give -o a name ending in .mp4 (-o ${base.slice(0, base.length - path.extname(base).length)}.mp4), not ${out}`);
  }
  if (flags.page !== undefined) throw new UsageError('--page: a video shows every slide; leave --page out, or use -o slide.png --page N for one image');
  return { kind: 'file', format: 'mp4' };
}

/** `--seconds N`, each slide's time in a video; the encoder's module loads only for a video. */
async function videoFlags(flags: CliFlags, target: Target): Promise<VideoOptions | undefined> {
  const seconds = numberFlag(flags, 'seconds');
  if (target.format !== 'mp4') {
    if (seconds !== undefined) throw new UsageError('--seconds is for a video: use -o out.mp4');
    return undefined;
  }
  if (seconds === undefined) return undefined;
  const { MIN_SECONDS_PER_SLIDE: min, MAX_SECONDS_PER_SLIDE: max } = await import('../node/video.js');
  if (!(seconds >= min && seconds <= max)) throw new UsageError(`--seconds: "${String(flags.seconds)}" is not a number of seconds from ${min} to ${max}`);
  return { secondsPerSlide: seconds };
}

async function write(out: string, target: Target, result: BuildResult): Promise<string[]> {
  if (target.kind === 'folder') return writeFolder(out, result.files);
  await writeAtomic(out, result.files[0].bytes);
  return [out];
}

function timeLimitMs(flags: CliFlags): number | undefined {
  const seconds = numberFlag(flags, 'time-limit');
  if (seconds === undefined) return undefined;
  if (!(seconds > 0)) throw new UsageError(`--time-limit: "${String(flags['time-limit'])}" is not a positive number of seconds`);
  return seconds * 1000;
}
