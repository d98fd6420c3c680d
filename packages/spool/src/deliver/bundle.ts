/**
 * A ready-to-post bundle: the LinkedIn PDF, the Instagram JPEGs, the captions, the document title,
 * alt text for every slide and a preflight report, from one layout of the deck.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { DesignInput } from '../design/resolve.js';
import type { Design } from '../design/types.js';
import { resolveDesign } from '../design/resolve.js';
import type { Deck } from '../model/deck.js';
import type { SpoolDocument } from '../model/document.js';
import { planDeck } from '../plan/plan-deck.js';
import { BUILD_STEPS, made, round, runSteps, type BuildState } from '../node/build-steps.js';
import type { RenderOptions } from '../node/build-types.js';
import { DEFAULT_BUILD_TIME_LIMIT_MS, TimeLimitError } from '../node/build.js';
import { paintFiles, type OutputFile } from '../node/paint-pages.js';
import { imageRefs } from '../node/resources.js';
import { pageAltText } from './alt-text.js';
import { captionsFor, type Captions } from './caption.js';
import { preflight, type PreflightReport } from './preflight.js';
import { writeAtomic } from '../node/write-file.js';

export interface BundleOptions extends Omit<RenderOptions, 'format' | 'zip' | 'page' | 'onProgress'> {
  design?: DesignInput | Design;
  /** The user's own post text, used for both platforms instead of the generated captions. */
  caption?: string;
}

export interface Bundle {
  title: string;
  /** `linkedin.pdf`, `instagram/slide-01.jpg`…, the captions, `alt-text.txt`, the preflight, `bundle.json` (see bundleFiles). */
  files: OutputFile[];
  /** The PDF and the JPEGs themselves, for publishing without unpacking `files`. */
  pdf: Uint8Array;
  jpegs: OutputFile[];
  captions: Captions;
  altText: string[];
  preflight: PreflightReport;
  warnings: string[];
  pages: number;
  timings: Record<string, number>;
}

/** A document in, a bundle out: planned as `buildCarousel` plans it. */
export async function makeBundle(document: SpoolDocument, options: BundleOptions = {}): Promise<Bundle> {
  const start = performance.now();
  const design = isDesign(options.design) ? options.design : resolveDesign(options.design ?? {});
  const deck = planDeck(document, design);
  const planMs = performance.now() - start;
  const bundle = await bundleDeck(deck, { ...options, extraImages: [...(options.extraImages ?? []), ...imageRefs(document, design)] });
  return { ...bundle, timings: { plan: round(planMs), ...bundle.timings } };
}

/** A planned or edited deck in, a bundle out: laid out once, painted as a PDF and as JPEGs. */
export async function bundleDeck(deck: Deck, options: BundleOptions = {}): Promise<Bundle> {
  const limitMs = options.timeLimitMs ?? DEFAULT_BUILD_TIME_LIMIT_MS;
  const stopAt = performance.now() + limitMs;
  const checkpoint = () => {
    if (performance.now() > stopAt) throw new TimeLimitError(`the bundle took longer than the ${Math.round(limitMs / 100) / 10} s limit to build and was stopped; try a shorter or simpler source`);
  };
  const state: BuildState = { deck, options: { ...options, format: 'pdf' }, checkpoint };
  const timings: Record<string, number> = {};
  await runSteps(state, BUILD_STEPS, timings);
  const pdf = made(state, 'files')[0].bytes;
  const jpegStart = performance.now();
  const jpegs = (await paintFiles(deck, made(state, 'scenes'), made(state, 'resources'), { format: 'jpeg', jpegQuality: options.jpegQuality, checkpoint })).map((f) => ({
    name: `instagram/${f.name}`,
    bytes: f.bytes,
  }));
  timings.jpeg = round(performance.now() - jpegStart);
  const laidOut = made(state, 'laidOut');
  const altText = laidOut.pages.map(pageAltText);
  const captions = options.caption !== undefined ? { linkedin: options.caption, instagram: options.caption } : captionsFor(deck);
  const report = preflight(pdf, jpegs, captions);
  const title = documentTitle(deck, captions.linkedin);
  const warnings = made(state, 'warnings').map((w) => w.message);
  const parts: BundleParts = { title, pdf, jpegs, captions, altText, preflight: report, warnings, pages: laidOut.pages.length };
  const files = bundleFiles(parts);
  return { ...parts, files, timings };
}

/** What a bundle holds, before it is laid out as files. */
export type BundleParts = Omit<Bundle, 'files' | 'timings'>;

/**
 * The bundle as files, the same from the CLI's folder and the server's ZIP: the PDF, the JPEGs,
 * both captions, the title, alt text by page, the preflight for people and for scripts, and all of
 * it in `bundle.json`.
 */
export function bundleFiles(parts: BundleParts): OutputFile[] {
  const { title, pdf, jpegs, captions, altText, preflight: report, warnings, pages } = parts;
  const text = (s: string) => new TextEncoder().encode(s.endsWith('\n') ? s : `${s}\n`);
  const manifest = { title, pages, captions, altText, preflight: report, warnings };
  return [
    { name: 'linkedin.pdf', bytes: pdf },
    ...jpegs,
    { name: 'caption-linkedin.txt', bytes: text(captions.linkedin) },
    { name: 'caption-instagram.txt', bytes: text(captions.instagram) },
    { name: 'title.txt', bytes: text(title) },
    { name: 'alt-text.txt', bytes: text(altText.map((alt, i) => `${i + 1}. ${alt}`).join('\n')) },
    { name: 'preflight.txt', bytes: text(preflightText(report)) },
    { name: 'preflight.json', bytes: text(JSON.stringify(report, null, 2)) },
    { name: 'bundle.json', bytes: text(JSON.stringify(manifest, null, 2)) },
  ];
}

/** LinkedIn requires a document title: the deck's, else the hook, at most 400 characters. */
function documentTitle(deck: Deck, caption: string): string {
  const title = (deck.title ?? caption.split('\n')[0] ?? '').replace(/\s+/g, ' ').trim() || 'Carousel';
  return [...title].length > 400 ? `${[...title].slice(0, 399).join('')}…` : title;
}

/** Writes the bundle's files under `dir` (made if needed); returns the paths written. */
export async function writeBundle(bundle: Bundle, dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const file of bundle.files) {
    const target = path.join(dir, file.name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeAtomic(target, file.bytes);
    written.push(target);
  }
  return written;
}

/** One line per check, failures first, each with what to do. */
export function preflightText(report: PreflightReport): string {
  const label = { linkedin: 'LinkedIn', instagram: 'Instagram' } as const;
  const scope = { app: ' (app)', api: ' (API)', both: '' } as const;
  const lines = [...report.checks.filter((c) => !c.ok), ...report.checks.filter((c) => c.ok)].map((c) =>
    `${c.ok ? 'ok  ' : 'FAIL'} ${label[c.platform]}${scope[c.scope]}: ${c.message}${c.fix ? ` — ${c.fix}` : ''}`,
  );
  return lines.join('\n');
}

function isDesign(value: BundleOptions['design']): value is Design {
  return !!value && typeof (value as Design).ratio === 'object';
}
