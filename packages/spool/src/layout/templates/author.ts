import type { Author } from '../../model/document.js';
import type { LayoutContext } from '../context.js';
import { setText } from '../lines.js';
import { baseStyle } from '../styles.js';
import type { LaidElement } from '../types.js';

/** A round avatar: the author's picture, or their initials on the accent colour. */
export function avatar(ctx: LayoutContext, author: Author | undefined, src: string | undefined, x: number, y: number, d: number): LaidElement[] {
  if (src && ctx.images(src)) {
    return [{ type: 'image', src, x, y, w: d, h: d, fit: 'cover', radius: d / 2, alt: author?.name ? `${author.name}’s avatar` : undefined }];
  }
  const initials = initialsOf(author?.name || author?.handle || '');
  // Nobody to show (an article with no byline): no empty circle either.
  if (!initials) return [];
  const circle: LaidElement = { type: 'rect', x, y, w: d, h: d, radius: d / 2, fill: ctx.accent };
  const size = d * 0.4;
  const label = setText(ctx.engine, [{ text: initials, style: baseStyle(ctx.fonts.title, size, ctx.theme.onAccent, 700) }], x, y + (d - size * 1.2) / 2, d, 1.2, 'center');
  return [circle, label.text];
}

function initialsOf(name: string): string {
  const words = name.replace(/^@/, '').split(/\s+/).filter(Boolean);
  return words.slice(0, 2).map((w) => [...w][0]?.toUpperCase() ?? '').join('');
}

/** The same person by handle (or, where either has none, by name): a brand kit for the author. */
export function samePerson(a: { name?: string; handle?: string } | undefined, b: { name?: string; handle?: string } | undefined): boolean {
  const handle = (x?: string) => (x ?? '').trim().replace(/^@+/, '').toLowerCase();
  const name = (x?: string) => (x ?? '').trim().toLowerCase();
  if (handle(a?.handle) && handle(b?.handle)) return handle(a?.handle) === handle(b?.handle);
  return name(a?.name) !== '' && name(a?.name) === name(b?.name);
}

/**
 * One person, one picture on every part of a slide: when the brand kit is the author's own, its
 * avatar is theirs too, so the cover and the post card show what the header shows.
 */
export function pictureOf(ctx: LayoutContext, author: Author | undefined): string | undefined {
  const brand = ctx.design.brand;
  if (brand.avatar && samePerson(author, brand)) return brand.avatar;
  return author?.avatar;
}

/** Avatar, then the name in bold over the @handle in the muted colour. */
export function hasIdentity(author: Author | undefined): author is Author {
  return !!author && (author.name.trim() !== '' || author.handle.trim() !== '');
}

export function authorRow(
  ctx: LayoutContext,
  author: Author | undefined,
  x: number,
  y: number,
  d: number,
  size: number,
  colours: { name: string; handle: string } = { name: ctx.theme.title, handle: ctx.theme.muted },
): LaidElement[] {
  if (!hasIdentity(author)) return [];
  const out = avatar(ctx, author, pictureOf(ctx, author), x, y, d);
  const textX = x + d + size * 0.6;
  const width = ctx.width - textX - 36;
  const handleText = author.handle ? `@${author.handle.replace(/^@/, '')}` : '';
  const [first, second] = author.name ? [author.name, handleText] : [handleText, ''];
  const top = second ? y + d / 2 - size * 1.25 : y + (d - size * 1.25) / 2;
  const name = setText(ctx.engine, [{ text: first, style: baseStyle(ctx.fonts.body, size, colours.name, 700) }], textX, top, width, 1.25);
  if (!second) return [...out, name.text];
  const handle = setText(ctx.engine, [{ text: second, style: baseStyle(ctx.fonts.body, size * 0.9, colours.handle, 400) }], textX, y + d / 2, width, 1.25);
  return [...out, name.text, handle.text];
}
