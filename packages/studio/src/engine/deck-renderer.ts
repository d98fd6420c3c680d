import {
  buildScene, loadMathTypesetter, paintSvgParts,
  type Deck, type Highlighter, type MathTypesetter, type LaidOutDeck, type LaidOutPage, type PaintResources, type Scene, type SvgParts, type Warning,
} from 'spool/core';
import type { FontLibrary } from './font-library.js';
import type { ImageLibrary } from './image-library.js';
import { IncrementalLayout } from './incremental-layout.js';

export interface RenderedPage {
  slideId: string;
  /** 0 for a slide's first page, 1.. for its continuations. */
  part: number;
  scene: Scene;
  /** Its SVG in the painter's pieces, for the preview to patch (`joinSvgParts` makes the document). */
  svg: SvgParts;
}

export interface DeckRender {
  deck: Deck;
  laidOut: LaidOutDeck;
  pages: RenderedPage[];
  warnings: Warning[];
  /** False while an image or emoji is still on its way: the pages will be drawn again. */
  complete: boolean;
  ms: { layout: number; paint: number };
}

/**
 * Deck -> SVG pages with the library's own stages, redoing only what an edit touched: slides are
 * laid out incrementally, scenes are kept per laid-out page and SVG per scene. A slide that did not
 * change keeps its SVG, so its thumbnail is not even re-rendered by the browser.
 */
export class DeckRenderer {
  private readonly layout = new IncrementalLayout();
  private readonly scenes = new WeakMap<LaidOutPage, Scene>();
  private readonly svgs = new WeakMap<Scene, SvgParts>();
  private readonly rendered = new WeakMap<Scene, RenderedPage>();
  readonly resources: PaintResources;

  /** MathJax, once a deck with a display formula asked for it. */
  math?: MathTypesetter;
  /** While MathJax loads: the deck is drawn again when it is here. */
  mathLoading?: Promise<void>;

  constructor(readonly fonts: FontLibrary, readonly images: ImageLibrary, readonly highlight?: Highlighter) {
    this.resources = { face: (key) => fonts.engine.face(key), image: (key) => images.resource(key) };
  }

  /** MathJax for a deck that has a formula: loaded on first need (a third of a second), as the export does. */
  private mathFor(deck: Deck): boolean {
    if (this.math || this.mathFailed || !deck.slides.some((s) => s.blocks.some((b) => b.type === 'math'))) return true;
    this.mathLoading ??= loadMathTypesetter().then(
      (math) => {
        this.math = math;
        this.mathLoading = undefined;
      },
      () => {
        // MathJax did not arrive: formulas stay set as text, and the deck is not drawn again and again.
        this.mathFailed = true;
        this.mathLoading = undefined;
      },
    );
    return false;
  }

  private mathFailed = false;

  /** Synchronous; throws FaceNotLoaded when layout needs a face that is still to be fetched. */
  render(deck: Deck): DeckRender {
    const t0 = performance.now();
    const mathReady = this.mathFor(deck);
    const laidOut = this.layout.layout(deck, this.fonts.engine, this.images.lookup, this.images.version, this.highlight, this.math);
    const t1 = performance.now();
    let complete = true;
    const pages = laidOut.pages.map((page): RenderedPage => {
      let scene = this.scenes.get(page);
      if (!scene) {
        scene = buildScene(laidOut, page);
        this.scenes.set(page, scene);
      }
      let svg = this.svgs.get(scene);
      if (svg === undefined) {
        let waiting = false;
        const resources: PaintResources = {
          face: this.resources.face,
          image: (key) => {
            const res = this.images.resource(key);
            if (!res && !this.images.settled(key)) waiting = true;
            return res;
          },
        };
        svg = paintSvgParts(scene, resources, { title: slideTitle(page) });
        // A page painted while one of its images was on its way is drawn again once it arrives.
        if (waiting) complete = false;
        else this.svgs.set(scene, svg);
      }
      // The same object for a page that did not change, so components compare pages by identity.
      const kept = this.rendered.get(scene);
      if (kept && kept.svg === svg && kept.slideId === page.slideId && kept.part === page.part) return kept;
      const rendered: RenderedPage = { slideId: page.slideId, part: page.part, scene, svg };
      if (this.svgs.get(scene) === svg) this.rendered.set(scene, rendered);
      return rendered;
    });
    const t2 = performance.now();
    return { deck, laidOut, pages, warnings: laidOut.warnings, complete: complete && mathReady, ms: { layout: t1 - t0, paint: t2 - t1 } };
  }

  /** Slides laid out afresh by the last render. */
  get lastLaidOut(): number {
    return this.layout.lastLaidOut;
  }
}

function slideTitle(page: LaidOutPage): string {
  return `${page.kind} slide${page.part > 0 ? `, continued (${page.part + 1})` : ''}`;
}
