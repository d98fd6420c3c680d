import {
  contentBox, findLayout, findTheme, layoutSlide, slideUnitsHigh, SLIDE_UNITS_WIDE,
  type Deck, type ImageLookup, type LaidOutDeck, type LaidOutPage, type LayoutContext, type Slide, type TextEngine, type Warning,
} from '../../../spool/src/core.js';
import { footer, header } from '../../../spool/src/layout/chrome.js';

type PagePart = ReturnType<typeof layoutSlide>[number];

interface SlideEntry {
  base: LayoutContext;
  key: string;
  parts: PagePart[];
  warnings: Warning[];
}

interface PageEntry {
  key: string;
  page: LaidOutPage;
}

/**
 * layoutDeck (src/layout/layout-deck.ts), remembering every slide's pages. Edits share the slides
 * they did not touch, so after one keystroke only the slide typed in is laid out again; the rest
 * come from the cache, and page chrome is redone only where the page number or count moved. The
 * result is the same LaidOutDeck layoutDeck gives (a test compares the two on whole decks).
 */
export class IncrementalLayout {
  private base?: { design: Deck['design']; engine: TextEngine; images: ImageLookup; version: number; ctx: LayoutContext };
  private slides = new WeakMap<Slide, SlideEntry>();
  private pages = new WeakMap<PagePart, PageEntry>();
  /** Slides laid out (not taken from the cache) by the last call, for tests and timing. */
  lastLaidOut = 0;

  layout(deck: Deck, engine: TextEngine, images: ImageLookup, imagesVersion = 0): LaidOutDeck {
    const ctx = this.context(deck, engine, images, imagesVersion);
    const { design, theme, width, height } = ctx;
    const warnings: Warning[] = [];
    const parts: { slide: Slide; part: PagePart; index: number; layout: string }[] = [];
    let ordinal = 0;
    let section = 0;
    this.lastLaidOut = 0;
    for (const slide of deck.slides) {
      if (slide.kind === 'content') ordinal++;
      if (slide.kind === 'section') section++;
      const layout = slide.layout ?? design.layout;
      const entry = this.slideParts(ctx, slide, layout, ordinal, section);
      warnings.push(...entry.warnings);
      entry.parts.forEach((part, index) => parts.push({ slide, part, index, layout }));
    }
    const author = deck.slides.find((s) => s.author)?.author;
    const total = parts.length;
    const pages = parts.map(({ slide, part, index, layout }, i) => {
      const slideAuthor = slide.author ?? author;
      const key = `${i}/${total}/${slide.kind}/${layout}/${index}/${authorKey(slideAuthor)}`;
      const known = this.pages.get(part);
      if (known && known.key === key) return known.page;
      const chromeTop = slide.kind === 'cover' ? [] : header(ctx, slideAuthor);
      const page: LaidOutPage = {
        slideId: slide.id, kind: slide.kind, layout, part: index, bodySize: part.bodySize,
        elements: [...chromeTop, ...part.elements, ...footer(ctx, slideAuthor, i + 1, total)],
      };
      this.pages.set(part, { key, page });
      return page;
    });
    return { width, height, design, theme, pages, warnings };
  }

  private context(deck: Deck, engine: TextEngine, images: ImageLookup, version: number): LayoutContext {
    const b = this.base;
    if (b && b.design === deck.design && b.engine === engine && b.images === images && b.version === version) return b.ctx;
    const { design } = deck;
    const theme = findTheme(design.theme);
    findLayout(design.layout);
    const width = SLIDE_UNITS_WIDE;
    const height = slideUnitsHigh(design.ratio);
    const ctx: LayoutContext = {
      engine, design, theme, images, width, height,
      fonts: { title: design.typography.titleFont ?? theme.titleFont, body: design.typography.bodyFont ?? theme.bodyFont },
      box: contentBox(design, width, height),
      ordinal: 0,
      section: 0,
      accent: design.brand.accent ?? theme.accent,
    };
    this.base = { design, engine, images, version, ctx };
    return ctx;
  }

  private slideParts(base: LayoutContext, slide: Slide, layout: string, ordinal: number, section: number): SlideEntry {
    const key = `${layout}/${ordinal}/${section}`;
    const known = this.slides.get(slide);
    if (known && known.base === base && known.key === key) return known;
    this.lastLaidOut++;
    const parts = layoutSlide({ ...base, ordinal, section }, slide, layout);
    const warnings: Warning[] = [];
    if (parts.length > 1 && parts.filter((p) => p.elements.some((e) => e.type === 'text')).length > 1) {
      warnings.push({ code: 'text-continued', slideId: slide.id, message: `slide ${slide.id}: text too long for one slide, continued over ${parts.length} pages` });
    }
    for (const m of slide.media) {
      if (!base.images(m.src)) warnings.push({ code: 'image-missing', slideId: slide.id, message: `slide ${slide.id}: image ${m.src} could not be loaded` });
    }
    const entry = { base, key, parts, warnings };
    this.slides.set(slide, entry);
    return entry;
  }
}

function authorKey(author: Slide['author']): string {
  return author ? `${author.name}\u0001${author.handle}\u0001${author.avatar ?? ''}` : '';
}
