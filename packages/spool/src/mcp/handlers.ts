/**
 * What each tool does, given arguments its schema has checked. Each returns the tool's result or
 * throws; tools.ts turns a throw into an error result. The build and bundle stacks load on first use,
 * so the server answers `initialize` at once.
 */
import path from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { DESIGN_LIST_NAMES, DESIGN_LISTS, type DesignListName } from '../design/catalog.js';
import { SpoolInputError } from '../errors/input-error.js';
import { designFromArgs, linkOutroForArticles, type DesignArgs } from './design-input.js';
import { outputTarget, writeOutput, type ImageFormat } from './output-target.js';
import { jsonResult } from './results.js';
import { documentSummary, readToolSource, sourceName, type SourceArgs } from './source-input.js';

export interface BuildLimits {
  /** Seconds a build may run before it is stopped (default 30, as the CLI). */
  time_limit?: number;
}

export function listDesigns(args: { what?: DesignListName }): CallToolResult {
  const names = args.what ? [args.what] : DESIGN_LIST_NAMES;
  const lists = Object.fromEntries(names.map((name) => [name, DESIGN_LISTS[name]().map(({ id, label, description }) => ({ id, label, description }))]));
  return jsonResult(lists);
}

export async function importDocument(args: SourceArgs & { out?: string }): Promise<CallToolResult> {
  const imported = await readToolSource(args);
  const summary = { ...documentSummary(imported.document, args), warnings: imported.warnings };
  if (args.out === undefined) return jsonResult(summary);
  const { writeThreadFile } = await import('../node/thread-file-out.js');
  const output = path.resolve(args.out);
  await writeThreadFile(imported.document, output, imported.baseDir);
  return jsonResult({ ...summary, output });
}

export async function buildFiles(args: SourceArgs & DesignArgs & BuildLimits & { out: string; format?: ImageFormat; quality?: number }): Promise<CallToolResult> {
  const target = await outputTarget(args.out, args.format);
  const design = await designFromArgs(args);
  const imported = await readToolSource(args);
  linkOutroForArticles(design, imported.document, args);
  const { buildCarousel } = await import('../node/build.js');
  const { buildSummary } = await import('../node/build-summary.js');
  const result = await buildCarousel(imported.document, {
    design,
    format: target.format,
    baseDir: imported.baseDir,
    source: sourceName(args),
    zip: target.kind === 'zip',
    jpegQuality: args.quality,
    timeLimitMs: timeLimitMs(args),
  });
  const written = await writeOutput(target, result.files);
  const warnings = [...imported.warnings, ...result.warnings.map((w) => w.message)];
  return jsonResult(buildSummary(result, written, warnings, target.format));
}

export async function renderPage(args: SourceArgs & DesignArgs & BuildLimits & { page: number; width?: number }): Promise<CallToolResult> {
  const design = await designFromArgs(args);
  const imported = await readToolSource(args);
  linkOutroForArticles(design, imported.document, args);
  const { buildCarousel } = await import('../node/build.js');
  const { pageMetrics } = await import('../layout/page-metrics.js');
  const result = await buildCarousel(imported.document, {
    design,
    format: 'png',
    page: args.page,
    baseDir: imported.baseDir,
    source: sourceName(args),
    timeLimitMs: timeLimitMs(args),
  });
  const exportWidth = result.deck.design.ratio.width;
  const png = args.width !== undefined && args.width < exportWidth ? await scaleToWidth(result.files[0].bytes, args.width) : result.files[0].bytes;
  const page = result.laidOut.pages[args.page - 1];
  const m = pageMetrics(page, result.laidOut.theme, exportWidth);
  const warnings = [...imported.warnings, ...result.warnings.filter((w) => !w.slideId || w.slideId === page.slideId).map((w) => w.message)];
  const lines = [
    `Page ${args.page} of ${result.laidOut.pages.length}: ${page.kind} slide, composition "${page.layout}"${page.part > 0 ? ` (continued, part ${page.part + 1})` : ''}.`,
    `${m.words} words, smallest text ${m.smallestTextPx} px, lowest contrast ${m.lowestContrast}:1, ${m.widows} ${m.widows === 1 ? 'widow' : 'widows'} (at ${exportWidth} px wide).`,
    ...warnings.map((w) => `warning: ${w}`),
  ];
  return {
    content: [
      { type: 'image', data: Buffer.from(png).toString('base64'), mimeType: 'image/png' },
      { type: 'text', text: lines.join('\n') },
    ],
  };
}

export async function bundleFiles(args: SourceArgs & DesignArgs & BuildLimits & { out: string; caption?: string; quality?: number }): Promise<CallToolResult> {
  const dir = path.resolve(args.out);
  if (path.extname(args.out) && !args.out.endsWith('/')) throw new SpoolInputError('out', `${args.out}: give a folder for the bundle, e.g. ${args.out.replace(/\.[^.]+$/, '')}/`);
  const design = await designFromArgs(args);
  const imported = await readToolSource(args);
  linkOutroForArticles(design, imported.document, args);
  const { makeBundle, writeBundle } = await import('../deliver/bundle.js');
  const bundle = await makeBundle(imported.document, {
    design,
    baseDir: imported.baseDir,
    source: sourceName(args),
    jpegQuality: args.quality,
    timeLimitMs: timeLimitMs(args),
    ...(args.caption !== undefined ? { caption: args.caption } : {}),
  });
  const written = await writeBundle(bundle, dir);
  const { title, pages, captions, altText, preflight } = bundle;
  return jsonResult({ title, pages, captions, altText, preflight, output: written, warnings: [...imported.warnings, ...bundle.warnings] });
}

function timeLimitMs(args: BuildLimits): number | undefined {
  return args.time_limit === undefined ? undefined : args.time_limit * 1000;
}

/** A PNG scaled down to `width` pixels wide, its height in proportion. */
async function scaleToWidth(png: Uint8Array, width: number): Promise<Uint8Array> {
  const { default: sharp } = await import('sharp');
  return new Uint8Array(await sharp(png).resize({ width }).png().toBuffer());
}
