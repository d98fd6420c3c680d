import type { Highlighter } from '../formats/highlight.js';
import type { MathTypesetter } from '../formats/math.js';
import type { Deck, Slide } from '../model/deck.js';
import { spansText, type Author } from '../model/document.js';
import { customTheme, highlightBand, themeOf } from '../design/custom-theme.js';
import { findTheme } from '../design/themes.js';
import { contrastRatio } from '../design/contrast.js';
import { findLayout } from '../design/layouts.js';
import { SLIDE_UNITS_WIDE } from '../design/types.js';
import { slideUnitsHigh } from '../design/ratios.js';
import { cjkCounts, cjkLanguageOf, type CjkCounts } from '../text/cjk.js';
import type { TextEngine, TextLocale } from '../text/types.js';
import type { LayoutContext } from './context.js';
import type { PagePart } from './compose.js';
import { contentBox, footer, header } from './chrome.js';
import { samePerson } from './templates/author.js';
import { layoutClassic } from './templates/content.js';
import { CONTENT_TEMPLATES } from './templates/registry.js';
import { layoutCover, layoutImageSlide, layoutOutro, layoutSection } from './templates/fixed.js';
import { AUTO_LAYOUT_ID } from '../design/layouts.js';
import { chooseComposition } from '../plan/choose-composition.js';
import type { ImageLookup, LaidOutDeck, LaidOutPage, Warning } from './types.js';

/** One slide laid out: its template, its pages (several when text continues) and what to warn about. */
export interface SlidePages {
  slide: Slide;
  layout: string;
  parts: PagePart[];
  warnings: Warning[];
}

/**
 * Where a caller keeps what an edit leaves alone (the studio's incremental preview). Each hook is
 * given a key that changes whenever the result could, and the work to do when it has nothing kept.
 */
export interface LayoutMemo {
  context(deck: Deck, engine: TextEngine, images: ImageLookup, make: () => LayoutContext): LayoutContext;
  /** `key`: the slide's template and its place among content and section slides. */
  slide(ctx: LayoutContext, slide: Slide, key: string, lay: () => SlidePages): SlidePages;
  /** `key`: the page's number and count, its slide's kind and template, its part and its author. */
  page(part: PagePart, key: string, finish: () => LaidOutPage): LaidOutPage;
}

export interface LayoutOptions {
  /**
   * Called before each slide; it throws to stop a layout that has run too long (the builder's
   * time limit), so no deck holds a thread past it however much text it holds.
   */
  checkpoint?: () => void;
  memo?: LayoutMemo;
  /** Colours code blocks; without one code is set in one colour (see formats/highlight.ts). */
  highlight?: Highlighter;
  /** Typesets display formulas; without one a formula is set as text (see formats/math.ts). */
  math?: MathTypesetter;
}

/**
 * Deck -> laid-out pages: the one layout loop. Each slide becomes one page, or several when its
 * text continues; header and footer go on last, once the page count is known. A `memo` keeps the
 * slides and pages an edit did not touch.
 */
export function layoutDeck(deck: Deck, engine: TextEngine, images: ImageLookup, options: LayoutOptions = {}): LaidOutDeck {
  const { checkpoint, memo, highlight, math } = options;
  const make = () => deckContext(deck, engine, images, highlight, math);
  const ctx = memo ? memo.context(deck, engine, images, make) : make();
  const slides: SlidePages[] = [];
  let ordinal = 0;
  let section = 0;
  for (const slide of deck.slides) {
    checkpoint?.();
    if (slide.kind === 'content') ordinal++;
    if (slide.kind === 'section') section++;
    const at = { ordinal, section };
    const lay = () => laySlide(ctx, slide, at.ordinal, at.section);
    slides.push(memo ? memo.slide(ctx, slide, `${slide.layout ?? ctx.design.layout}/${ordinal}/${section}`, lay) : lay());
  }
  const parts = slides.flatMap((s) => s.parts.map((part, index) => ({ slide: s.slide, layout: s.layout, part, index })));
  const author = deckAuthor(deck);
  const total = parts.length;
  const pages = parts.map((p, i) => {
    const finish = () => finishPage(ctx, p, i, total, author);
    if (!memo) return finish();
    return memo.page(p.part, `${i}/${total}/${p.slide.kind}/${p.layout}/${p.index}/${authorKey(p.slide.author ?? author)}`, finish);
  });
  return { width: ctx.width, height: ctx.height, design: deck.design, theme: ctx.theme, pages, warnings: [...colourWarnings(deck.design), ...slides.flatMap((s) => s.warnings)] };
}

