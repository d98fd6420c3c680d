import { parseArgs } from 'node:util';
import type { DesignInput } from '../design/resolve.js';
import { UsageError } from './usage.js';
import { layoutIdFor } from '../design/layouts.js';

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  format: { type: 'string', short: 'f' },
  page: { type: 'string' },
  ratio: { type: 'string' },
  theme: { type: 'string' },
  layout: { type: 'string' },
  pattern: { type: 'string' },
  'pattern-color': { type: 'string' },
  'pattern-opacity': { type: 'string' },
  progress: { type: 'string' },
  colors: { type: 'string' },
  align: { type: 'string' },
  emphasis: { type: 'string' },
  outro: { type: 'string' },
  'cover-style': { type: 'string' },
  'title-font': { type: 'string' },
  'body-font': { type: 'string' },
  'title-size': { type: 'string' },
  'body-size': { type: 'string' },
  'chrome-size': { type: 'string' },
  brand: { type: 'string' },
  cta: { type: 'string', multiple: true },
  'no-cta': { type: 'boolean' },
  'no-cover': { type: 'boolean' },
  headings: { type: 'string' },
  images: { type: 'string' },
  'no-header': { type: 'boolean' },
  'no-footer': { type: 'boolean' },
  quality: { type: 'string' },
  'time-limit': { type: 'string' },
  seconds: { type: 'string' },
  json: { type: 'boolean' },
  bundle: { type: 'string' },
  text: { type: 'string' },
  at: { type: 'string' },
  account: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  author: { type: 'string' },
  handle: { type: 'string' },
  thread: { type: 'string' },
  kind: { type: 'string' },
  slides: { type: 'string' },
  full: { type: 'boolean' },
  rewrite: { type: 'boolean' },
  list: { type: 'boolean' },
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  open: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export type CliFlags = ReturnType<typeof parseCli>['values'];

export function parseCli(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message.replace(/^.*?: /, '') : String(err));
  }
}

export function numberFlag(flags: CliFlags, name: keyof CliFlags): number | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${String(name)}: "${String(raw)}" is not a number`);
  return value;
}

/**
 * How an article becomes posts: condensed to key points (the default, `--slides N` for the count)
 * or `--full`, every paragraph. Threads and documents are never condensed.
 */
export function condenseFlag(flags: CliFlags): boolean | { slides?: number } {
  const slides = numberFlag(flags, 'slides');
  if (flags.full) {
    if (slides !== undefined) throw new UsageError('--slides and --full: choose one (--full keeps every paragraph)');
    return false;
  }
  if (slides === undefined) return true;
  if (!Number.isInteger(slides) || slides < 3 || slides > 60) throw new UsageError(`--slides: "${String(flags.slides)}" is not a whole number from 3 to 60`);
  return { slides };
}

function oneOf<T extends string>(flags: CliFlags, name: keyof CliFlags, allowed: readonly T[]): T | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  if (!allowed.includes(raw as T)) throw new UsageError(`--${String(name)}: "${String(raw)}" is not one of ${allowed.join(', ')}`);
  return raw as T;
}

/** `--colors background,text,accent[,second background]`, each `#rrggbb`. */
function colorsFlag(flags: CliFlags): DesignInput['colors'] {
  const raw = flags.colors;
  if (raw === undefined) return undefined;
  const parts = raw.split(',').map((p) => p.trim());
  if (parts.length < 3 || parts.length > 4 || parts.some((p) => !/^#[0-9a-f]{6}$/i.test(p))) {
    throw new UsageError(`--colors: "${raw}" is not background,text,accent[,second background] as #rrggbb colours (for example "#101820,#F2F2F2,#F2AA4C")`);
  }
  const [background, text, accent, backgroundTo] = parts;
  return { background, text, accent, ...(backgroundTo ? { backgroundTo } : {}) };
}

/** Flags -> the design input the library resolves (ids are checked there, with the list of valid ones). */
export function designFromFlags(flags: CliFlags): DesignInput {
  if ((flags.cta?.length ?? 0) > 3) throw new UsageError('--cta: at most three lines');
  return {
    ratio: flags.ratio,
    theme: flags.theme,
    layout: flags.layout === undefined ? undefined : layoutIdFor(flags.layout),
    typography: {
      titleSize: numberFlag(flags, 'title-size'),
      bodySize: numberFlag(flags, 'body-size'),
      chromeSize: numberFlag(flags, 'chrome-size'),
      titleFont: flags['title-font'],
      bodyFont: flags['body-font'],
    },
    pattern: { id: flags.pattern, color: flags['pattern-color'], opacity: numberFlag(flags, 'pattern-opacity') },
    brand: { show: { header: flags['no-header'] ? false : undefined, footer: flags['no-footer'] ? false : undefined } },
    cta: { enabled: flags['no-cta'] ? false : undefined, lines: flags.cta, style: oneOf(flags, 'outro', ['follow', 'link', 'subscribe'] as const) },
    plan: {
      cover: flags['no-cover'] ? false : undefined,
      headings: oneOf(flags, 'headings', ['section', 'title'] as const),
      images: oneOf(flags, 'images', ['slide', 'attach'] as const),
    },
    progress: oneOf(flags, 'progress', ['number', 'bar', 'dots'] as const),
    colors: colorsFlag(flags),
    align: oneOf(flags, 'align', ['left', 'center'] as const),
    coverStyle: oneOf(flags, 'cover-style', ['title', 'image', 'photo'] as const),
    emphasis: oneOf(flags, 'emphasis', ['colour', 'highlight'] as const),
  };
}
