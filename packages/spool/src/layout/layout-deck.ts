import type { Deck, Slide } from '../model/deck.js';
import { findTheme } from '../design/themes.js';
import { findLayout } from '../design/layouts.js';
import { SLIDE_UNITS_WIDE } from '../design/types.js';
import { slideUnitsHigh } from '../design/ratios.js';
import type { TextEngine } from '../text/types.js';
import type { LayoutContext } from './context.js';
import type { PagePart } from './compose.js';
import { contentBox, footer, header } from './chrome.js';
import { layoutClassic, layoutImageFocus, layoutNumbered, layoutPostCard, layoutStatement } from './templates/content.js';
import { layoutCover, layoutImageSlide, layoutOutro, layoutSection } from './templates/fixed.js';
import type { ImageLookup, LaidOutDeck, LaidOutPage, Warning } from './types.js';

const CONTENT_TEMPLATES: Record<string, (ctx: LayoutContext, slide: Slide) => PagePart[]> = {
  classic: layoutClassic,
  'post-card': layoutPostCard,
  statement: layoutStatement,
  numbered: layoutNumbered,
  'image-focus': layoutImageFocus,
};

/**
 * Deck -> laid-out pages. Each slide becomes one page, or several when its text continues;
 * header and footer go on last, once the page count is known.
 */
export function layoutDeck(deck: Deck, engine: TextEngine, images: ImageLookup): LaidOutDeck {
  const { design } = deck;
  const theme = findTheme(design.theme);
  findLayout(design.layout);
  const width = SLIDE_UNITS_WIDE;
  const height = slideUnitsHigh(design.ratio);
  const base: LayoutContext = {
    engine, design, theme, images, width, height,
    fonts: { title: design.typography.titleFont ?? theme.titleFont, body: design.typography.bodyFont ?? theme.bodyFont },
    box: contentBox(design, width, height),
    ordinal: 0,
    section: 0,
    accent: design.brand.accent ?? theme.accent,
  };
  const warnings: Warning[] = [];
  const pages: (LaidOutPage & { author?: Slide['author'] })[] = [];
  let ordinal = 0;
  let section = 0;
  for (const slide of deck.slides) {
    if (slide.kind === 'content') ordinal++;
    if (slide.kind === 'section') section++;
    const ctx: LayoutContext = { ...base, ordinal, section };
    const layout = slide.layout ?? design.layout;
    const parts = layoutSlide(ctx, slide, layout);
    if (parts.length > 1 && parts.filter((p) => p.elements.some((e) => e.type === 'text')).length > 1) {
      warnings.push({ code: 'text-continued', slideId: slide.id, message: `slide ${slide.id}: text too long for one slide, continued over ${parts.length} pages` });
    }
    for (const m of slide.media) {
      if (!images(m.src)) warnings.push({ code: 'image-missing', slideId: slide.id, message: `slide ${slide.id}: image ${m.src} could not be loaded` });
    }
    parts.forEach((part, i) => pages.push({ slideId: slide.id, kind: slide.kind, layout, part: i, bodySize: part.bodySize, elements: part.elements, author: slide.author }));
  }
  const author = deck.slides.find((s) => s.author)?.author;
  const laid = pages.map(({ author: slideAuthor, ...page }, i) => {
    const ctx = base;
    const chromeTop = showsHeader(page, design) ? header(ctx, slideAuthor ?? author) : [];
    return { ...page, elements: [...chromeTop, ...page.elements, ...footer(ctx, slideAuthor ?? author, i + 1, pages.length)] };
  });
  return { width, height, design, theme, pages: laid, warnings };
}

/**
 * The cover shows its author large, and a post card shows the post's author inside the card:
 * there the header would only repeat them, unless a brand kit names someone else.
 */
function showsHeader(page: LaidOutPage, design: Deck['design']): boolean {
  if (page.kind === 'cover') return false;
  const branded = !!(design.brand.name || design.brand.handle || design.brand.logo);
  return !(page.layout === 'post-card' && page.kind === 'content' && !branded);
}

export function layoutSlide(ctx: LayoutContext, slide: Slide, layout: string): PagePart[] {
  switch (slide.kind) {
    case 'cover':
      return layoutCover(ctx, slide);
    case 'section':
      return layoutSection(ctx, slide);
    case 'image':
      return layoutImageSlide(ctx, slide);
    case 'outro':
      return layoutOutro(ctx, slide);
    default:
      return (CONTENT_TEMPLATES[layout] ?? layoutClassic)(ctx, slide);
  }
}
