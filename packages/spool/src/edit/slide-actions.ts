import type { Deck, Slide, SlideKind } from '../model/deck.js';

/**
 * Actions on the order and number of slides. Every action takes a deck and returns a new one,
 * sharing the slides it did not touch, so undo is keeping the old deck and the preview can tell
 * which slides changed by identity.
 */

/** The next free `s<n>` id: planned decks number their slides that way, and so do we. */
export function nextSlideId(deck: Deck): string {
  let max = 0;
  for (const s of deck.slides) {
    const m = /^s(\d+)$/.exec(s.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `s${max + 1}`;
}

export function slideIndex(deck: Deck, slideId: string): number {
  const at = deck.slides.findIndex((s) => s.id === slideId);
  if (at < 0) throw new RangeError(`no slide with id "${slideId}"`);
  return at;
}

/** Where new slides go by default: before the outro, which should stay last. */
export function defaultInsertIndex(deck: Deck): number {
  const last = deck.slides[deck.slides.length - 1];
  return last?.kind === 'outro' ? deck.slides.length - 1 : deck.slides.length;
}

export function withSlides(deck: Deck, slides: Slide[]): Deck {
  return { ...deck, slides };
}

/** Replaces one slide by id with `update(slide)`; the deck is returned as is when nothing changed. */
export function updateSlide(deck: Deck, slideId: string, update: (slide: Slide) => Slide): Deck {
  const at = slideIndex(deck, slideId);
  const next = update(deck.slides[at]);
  if (next === deck.slides[at]) return deck;
  const slides = deck.slides.slice();
  slides[at] = next;
  return withSlides(deck, slides);
}

export function insertSlide(deck: Deck, slide: Slide, at = defaultInsertIndex(deck)): Deck {
  if (deck.slides.some((s) => s.id === slide.id)) throw new RangeError(`slide id "${slide.id}" is taken`);
  const index = clampIndex(at, deck.slides.length);
  const slides = deck.slides.slice();
  slides.splice(index, 0, slide);
  return withSlides(deck, slides);
}

export interface AddSlideArgs {
  at?: number;
  id?: string;
  kind?: SlideKind;
  /** Starting content; a blank content slide otherwise. */
  slide?: Partial<Omit<Slide, 'id'>>;
}

/** A new slide made by hand: no source posts, the deck's layout, the first author's byline. */
export function addSlide(deck: Deck, args: AddSlideArgs = {}): Deck {
  const author = deck.slides.find((s) => s.author)?.author;
  const slide: Slide = {
    id: args.id ?? nextSlideId(deck),
    kind: args.kind ?? 'content',
    blocks: [],
    media: [],
    postIds: [],
    ...(author ? { author } : {}),
    ...args.slide,
  };
  return insertSlide(deck, slide, args.at);
}

/** A copy right after the original, under a new id. */
export function duplicateSlide(deck: Deck, args: { slideId: string; id?: string }): Deck {
  const at = slideIndex(deck, args.slideId);
  const copy: Slide = structuredClone(deck.slides[at]);
  copy.id = args.id ?? nextSlideId(deck);
  return insertSlide(deck, copy, at + 1);
}

export function deleteSlide(deck: Deck, args: { slideId: string }): Deck {
  const at = slideIndex(deck, args.slideId);
  return withSlides(deck, deck.slides.filter((_, i) => i !== at));
}

/** Moves a slide so it ends up at index `to` of the resulting deck. */
export function moveSlide(deck: Deck, args: { slideId: string; to: number }): Deck {
  const from = slideIndex(deck, args.slideId);
  const to = clampIndex(args.to, deck.slides.length - 1);
  if (from === to) return deck;
  const slides = deck.slides.slice();
  const [slide] = slides.splice(from, 1);
  slides.splice(to, 0, slide);
  return withSlides(deck, slides);
}

function clampIndex(at: number, max: number): number {
  if (!Number.isFinite(at)) return max;
  return Math.min(Math.max(0, Math.trunc(at)), Math.max(0, max));
}
