/**
 * Bringing imported posts into a project that has some already: nothing it holds is dropped. The
 * posts are added after the project's own, and their slides, planned as the planner would plan
 * them, go before the outro. Undo takes both back as one step (the studio records them together).
 */
import type { Post, SourceText, SpoolDocument } from '../model/document.js';
import type { Deck } from '../model/deck.js';
import { planDeck } from '../plan/plan-deck.js';
import { insertSlide, nextSlideId } from './slide-actions.js';

/**
 * The document with `posts` added after its own; an id already taken gets a suffix. Condensed posts
 * bring the article they came from (`source`): an empty document takes it, and into one with posts
 * of its own they come without their paragraph references, which would point into another article.
 */
export function addPosts(document: SpoolDocument, posts: readonly Post[], source?: SourceText): { document: SpoolDocument; added: Post[] } {
  const taken = new Set(document.posts.map((p) => p.id));
  const adopt = source !== undefined && document.posts.length === 0 && !document.source;
  const added = posts.map((post) => {
    let id = post.id;
    for (let n = 2; taken.has(id); n++) id = `${post.id}-${n}`;
    taken.add(id);
    const moved = id === post.id ? post : { ...post, id };
    if (adopt || moved.from === undefined) return moved;
    const { from: _from, ...rest } = moved;
    return rest;
  });
  const next: SpoolDocument = { ...document, posts: [...document.posts, ...added] };
  if (adopt) next.source = source;
  return { document: next, added };
}

/** Slides for `posts`, planned with the deck's design but without a cover or outro of their own, before the outro. */
export function appendPostSlides(deck: Deck, posts: readonly Post[]): Deck {
  const design = { ...deck.design, plan: { ...deck.design.plan, cover: false }, cta: { ...deck.design.cta, enabled: false } };
  const planned = planDeck({ schemaVersion: 1, posts: [...posts] }, design);
  let next = deck;
  for (const slide of planned.slides) {
    if (slide.kind === 'cover' || slide.kind === 'outro') continue;
    next = insertSlide(next, { ...slide, id: nextSlideId(next) });
  }
  return next;
}
