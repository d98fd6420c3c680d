import path from 'node:path';
import { makeBundle, preflightText, writeBundle } from '../deliver/bundle.js';
import { numberFlag, type CliFlags } from './args.js';
import { designWithBrand, linkOutroForArticles } from './design-flags.js';
import type { CliIo } from './io.js';
import { readSource } from './read-source.js';
import { UsageError } from './usage.js';

/**
 * `spool build <input> --bundle folder/`: everything a post needs, offline — the LinkedIn PDF, the
 * Instagram JPEGs, both captions, the title, alt text and the preflight report. Failed checks are
 * told with what to do; the bundle is written all the same.
 */
export async function runBundle(flags: CliFlags, input: string, io: CliIo): Promise<number> {
  const dir = flags.bundle!;
  if (!dir) throw new UsageError('--bundle needs a folder: --bundle out/');
  if (flags.out) throw new UsageError('--bundle and -o: choose one (the bundle holds the PDF and the images)');
  if (flags.format || flags.page !== undefined) throw new UsageError('--bundle writes a PDF and JPEGs: leave out --format and --page');
  if (path.extname(dir) && !dir.endsWith('/')) throw new UsageError(`--bundle ${dir}: give a folder, e.g. --bundle ${dir.replace(/\.[^.]+$/, '')}/`);
  const design = await designWithBrand(flags);
  const imported = await readSource(input, flags, io);
  linkOutroForArticles(design, imported.document, flags);
  const bundle = await makeBundle(imported.document, {
    design,
    baseDir: imported.baseDir,
    source: input === '-' ? 'stdin' : path.basename(input),
    jpegQuality: numberFlag(flags, 'quality'),
    ...(flags.text !== undefined ? { caption: flags.text } : {}),
  });
  const written = await writeBundle(bundle, dir);
  const warnings = [...imported.warnings, ...bundle.warnings];
  const quiet = flags.quiet || flags.json;
  if (!quiet) for (const w of warnings) io.stderr.write(`warning: ${w}\n`);
  if (flags.json) {
    const { files: _files, pdf: _pdf, jpegs: _jpegs, ...rest } = bundle;
    io.stdout.write(`${JSON.stringify({ ...rest, output: written, warnings }, null, 2)}\n`);
  } else if (!flags.quiet) {
    io.stderr.write(`${preflightText(bundle.preflight)}\n`);
    io.stderr.write(`${bundle.pages} slides -> ${written.length} files in ${dir}${bundle.preflight.ok ? '' : ' (some checks failed: see above)'}\n`);
  }
  return 0;
}