/** What a custom theme had to change to keep every text pair at WCAG AA, said once for the deck. */
function colourWarnings(design: Deck['design']): Warning[] {
  if (!design.colors) return [];
  return customTheme(findTheme(design.theme), design.colors).adjustments.map((a) => ({
    code: 'contrast' as const,
    message: `design.colors: ${a.role} ${a.chosen} has ${contrastRatio(a.chosen, a.on).toFixed(2)}:1 contrast on ${a.on}, under the ${a.ratio}:1 WCAG AA asks for; ${a.used}, the nearest colour that passes, is used instead`,
  }));
}

function authorKey(author: Slide['author']): string {
  return author ? `${author.name}\u0001${author.handle}\u0001${author.avatar ?? ''}` : '';
}

/** What every slide of a deck shares: theme, fonts, page size and the content box. */
export function deckContext(deck: Deck, engine: TextEngine, images: ImageLookup, highlight?: Highlighter, math?: MathTypesetter): LayoutContext {
  const { design } = deck;
  const theme = themeOf(design);
  findLayout(design.layout);
  const width = SLIDE_UNITS_WIDE;
  const height = slideUnitsHigh(design.ratio);
  const accent = design.brand.accent ?? theme.accent;
  return {
    engine: engine.localized(deckLocale(deck)), design, theme, images, width, height,
    fonts: { title: design.typography.titleFont ?? theme.titleFont, body: design.typography.bodyFont ?? theme.bodyFont },
    box: contentBox(design, width, height),
    ordinal: 0,
    section: 0,
    accent,
    emphasis: emphasisOf(design, theme, accent),
    align: 'start',
    ...(highlight ? { highlight } : {}),
    ...(math ? { math } : {}),
  };
}

/**
 * The language and direction the deck's text is set for: as the source declared them, the
 * language guessed from the text when it holds Chinese, Japanese or Korean and declares none.
 */
export function deckLocale(deck: Deck): TextLocale {
  const lang = deck.lang ?? guessDeckLanguage(deck.slides);
  return { ...(lang ? { lang } : {}), ...(deck.dir ? { direction: deck.dir } : {}) };
}

/**
 * Each slide's script counts, kept while the slide object lives: an edit makes a new slide, so a
 * keystroke in a 300-slide deck counts one slide's text, not the deck's.
 */
const slideCounts = new WeakMap<Slide, CjkCounts>();

function guessDeckLanguage(slides: readonly Slide[]): string | undefined {
  const total: CjkCounts = { han: 0, kana: 0, hangul: 0, traditional: 0 };
  for (const slide of slides) {
    let counts = slideCounts.get(slide);
    if (!counts) {
      counts = cjkCounts([slide.title ?? [], ...slide.blocks.map((b) => b.spans)].map(spansText).join('\n'));
      slideCounts.set(slide, counts);
    }
    total.han += counts.han;
    total.kana += counts.kana;
    total.hangul += counts.hangul;
    total.traditional += counts.traditional;
  }
  return cjkLanguageOf(total);
}

/** How key phrases stand out: on a band when the design asks and one reads, else in the accent. */
function emphasisOf(design: Deck['design'], theme: LayoutContext['theme'], accent: string): LayoutContext['emphasis'] {
  const band = design.emphasis === 'highlight' ? highlightBand(theme, accent) : undefined;
  return band ? { band } : accent;
}

