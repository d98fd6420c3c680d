/**
 * Checks a bundle against what each platform accepts, on the files themselves, before anything is
 * posted. Every failed check says what to do about it.
 *
 * LinkedIn document posts: a PDF of at most 300 pages and 100 MB, every page one size.
 * Instagram carousels: at most 20 slides in the app and 10 through the API (at least 2), each an
 * sRGB JPEG of at most 8 MB, 320 to 1440 pixels wide, with an aspect ratio from 4:5 (portrait) to
 * 1.91:1 (landscape); the first slide's ratio is the crop of them all.
 */
import { readImageHeader } from '../node/image-header.js';
import type { OutputFile } from '../node/paint-pages.js';
import { checkCaption, type Captions } from './caption.js';

export const LINKEDIN_MAX_PAGES = 300;
export const LINKEDIN_MAX_BYTES = 100 * 1024 * 1024;
export const INSTAGRAM_APP_MAX_SLIDES = 20;
export const INSTAGRAM_API_MAX_SLIDES = 10;
export const INSTAGRAM_MIN_SLIDES = 2;
export const INSTAGRAM_MAX_JPEG_BYTES = 8 * 1024 * 1024;
export const INSTAGRAM_MIN_WIDTH = 320;
export const INSTAGRAM_MAX_WIDTH = 1440;
/** Width over height: 4:5 the tallest, 1.91:1 the widest. */
export const INSTAGRAM_MIN_RATIO = 4 / 5;
export const INSTAGRAM_MAX_RATIO = 1.91;

export interface PreflightCheck {
  platform: 'linkedin' | 'instagram';
  /** `app`: posting by hand in the app; `api`: publishing through the platform's API (Spool's Publish). */
  scope: 'app' | 'api' | 'both';
  id: string;
  ok: boolean;
  message: string;
  /** What to do when the check fails. */
  fix?: string;
}

export interface PreflightReport {
  ok: boolean;
  linkedin: { ok: boolean };
  instagram: { ok: boolean; api: boolean };
  checks: PreflightCheck[];
}

/** The checks of the files, and of the post's text for each platform when it is given. */
export function preflight(pdf: Uint8Array, jpegs: readonly OutputFile[], captions?: Captions): PreflightReport {
  const checks = [...linkedinChecks(pdf), ...instagramChecks(jpegs), ...(captions ? captionChecks(captions) : [])];
  const passes = (platform: string, scopes: string[]) => checks.filter((c) => c.platform === platform && scopes.includes(c.scope)).every((c) => c.ok);
  const linkedin = passes('linkedin', ['app', 'api', 'both']);
  const instagram = { ok: passes('instagram', ['app', 'both']), api: passes('instagram', ['api', 'both']) };
  return { ok: linkedin && instagram.ok && instagram.api, linkedin: { ok: linkedin }, instagram, checks };
}

/** The checks that keep `platform` from taking the post through its API (Publish). */
export function publishBlockers(report: PreflightReport, platform: PreflightCheck['platform']): PreflightCheck[] {
  return report.checks.filter((c) => c.platform === platform && !c.ok && c.scope !== 'app');
}

function captionChecks(captions: Captions): PreflightCheck[] {
  return (['linkedin', 'instagram'] as const).map((platform) => {
    const problem = checkCaption(captions[platform], platform);
    return check(platform, 'both', `${platform}-caption`, !problem, problem ?? `the text is ${[...captions[platform]].length} characters`, 'shorten the post text');
  });
}

function linkedinChecks(pdf: Uint8Array): PreflightCheck[] {
  const sizes = pdfPageSizes(pdf);
  const pages = sizes.length;
  const distinct = [...new Set(sizes.map((s) => s.join('x')))];
  return [
    check('linkedin', 'both', 'linkedin-pages', pages <= LINKEDIN_MAX_PAGES && pages > 0, `${pages} page${pages === 1 ? '' : 's'} (LinkedIn takes at most ${LINKEDIN_MAX_PAGES})`,
      pages === 0 ? 'the PDF has no pages: build it again' : `split the carousel into decks of at most ${LINKEDIN_MAX_PAGES} slides, or condense it (--slides)`),
    check('linkedin', 'both', 'linkedin-size', pdf.length <= LINKEDIN_MAX_BYTES, `${megabytes(pdf.length)} (LinkedIn takes at most 100 MB)`,
      'use fewer or smaller images, or split the carousel'),
    check('linkedin', 'both', 'linkedin-page-size', distinct.length === 1, distinct.length === 1 ? `every page is ${distinct[0]} pt` : `pages come in ${distinct.length} sizes (${distinct.slice(0, 3).join(', ')})`,
      'LinkedIn shows every page at the first one’s size: build the carousel at one ratio'),
  ];
}

