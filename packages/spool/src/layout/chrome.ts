import type { Author } from '../model/document.js';
import type { Design, ProgressStyle } from '../design/types.js';
import type { Box, LayoutContext } from './context.js';
import { MARGIN } from './context.js';
import { setText } from './lines.js';
import { baseStyle } from './styles.js';
import { avatar } from './templates/author.js';
import type { LaidElement } from './types.js';
import type { StyledText } from '../text/types.js';
import { isolated } from '../text/bidi.js';

/** Distance of header and footer from the page edge; short landscape pages get less. */
function edge(height: number): number {
  return Math.min(24, height * 0.05);
}

function chromeHeight(design: Design): number {
  return design.typography.chromeSize * 1.9;
}

/** The box between header and footer, inside the side margins. */
export function contentBox(design: Design, width: number, height: number): Box {
  const ch = chromeHeight(design);
  const gap = Math.min(20, height * 0.045);
  const top = design.brand.show.header ? edge(height) + ch + gap : Math.min(MARGIN + 8, height * 0.1);
  const bottom = design.brand.show.footer ? height - edge(height) - ch - gap * 0.8 : height - Math.min(MARGIN + 8, height * 0.1);
  return { x: MARGIN, y: top, w: width - MARGIN * 2, h: bottom - top };
}

/** Brand header: avatar, name and handle on the left; the logo, or else the website, on the right. */
export function header(ctx: LayoutContext, author: Author | undefined): LaidElement[] {
  const { brand, typography } = ctx.design;
  if (!brand.show.header) return [];
  const size = typography.chromeSize;
  const d = chromeHeight(ctx.design);
  const out: LaidElement[] = [];
  let x = MARGIN;
  const name = brand.name ?? author?.name;
  const handle = brand.handle ?? author?.handle;
  if (brand.show.avatar && (brand.avatar || author?.avatar || name || handle)) {
    const picture = avatar(ctx, { name: name ?? '', handle: handle ?? '' }, brand.avatar ?? author?.avatar, x, edge(ctx.height), d);
    out.push(...picture.map((e): LaidElement => (e.type === 'text' ? { ...e, role: 'chrome' } : e)));
    x += d + size * 0.6;
  }
  const texts = [];
  // Each part keeps its own direction: `سارة  @sara`, not the `sara@  سارة` one bidi run would give.
  if (brand.show.name && name) texts.push({ text: isolated(name), style: baseStyle(ctx.fonts.body, size, ctx.theme.title, 700) });
  if (brand.show.handle && handle) texts.push({ text: `${texts.length ? '  ' : ''}${isolated(`@${handle.replace(/^@/, '')}`)}`, style: baseStyle(ctx.fonts.body, size, ctx.theme.muted, 400) });
  let right = ctx.width - MARGIN;
  if (brand.show.logo && brand.logo && ctx.images(brand.logo)) {
    const info = ctx.images(brand.logo)!;
    const w = Math.min(d * (info.width / info.height), ctx.width / 3);
    right -= w;
    out.push({ type: 'image', src: brand.logo, x: right, y: edge(ctx.height), w, h: d, fit: 'contain', radius: 0, alt: name ? `${name} logo` : 'logo' });
  } else if (brand.show.website && brand.website) {
    const site = setText(ctx.engine, [{ text: displayUrl(brand.website), style: baseStyle(ctx.fonts.body, size, ctx.theme.muted, 400) }], 0, 0, ctx.width / 2, 1.2);
    right -= site.width;
    out.push({ ...setText(ctx.engine, [{ text: displayUrl(brand.website), style: baseStyle(ctx.fonts.body, size, ctx.theme.muted, 400) }], right, edge(ctx.height) + (d - size * 1.2) / 2, site.width + 1, 1.2).text, role: 'chrome' });
  }
  if (texts.length) out.push(oneLine(ctx, texts, x, edge(ctx.height) + (d - size * 1.2) / 2, right - x - size));
  return out;
}