/** Lays one slide out; `ordinal` and `section` count content and section slides up to it. */
export function laySlide(base: LayoutContext, slide: Slide, ordinal: number, section: number): SlidePages {
  const layout = compositionOf(slide, base.design.layout);
  const align = (slide.align ?? base.design.align) === 'center' ? 'center' : 'start';
  const parts = layoutSlide({ ...base, ordinal, section, align }, slide, layout);
  const warnings: Warning[] = [];
  if (parts.length > 1 && parts.filter((p) => p.elements.some((e) => e.type === 'text')).length > 1) {
    warnings.push({ code: 'text-continued', slideId: slide.id, message: `slide ${slide.id}: text too long for one slide, continued over ${parts.length} pages` });
  }
  const missing = missingCharacters(parts);
  if (missing.length > 0) {
    warnings.push({
      code: 'missing-glyph',
      slideId: slide.id,
      message: `slide ${slide.id}${slide.postIds.length ? ` (post ${slide.postIds.join(', ')})` : ''}: no bundled font has ${describeCharacters(missing)}; ${missing.length === 1 ? 'it shows' : 'they show'} as a box`,
    });
  }
  for (const m of slide.media) {
    if (!base.images(m.src)) warnings.push({ code: 'image-missing', slideId: slide.id, src: m.src, message: `slide ${slide.id}: image ${m.src} could not be loaded` });
  }
  return { slide, layout, parts, warnings };
}

/**
 * The composition a slide is set in: its own layout, else the deck's; `auto` chooses one from the
 * content slide's text and images (see plan/choose-composition.ts). Other kinds keep their own.
 */
export function compositionOf(slide: Slide, deckLayout: string): string {
  const layout = slide.layout ?? deckLayout;
  if (layout !== AUTO_LAYOUT_ID) return layout;
  return slide.kind === 'content' ? chooseComposition(slide) : slide.kind;
}

/** Who the deck's header and footer name when a slide has no author of its own. */
export function deckAuthor(deck: Deck): Author | undefined {
  return deck.slides.find((s) => s.author)?.author;
}

/** A page part with its header and footer, once its number among `total` pages is known. */
export function finishPage(
  ctx: LayoutContext,
  p: { slide: Slide; layout: string; part: PagePart; index: number },
  pageIndex: number,
  total: number,
  fallbackAuthor: Author | undefined,
): LaidOutPage {
  const page: LaidOutPage = { slideId: p.slide.id, kind: p.slide.kind, layout: p.layout, part: p.index, bodySize: p.part.bodySize, elements: [] };
  const author = p.slide.author ?? fallbackAuthor;
  const top = showsHeader(page, ctx.design, author) ? header(ctx, author) : [];
  return { ...page, elements: [...top, ...p.part.elements, ...footer(ctx, author, pageIndex + 1, total, p.part.onImage)] };
}

/**
 * The cover shows its author large, and a post card shows the post's author inside the card:
 * there the header would only repeat them, unless a brand kit names someone else (or shows a logo).
 */
function showsHeader(page: LaidOutPage, design: Deck['design'], author: Author | undefined): boolean {
  if (page.kind === 'cover') return false;
  const { brand } = design;
  const someoneElse = !!(brand.name || brand.handle) && !samePerson(brand, author);
  return !(page.layout === 'post-card' && page.kind === 'content' && !someoneElse && !brand.logo);
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

/** Characters the slide's text shows as a box, because no face of the chain has a glyph for them. */
export function missingCharacters(parts: readonly PagePart[]): string[] {
  const missing = new Set<string>();
  for (const part of parts) {
    for (const el of part.elements) {
      if (el.type !== 'text') continue;
      for (const { line } of el.lines) {
        for (const run of line.runs) {
          if (run.emoji || !run.glyphs.some((g) => g.id === 0)) continue;
          const chars = [...run.text];
          run.glyphs.forEach((g, i) => {
            const text = g.text ?? chars[i] ?? '';
            if (g.id === 0 && text.trim() !== '') missing.add(text);
          });
        }
      }
    }
  }
  return [...missing];
}

function describeCharacters(chars: readonly string[]): string {
  const shown = chars.slice(0, 5).map((c) => `"${c}" (${[...c].map((x) => `U+${x.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ')})`);
  return shown.join(', ') + (chars.length > 5 ? ` and ${chars.length - 5} more` : '');
}
