import {
  deckAuthor, deckContext, finishPage, laySlide,
  type Deck, type ImageLookup, type LaidOutDeck, type LaidOutPage, type LayoutContext, type Slide, type SlidePages, type TextEngine, type Warning,
} from 'spool/core';

type PagePart = SlidePages['parts'][number];

interface SlideEntry {
  base: LayoutContext;
  key: string;
  laid: SlidePages;
}

interface PageEntry {
  key: string;
  page: LaidOutPage;
}

/**
 * layoutDeck (src/layout/layout-deck.ts) through the same steps (deckContext, laySlide,
 * finishPage), remembering every slide's pages. Edits share the slides they did not touch, so
 * after one keystroke only the slide typed in is laid out again; the rest come from the cache, and
 * page chrome is redone only where the page number or count moved. The result is the same
 * LaidOutDeck layoutDeck gives (a test compares the two on whole decks).
 */
export class IncrementalLayout {
  private base?: { design: Deck['design']; engine: TextEngine; images: ImageLookup; version: number; ctx: LayoutContext };
  private slides = new WeakMap<Slide, SlideEntry>();
  private pages = new WeakMap<PagePart, PageEntry>();
  /** Slides laid out (not taken from the cache) by the last call, for tests and timing. */
  lastLaidOut = 0;

  layout(deck: Deck, engine: TextEngine, images: ImageLookup, imagesVersion = 0): LaidOutDeck {
    const ctx = this.context(deck, engine, images, imagesVersion);
    const warnings: Warning[] = [];
    const parts: { slide: Slide; part: PagePart; index: number; layout: string }[] = [];
    let ordinal = 0;
    let section = 0;
    this.lastLaidOut = 0;
    for (const slide of deck.slides) {
      if (slide.kind === 'content') ordinal++;
      if (slide.kind === 'section') section++;
      const laid = this.slidePages(ctx, slide, ordinal, section);
      warnings.push(...laid.warnings);
      laid.parts.forEach((part, index) => parts.push({ slide, part, index, layout: laid.layout }));
    }
    const author = deckAuthor(deck);
    const total = parts.length;
    const pages = parts.map((p, i) => {
      const key = `${i}/${total}/${p.slide.kind}/${p.layout}/${p.index}/${authorKey(p.slide.author ?? author)}`;
      const known = this.pages.get(p.part);
      if (known && known.key === key) return known.page;
      const page = finishPage(ctx, p, i, total, author);
      this.pages.set(p.part, { key, page });
      return page;
    });
    return { width: ctx.width, height: ctx.height, design: deck.design, theme: ctx.theme, pages, warnings };
  }

  private context(deck: Deck, engine: TextEngine, images: ImageLookup, version: number): LayoutContext {
    const b = this.base;
    if (b && b.design === deck.design && b.engine === engine && b.images === images && b.version === version) return b.ctx;
    const ctx = deckContext(deck, engine, images);
    this.base = { design: deck.design, engine, images, version, ctx };
    return ctx;
  }

  private slidePages(base: LayoutContext, slide: Slide, ordinal: number, section: number): SlidePages {
    const key = `${slide.layout ?? base.design.layout}/${ordinal}/${section}`;
    const known = this.slides.get(slide);
    if (known && known.base === base && known.key === key) return known.laid;
    this.lastLaidOut++;
    const laid = laySlide(base, slide, ordinal, section);
    this.slides.set(slide, { base, key, laid });
    return laid;
  }
}

function authorKey(author: Slide['author']): string {
  return author ? `${author.name}\u0001${author.handle}\u0001${author.avatar ?? ''}` : '';
}