function instagramChecks(jpegs: readonly OutputFile[]): PreflightCheck[] {
  const n = jpegs.length;
  const checks: PreflightCheck[] = [
    check('instagram', 'app', 'instagram-count-app', n <= INSTAGRAM_APP_MAX_SLIDES, `${n} slides (the app takes at most ${INSTAGRAM_APP_MAX_SLIDES})`,
      `split into posts of at most ${INSTAGRAM_APP_MAX_SLIDES} slides, or condense the source (--slides)`),
    check('instagram', 'api', 'instagram-count-api', n <= INSTAGRAM_API_MAX_SLIDES && n >= INSTAGRAM_MIN_SLIDES,
      `${n} slides (publishing through the API takes ${INSTAGRAM_MIN_SLIDES} to ${INSTAGRAM_API_MAX_SLIDES})`,
      n < INSTAGRAM_MIN_SLIDES ? 'a carousel needs at least 2 slides: add one, or post the image alone' : `split into posts of at most ${INSTAGRAM_API_MAX_SLIDES} slides, or condense the source (--slides 10)`),
  ];
  const headers = jpegs.map((file) => ({ file, header: readImageHeader(file.bytes) }));
  const notJpeg = headers.filter((h) => h.header?.format !== 'jpeg' || (h.header.components !== 3 && h.header.components !== 1));
  checks.push(check('instagram', 'both', 'instagram-format', notJpeg.length === 0,
    notJpeg.length === 0 ? 'every slide is an sRGB JPEG' : `${names(notJpeg.map((h) => h.file))} ${notJpeg.length === 1 ? 'is not an' : 'are not'} sRGB JPEG${notJpeg.length === 1 ? '' : 's'}`,
    'export the slides as JPEG'));
  const heavy = jpegs.filter((f) => f.bytes.length > INSTAGRAM_MAX_JPEG_BYTES);
  checks.push(check('instagram', 'both', 'instagram-file-size', heavy.length === 0,
    heavy.length === 0 ? `the largest slide is ${megabytes(Math.max(0, ...jpegs.map((f) => f.bytes.length)))} (at most 8 MB each)` : `${names(heavy)} ${heavy.length === 1 ? 'is' : 'are'} over 8 MB`,
    'recompress: a lower --quality, or smaller images on those slides'));
  const sized = headers.filter((h) => h.header).map((h) => ({ file: h.file, width: h.header!.width, height: h.header!.height }));
  const badWidth = sized.filter((s) => s.width < INSTAGRAM_MIN_WIDTH || s.width > INSTAGRAM_MAX_WIDTH);
  checks.push(check('instagram', 'api', 'instagram-width', badWidth.length === 0,
    badWidth.length === 0 ? `every slide is ${[...new Set(sized.map((s) => s.width))].join(', ')} px wide (${INSTAGRAM_MIN_WIDTH}–${INSTAGRAM_MAX_WIDTH})` : `${names(badWidth.map((s) => s.file))} ${badWidth[0].width} px wide, outside ${INSTAGRAM_MIN_WIDTH}–${INSTAGRAM_MAX_WIDTH}`,
    're-ratio to an Instagram size, such as portrait 4:5 (1080×1350; --ratio instagram-portrait)'));
  const first = sized[0];
  if (first) {
    const ratio = first.width / first.height;
    const fits = ratio >= INSTAGRAM_MIN_RATIO - 0.005 && ratio <= INSTAGRAM_MAX_RATIO + 0.005;
    checks.push(check('instagram', 'api', 'instagram-ratio', fits, `${first.width}×${first.height} is ${ratioName(first.width, first.height)} (the API takes 4:5 to 1.91:1)`,
      ratio < INSTAGRAM_MIN_RATIO ? 're-ratio to Instagram portrait, 4:5 (1080×1350; --ratio instagram-portrait): the tallest Instagram publishes through its API' : 're-ratio to Instagram landscape, 1.91:1 (--ratio instagram-landscape): the widest Instagram takes'));
    const odd = sized.filter((s) => s.width * first.height !== s.height * first.width);
    checks.push(check('instagram', 'both', 'instagram-crop', odd.length === 0,
      odd.length === 0 ? 'every slide has the first slide’s ratio' : `${names(odd.map((s) => s.file))} ${odd.length === 1 ? 'has' : 'have'} another ratio than the first slide, which sets the crop of them all`,
      'build every slide at one ratio'));
  }
  return checks;
}

function check(platform: PreflightCheck['platform'], scope: PreflightCheck['scope'], id: string, ok: boolean, message: string, fix: string): PreflightCheck {
  return ok ? { platform, scope, id, ok, message } : { platform, scope, id, ok, message, fix };
}

/**
 * Page sizes from the PDF's page objects (`/Type /Page` … `/MediaBox [...]`), in points. Our PDFs
 * write each page's MediaBox on the page itself, uncompressed.
 */
export function pdfPageSizes(pdf: Uint8Array): [number, number][] {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const sizes: [number, number][] = [];
  const objects = text.split(/\bendobj\b/);
  for (const object of objects) {
    if (!/\/Type\s*\/Page(?![s\w])/.test(object)) continue;
    const box = /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(object);
    if (!box) continue;
    const [x0, y0, x1, y1] = box.slice(1).map(Number);
    sizes.push([Math.round((x1 - x0) * 100) / 100, Math.round((y1 - y0) * 100) / 100]);
  }
  return sizes;
}

function names(files: readonly OutputFile[]): string {
  const shown = files.slice(0, 3).map((f) => f.name.replace(/^.*\//, ''));
  return files.length > 3 ? `${shown.join(', ')} and ${files.length - 3} more` : shown.join(', ');
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function ratioName(width: number, height: number): string {
  const known: [number, number][] = [[4, 5], [1, 1], [3, 4], [9, 16], [16, 9], [1.91, 1], [2, 3]];
  for (const [a, b] of known) if (Math.abs(width / height - a / b) < 0.01) return `${a}:${b}`;
  return `${(width / height).toFixed(2)}:1`;
}
