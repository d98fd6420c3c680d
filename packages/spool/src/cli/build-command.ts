import path from 'node:path';
import type { DesignInput } from '../design/resolve.js';
import type { BuildResult, OutputFormat } from '../node/build.js';
import { buildCarousel } from '../node/build.js';
import { pageMetrics } from '../layout/page-metrics.js';
import { readBrandKit } from '../node/brand-file.js';
import type { CliFlags } from './args.js';
import { designFromFlags, numberFlag } from './args.js';
import { isDirectory, writeAtomic, writeFolder } from './output.js';
import { readSource } from './read-source.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage.js';
import { definedOnly } from '../design/defined-only.js';

interface Target {
  kind: 'file' | 'zip' | 'folder' | 'page';
  format: OutputFormat;
}

const FORMATS: readonly OutputFormat[] = ['pdf', 'png', 'jpeg', 'svg'];
const PAGE_EXT: Record<string, OutputFormat> = { '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg', '.svg': 'svg' };

async function chooseTarget(out: string, flags: CliFlags): Promise<Target> {
  const format = flags.format === 'jpg' ? 'jpeg' : flags.format;
  if (format !== undefined && !FORMATS.includes(format as OutputFormat)) throw new UsageError(`--format: "${format}" is not one of ${FORMATS.join(', ')}`);
  const ext = path.extname(out).toLowerCase();
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
  if (ext && !out.endsWith('/') && !(await isDirectory(out))) throw new UsageError(`don't know how to write ${out}: use .pdf, .zip, .png/.jpg/.svg with --page, or a folder/`);
  if (format === 'pdf') return { kind: 'file', format: 'pdf' };
  return { kind: 'folder', format: (format as OutputFormat) ?? 'png' };
}

export async function runBuild(flags: CliFlags, positionals: string[], io: CliIo): Promise<number> {
  const input = positionals[0];
  if (!input) throw new UsageError('build needs an input: spool build <input> -o <out>');
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  const out = flags.out;
  if (!out) throw new UsageError('build needs an output: -o out.pdf, -o out.zip or -o folder/');
  const target = await chooseTarget(out, flags);
  const design: DesignInput = designFromFlags(flags);
  if (flags.brand) {
    const { brand: kit, colors } = await readBrandKit(flags.brand);
    design.brand = { ...kit, show: { ...kit.show, ...definedOnly(design.brand?.show) } };
    // --colors, said on the command line, wins over the kit's.
    design.colors ??= colors;
  }
  const page = numberFlag(flags, 'page');
  const imported = await readSource(input, flags, io);
  // A condensed article's outro sends readers to the whole piece, unless the user chose an outro.
  if (!flags.outro && imported.document.source && imported.document.url) design.cta = { ...design.cta, style: 'link' };
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
      timeLimitMs: timeLimitMs(flags),
      onProgress: progress?.update,
    });
  } finally {
    progress?.stop();
  }
  const written = await write(out, target, result);
  const warnings = [...imported.warnings, ...result.warnings.map((w) => w.message)];
  if (!quiet) for (const w of warnings) io.stderr.write(`warning: ${w}\n`);
  if (flags.json) io.stdout.write(`${JSON.stringify(summary(result, written, warnings, target.format), null, 2)}\n`);
  else if (!flags.quiet) io.stderr.write(`${result.scenes.length} slides -> ${written.length === 1 ? written[0] : `${written.length} files in ${out}`}\n`);
  return 0;
}

async function write(out: string, target: Target, result: BuildResult): Promise<string[]> {
  if (target.kind === 'folder') return writeFolder(out, result.files);
  await writeAtomic(out, result.files[0].bytes);
  return [out];
}

function summary(result: BuildResult, written: string[], warnings: string[], format: OutputFormat) {
  return {
    format,
    output: written,
    bytes: result.files.reduce((n, f) => n + f.bytes.length, 0),
    slides: result.scenes.length,
    title: result.deck.title,
    design: { ratio: result.deck.design.ratio, theme: result.deck.design.theme, layout: result.deck.design.layout },
    pages: result.laidOut.pages.map((p, i) => ({
      page: i + 1,
      slide: p.slideId,
      kind: p.kind,
      layout: p.layout,
      part: p.part,
      bodySize: Math.round(p.bodySize * 100) / 100,
      ...pageMetrics(p, result.laidOut.theme, result.deck.design.ratio.width),
      images: p.elements.flatMap((e) => (e.type === 'image' ? [{ src: e.src.startsWith('data:') ? 'data:…' : e.src, alt: e.alt ?? null }] : [])),
    })),
    warnings,
    timings: result.timings,
  };
}

function timeLimitMs(flags: CliFlags): number | undefined {
  const seconds = numberFlag(flags, 'time-limit');
  if (seconds === undefined) return undefined;
  if (!(seconds > 0)) throw new UsageError(`--time-limit: "${String(flags['time-limit'])}" is not a positive number of seconds`);
  return seconds * 1000;
}
