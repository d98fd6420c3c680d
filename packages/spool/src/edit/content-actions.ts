import type { TextAlign } from '../design/types.js';
import type { Block, MediaRef, Span } from '../model/document.js';
import type { Deck, Slide } from '../model/deck.js';
import { findLayout } from '../design/layouts.js';
import { MAX_SLIDE_IMAGES } from './post-actions.js';
import { updateSlide } from './slide-actions.js';

export interface SlideTextArgs {
  slideId: string;
  /** New title; an empty array removes it. Left as is when absent. */
  title?: Span[];
  /** New body blocks. Left as is when absent. */
  blocks?: Block[];
}

/** The text a user typed into a slide. */
export function updateSlideText(deck: Deck, args: SlideTextArgs): Deck {
  return updateSlide(deck, args.slideId, (slide) => {
    let next: Slide = slide;
    if (args.title !== undefined) {
      const { title: _old, ...rest } = next;
      next = hasText(args.title) ? { ...rest, title: args.title } : rest;
    }
    if (args.blocks !== undefined) next = { ...next, blocks: args.blocks };
    return next;
  });
}

/** A slide's own layout template; undefined goes back to the deck's. */
export function setSlideLayout(deck: Deck, args: { slideId: string; layout: string | undefined }): Deck {
  if (args.layout !== undefined) findLayout(args.layout);
  return updateSlide(deck, args.slideId, (slide) => {
    if (slide.layout === args.layout) return slide;
    const { layout: _old, ...rest } = slide;
    return args.layout === undefined ? rest : { ...rest, layout: args.layout };
  });
}

/** Sets a slide's own text alignment, or (undefined) gives it back the deck's. */
export function setSlideAlign(deck: Deck, args: { slideId: string; align: TextAlign | undefined }): Deck {
  return updateSlide(deck, args.slideId, (slide) => {
    if (slide.align === args.align) return slide;
    const { align: _old, ...rest } = slide;
    return args.align === undefined ? rest : { ...rest, align: args.align };
  });
}

/**
 * Sets one image of a slide: replaces the image at `index`, or adds it when `index` is the
 * number of images the slide has (or absent). A slide holds at most four.
 */
export function setSlideImage(deck: Deck, args: { slideId: string; media: MediaRef; index?: number }): Deck {
  return updateSlide(deck, args.slideId, (slide) => {
    const index = args.index ?? slide.media.length;
    if (!Number.isInteger(index) || index < 0 || index > slide.media.length) {
      throw new RangeError(`setSlideImage: index ${index} is outside 0..${slide.media.length}`);
    }
    if (index === slide.media.length && index >= MAX_SLIDE_IMAGES) {
      throw new RangeError(`setSlideImage: a slide holds at most ${MAX_SLIDE_IMAGES} images`);
    }
    const media = slide.media.slice();
    media[index] = { ...args.media };
    return { ...slide, media };
  });
}

/** Removes the image at `index`, or every image when `index` is absent. */
export function removeSlideImage(deck: Deck, args: { slideId: string; index?: number }): Deck {
  return updateSlide(deck, args.slideId, (slide) => {
    if (args.index === undefined) return slide.media.length === 0 ? slide : { ...slide, media: [] };
    if (!(args.index >= 0 && args.index < slide.media.length)) {
      throw new RangeError(`removeSlideImage: slide ${slide.id} has no image ${args.index}`);
    }
    return { ...slide, media: slide.media.filter((_, i) => i !== args.index) };
  });
}

function hasText(spans: readonly Span[]): boolean {
  return spans.some((s) => s.text.trim().length > 0);
}
