import type { Author } from '../model/document.js';
import type { Design } from '../design/types.js';
import type { Box, LayoutContext } from './context.js';
import { MARGIN } from './context.js';
import { setText } from './lines.js';
import { baseStyle } from './styles.js';
import { avatar } from './templates/author.js';
import type { LaidElement } from './types.js';
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
export function footer(ctx: LayoutContext, author: Author | undefined, page: number, pages: number): LaidElement[] {
  const { brand, typography } = ctx.design;
  if (!brand.show.footer) return [];
  const size = typography.chromeSize;
  const y = ctx.height - edge(ctx.height) - size * 1.2 - 4;
  const out: LaidElement[] = [];
  const rightTexts = [];
  if (brand.show.pageNumbers) rightTexts.push({ text: `${page}/${pages}`, style: baseStyle(ctx.fonts.body, size, ctx.theme.muted, 700) });
  if (brand.show.swipeHint && page < pages) rightTexts.push({ text: `${rightTexts.length ? '   ' : ''}Swipe →`, style: baseStyle(ctx.fonts.body, size, ctx.accent, 700) });
  let right = ctx.width - MARGIN;
  if (rightTexts.length) {
    const w = ctx.engine.measure(rightTexts);
    right -= w;
    out.push(oneLine(ctx, rightTexts, right, y, w + 1));
  }
  const handle = brand.handle ?? author?.handle;
  const left = brand.show.website && brand.website ? displayUrl(brand.website) : handle && brand.show.handle ? `@${handle.replace(/^@/, '')}` : '';
  if (left) out.push(oneLine(ctx, [{ text: left, style: baseStyle(ctx.fonts.body, size, ctx.theme.muted, 400) }], MARGIN, y, right - MARGIN - size));
  return out;
}

/** Chrome never wraps: what doesn't fit on one line is cut at a line break the engine chose. */
function oneLine(ctx: LayoutContext, texts: Parameters<typeof setText>[1], x: number, y: number, width: number): LaidElement {
  const set = setText(ctx.engine, texts, x, y, Math.max(width, 1), 1.2);
  return { ...set.text, lines: set.text.lines.slice(0, 1), role: 'chrome' };
}

function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}