/** Footer: website or handle on the left, page number and a swipe hint on the right. */
export function footer(ctx: LayoutContext, author: Author | undefined, page: number, pages: number, onImage = false): LaidElement[] {
  const { brand, typography } = ctx.design;
  if (!brand.show.footer) return [];
  // On a picture under a scrim the footer is white, which reads on the scrim whatever the picture.
  if (onImage) ctx = { ...ctx, accent: '#FFFFFF', theme: { ...ctx.theme, muted: '#FFFFFF' } };
  const size = typography.chromeSize;
  const y = ctx.height - edge(ctx.height) - size * 1.2 - 4;
  const out: LaidElement[] = [];
  const rightTexts = [];
  const progress = brand.show.pageNumbers ? progressStyle(ctx.design, pages) : undefined;
  if (progress === 'number') rightTexts.push({ text: `${page}/${pages}`, style: baseStyle(ctx.fonts.body, size, ctx.theme.muted, 700) });
  const marks = progress === 'bar' || progress === 'dots' ? progressMarks(ctx, progress, page, pages, y + size * 0.6) : [];
  out.push(...marks);
  // Text on either side stops short of the marks in the middle.
  const marksLeft = marks.reduce((x, e) => (e.type === 'rect' ? Math.min(x, e.x) : x), Infinity);
  if (brand.show.swipeHint && page < pages) rightTexts.push({ text: `${rightTexts.length ? '   ' : ''}Swipe →`, style: baseStyle(ctx.fonts.body, size, ctx.accent, 700) });
  let right = ctx.width - MARGIN;
  if (rightTexts.length) {
    const w = ctx.engine.measure(rightTexts);
    right -= w;
    out.push(oneLine(ctx, rightTexts, right, y, w + 1));
  }
  const handle = brand.handle ?? author?.handle;
  const left = brand.show.website && brand.website ? displayUrl(brand.website) : handle && brand.show.handle ? `@${handle.replace(/^@/, '')}` : '';
  const leftEnd = marks.length ? Math.min(right, marksLeft) - size * 0.8 : right - size;
  if (left) out.push(oneLine(ctx, [{ text: left, style: baseStyle(ctx.fonts.body, size, ctx.theme.muted, 400) }], MARGIN, y, leftEnd - MARGIN));
  return out;
}

/** Dots make sense for a deck a reader can count at a glance; past that the bar says the same. */
const MAX_DOTS = 15;

function progressStyle(design: Design, pages: number): ProgressStyle {
  const style = design.progress ?? 'number';
  return style === 'dots' && pages > MAX_DOTS ? 'bar' : style;
}

/**
 * The reader's place as shapes, centred on the footer line `mid`: a thin track that fills with the
 * accent up to this page, or a dot a page with this one in the accent and wider.
 */
function progressMarks(ctx: LayoutContext, style: 'bar' | 'dots', page: number, pages: number, mid: number): LaidElement[] {
  const size = ctx.design.typography.chromeSize;
  if (style === 'bar') {
    const w = Math.min(ctx.width * 0.28, size * 9);
    const h = Math.max(2, size * 0.22);
    const x = (ctx.width - w) / 2;
    return [
      { type: 'rect', x, y: mid - h / 2, w, h, radius: h / 2, fill: ctx.theme.muted, opacity: 0.3 },
      { type: 'rect', x, y: mid - h / 2, w: (w * page) / pages, h, radius: h / 2, fill: ctx.accent },
    ];
  }
  const d = size * 0.42;
  const current = d * 2.6;
  const gap = d * 0.9;
  const total = (pages - 1) * (d + gap) + current;
  let x = (ctx.width - total) / 2;
  const dots: LaidElement[] = [];
  for (let i = 1; i <= pages; i++) {
    const w = i === page ? current : d;
    dots.push({ type: 'rect', x, y: mid - d / 2, w, h: d, radius: d / 2, fill: i === page ? ctx.accent : ctx.theme.muted, opacity: i === page ? 1 : 0.45 });
    x += w + gap;
  }
  return dots;
}

/**
 * Chrome never wraps: what doesn't fit on one line is shortened to the longest start that fits
 * with an ellipsis after it (the PDF's metadata keeps the whole byline).
 */
function oneLine(ctx: LayoutContext, texts: readonly StyledText[], x: number, y: number, width: number): LaidElement {
  const room = Math.max(width, 1);
  const fitted = ctx.engine.measure(texts) <= room ? texts : shortened(ctx, texts, room);
  const set = setText(ctx.engine, fitted, x, y, room, 1.2);
  return { ...set.text, lines: set.text.lines.slice(0, 1), role: 'chrome' };
}

const ISOLATES = /[\u2068\u2069]/g;

/** The first `keep` characters of `texts` and an ellipsis, each part keeping its own direction. */
function cut(texts: readonly StyledText[], keep: number): StyledText[] {
  const out: StyledText[] = [];
  let left = keep;
  for (const t of texts) {
    const plain = t.text.replace(ISOLATES, '');
    const chars = [...plain];
    const whole = chars.length <= left;
    const kept = whole ? plain : `${chars.slice(0, left).join('').trimEnd()}…`;
    const text = t.text === plain ? kept : isolated(kept);
    if (kept.trim() !== '' && kept !== '…') out.push({ ...t, text });
    else if (!whole && out.length > 0) out[out.length - 1] = { ...out[out.length - 1], text: `${out[out.length - 1].text.trimEnd()}…` };
    if (!whole) break;
    left -= chars.length;
  }
  return out;
}

/** The longest cut of `texts` that fits in `width`, found by halving. */
function shortened(ctx: LayoutContext, texts: readonly StyledText[], width: number): StyledText[] {
  let lo = 0;
  let hi = texts.reduce((n, t) => n + [...t.text.replace(ISOLATES, '')].length, 0) - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.engine.measure(cut(texts, mid)) <= width) lo = mid;
    else hi = mid - 1;
  }
  return cut(texts, lo);
}

export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}
