import type { Slide } from '../../model/deck.js';
import type { Box, LayoutContext } from '../context.js';
import type { PagePart, TextSpec } from '../compose.js';
import { composePages } from '../compose.js';
import { placeImages } from '../images.js';
import { setText } from '../lines.js';
import { baseStyle } from '../styles.js';
import { authorRow, hasIdentity } from './author.js';
import type { LaidElement } from '../types.js';
import { centerIn, extentY } from '../shift.js';
import { leadX } from './direction.js';

function bodySpec(ctx: LayoutContext, slide: Slide): TextSpec {
  const t = ctx.design.typography;
  return {
    title: slide.title,
    blocks: slide.blocks,
    media: slide.media,
    body: { size: t.bodySize, color: ctx.theme.text, family: ctx.fonts.body },
    titleSize: t.titleSize,
    minScale: 0.75,
  };
}

const RULE_H = 4;

/** Title and body with a short accent rule on top; images below the text. */
export function layoutClassic(ctx: LayoutContext, slide: Slide): PagePart[] {
  const rule = ruleAt(ctx, leadX(ctx.box, slide, 32), ctx.box.y);
  const inner = shrinkTop(ctx.box, RULE_H + ctx.design.typography.bodySize);
  return centerSingle(withFirst(composePages(ctx, inner, bodySpec(ctx, slide)), [rule]), ctx.box);
}

/** A large accent badge with the step number, then the text. */
export function layoutNumbered(ctx: LayoutContext, slide: Slide): PagePart[] {
  const d = 46;
  const x = leadX(ctx.box, slide, d);
  const badge: LaidElement = { type: 'rect', x, y: ctx.box.y, w: d, h: d, radius: d / 2, fill: ctx.accent };
  const label = String(ctx.ordinal).padStart(2, '0');
  const num = setText(ctx.engine, [{ text: label, style: baseStyle(ctx.fonts.title, 19, ctx.theme.onAccent, 700) }], x, ctx.box.y + (d - 19 * 1.2) / 2, d, 1.2, 'center');
  const inner = shrinkTop(ctx.box, d + ctx.design.typography.bodySize);
  return centerSingle(withFirst(composePages(ctx, inner, bodySpec(ctx, slide)), [badge, num.text]), ctx.box);
}

/** Big bold text, centred in the slide; shrinks down to the body size before continuing. */
export function layoutStatement(ctx: LayoutContext, slide: Slide): PagePart[] {
  const t = ctx.design.typography;
  const big = Math.max(t.bodySize, t.titleSize * 0.8);
  const spec: TextSpec = {
    ...bodySpec(ctx, slide),
    body: { size: big, color: ctx.theme.title, family: ctx.fonts.title, weight: 700, lineHeight: 1.25 },
    titleSize: t.titleSize * 1.1,
    minScale: t.bodySize / big,
    center: slide.media.length === 0,
  };
  return composePages(ctx, ctx.box, spec);
}

/** The image fills the top of the slide, cropped to the frame, with the text beneath. */
export function layoutImageFocus(ctx: LayoutContext, slide: Slide): PagePart[] {
  if (slide.media.length === 0) return layoutClassic(ctx, slide);
  const imageH = Math.round(ctx.box.h * 0.5);
  const hero = placeImages(ctx, slide.media.slice(0, 1), { ...ctx.box, h: imageH }).map((e) =>
    e.type === 'image' ? { ...e, x: ctx.box.x, w: ctx.box.w, h: imageH, fit: 'cover' as const } : e,
  );
  const spec = { ...bodySpec(ctx, slide), media: slide.media.slice(1) };
  const inner = shrinkTop(ctx.box, imageH + ctx.design.typography.bodySize);
  return withFirst(composePages(ctx, inner, spec), hero);
}

/** The post as a card: avatar, name and handle above its text, like on X. */
export function layoutPostCard(ctx: LayoutContext, slide: Slide): PagePart[] {
  const pad = 22;
  const headH = hasIdentity(slide.author) ? 40 : -14;
  const inner: Box = { x: ctx.box.x + pad, y: ctx.box.y + pad + headH + 14, w: ctx.box.w - pad * 2, h: ctx.box.h - pad * 2 - headH - 14 };
  const parts = composePages(ctx, inner, bodySpec(ctx, slide));
  const cards = parts.map((part) => {
    const bottom = extentY(part.elements)?.bottom ?? inner.y;
    const cardH = Math.min(ctx.box.h, bottom - ctx.box.y + pad);
    const card: LaidElement = {
      type: 'rect', x: ctx.box.x, y: ctx.box.y, w: ctx.box.w, h: cardH, radius: 18, fill: ctx.theme.surface,
      stroke: { color: ctx.theme.muted, width: 0.6 }, opacity: 1,
    };
    const head = authorRow(ctx, slide.author, ctx.box.x + pad, ctx.box.y + pad, 36, ctx.design.typography.bodySize * 0.85);
    return { ...part, elements: [card, ...head, ...part.elements] };
  });
  return centerSingle(cards, ctx.box);
}

/** A slide that fits on one page sits in the middle of it; continued text keeps to the top. */
function centerSingle(parts: PagePart[], box: Box): PagePart[] {
  return parts.length === 1 ? [{ ...parts[0], elements: centerIn(parts[0].elements, box) }] : parts;
}

function ruleAt(ctx: LayoutContext, x: number, y: number): LaidElement {
  return { type: 'rect', x, y, w: 32, h: RULE_H, radius: 2, fill: ctx.accent };
}

function shrinkTop(box: Box, by: number): Box {
  return { x: box.x, y: box.y + by, w: box.w, h: box.h - by };
}

function withFirst(parts: PagePart[], extra: LaidElement[]): PagePart[] {
  return parts.map((p, i) => (i === 0 ? { ...p, elements: [...extra, ...p.elements] } : p));
}
