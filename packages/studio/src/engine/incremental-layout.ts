import {
  deckLocale, layoutDeck,
  type Deck, type Highlighter, type ImageLookup, type LaidOutDeck, type LaidOutPage, type LayoutContext, type LayoutMemo, type MathTypesetter, type Slide, type SlidePages, type TextEngine,
} from 'spool/core';

type PagePart = SlidePages['parts'][number];

/**
 * The library's layoutDeck with a memo of every slide's pages: edits share the slides they did not
 * touch, so after one keystroke only the slide typed in is laid out again; the rest come from the
 * memo, and page chrome is redone only where the page number or count moved. There is one layout
 * loop; this only remembers (a test compares the result with layoutDeck's on whole decks).
 */
export class IncrementalLayout implements LayoutMemo {
  private base?: { design: Deck['design']; engine: TextEngine; images: ImageLookup; version: number; locale: string; math?: MathTypesetter; ctx: LayoutContext };
  private math?: MathTypesetter;
  private slides = new WeakMap<Slide, { base: LayoutContext; key: string; laid: SlidePages }>();
  private pages = new WeakMap<PagePart, { key: string; page: LaidOutPage }>();
  private version = 0;
  /** Slides laid out (not taken from the memo) by the last call, for tests and timing. */
  lastLaidOut = 0;

  layout(deck: Deck, engine: TextEngine, images: ImageLookup, imagesVersion = 0, highlight?: Highlighter, math?: MathTypesetter): LaidOutDeck {
    this.version = imagesVersion;
    this.lastLaidOut = 0;
    this.math = math;
    return layoutDeck(deck, engine, images, { memo: this, ...(highlight ? { highlight } : {}), ...(math ? { math } : {}) });
  }

  context(deck: Deck, engine: TextEngine, images: ImageLookup, make: () => LayoutContext): LayoutContext {
    const b = this.base;
    // The language (guessed from the text when undeclared) picks the CJK faces, so typing can change it.
    const locale = JSON.stringify(deckLocale(deck));
    if (b && b.design === deck.design && b.engine === engine && b.images === images && b.version === this.version && b.locale === locale && b.math === this.math) return b.ctx;
    const ctx = make();
    this.base = { design: deck.design, engine, images, version: this.version, locale, math: this.math, ctx };
    return ctx;
  }

  slide(ctx: LayoutContext, slide: Slide, key: string, lay: () => SlidePages): SlidePages {
    const known = this.slides.get(slide);
    if (known && known.base === ctx && known.key === key) return known.laid;
    this.lastLaidOut++;
    const laid = lay();
    this.slides.set(slide, { base: ctx, key, laid });
    return laid;
  }

  page(part: PagePart, key: string, finish: () => LaidOutPage): LaidOutPage {
    const known = this.pages.get(part);
    if (known && known.key === key) return known.page;
    const page = finish();
    this.pages.set(part, { key, page });
    return page;
  }
}
