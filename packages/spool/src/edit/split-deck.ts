import type { Deck, Slide } from '../model/deck.js';

/** Instagram takes at most 20 items a carousel. */
export const INSTAGRAM_SLIDE_LIMIT = 20;

export interface SplitArgs {
  /** Most pages per part; default 20. */
  max?: number;
  /**
   * Pages each slide takes after layout (long slides continue over several). Slides not listed
   * count as one page.
   */
  pages?: Readonly<Record<string, number>>;
}

/**
 * Splits a deck too long for one carousel into parts of at most `max` pages, in order. The outro
 * closes every part, so each carousel still ends on the call to action; part titles are numbered.
 * A deck that fits comes back alone and unchanged.
 */
export function splitDeck(deck: Deck, args: SplitArgs = {}): Deck[] {
  const max = args.max ?? INSTAGRAM_SLIDE_LIMIT;
  if (!(Number.isInteger(max) && max >= 2)) throw new RangeError(`splitDeck: max must be an integer of at least 2, got ${max}`);
  const pagesOf = (s: Slide) => Math.max(1, args.pages?.[s.id] ?? 1);
  const total = deck.slides.reduce((sum, s) => sum + pagesOf(s), 0);
  if (total <= max) return [deck];

  const last = deck.slides[deck.slides.length - 1];
  const outro = last?.kind === 'outro' ? last : undefined;
  const body = outro ? deck.slides.slice(0, -1) : deck.slides;
  const budget = max - (outro ? pagesOf(outro) : 0);

  const groups: Slide[][] = [];
  let group: Slide[] = [];
  let used = 0;
  for (const slide of body) {
    const n = pagesOf(slide);
    if (group.length > 0 && used + n > budget) {
      groups.push(group);
      group = [];
      used = 0;
    }
    group.push(slide);
    used += n;
  }
  if (group.length > 0) groups.push(group);

  return groups.map((slides, i) => ({
    ...deck,
    title: partTitle(deck.title, i + 1, groups.length),
    slides: outro ? [...slides, outro] : slides,
  }));
}

function partTitle(title: string | undefined, part: number, parts: number): string {
  return `${title?.trim() || 'Carousel'} (${part}/${parts})`;
}
