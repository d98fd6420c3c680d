import type { Block, MediaRef, Post, Span } from '../model/document.js';
import type { Deck, Slide } from '../model/deck.js';
import { classifyPost } from '../plan/classify.js';
import { splitHook } from '../plan/hook.js';
import { insertSlide, nextSlideId, updateSlide } from './slide-actions.js';

/** X shows at most four images a post, and our layouts tile at most four. */
export const MAX_SLIDE_IMAGES = 4;

/** A post as a slide of its own, the way the planner would have made it. */
export function slideFromPost(post: Post, id: string): Slide {
  const role = classifyPost(post);
  const base = { id, media: post.media.slice(0, MAX_SLIDE_IMAGES), postIds: [post.id], author: post.author };
  if (role === 'heading') return { ...base, kind: 'section', title: headingSpans(post.blocks), blocks: [] };
  return { ...base, kind: role === 'image' ? 'image' : 'content', blocks: copyBlocks(post.blocks) };
}

export function insertPostAsSlide(deck: Deck, args: { post: Post; at?: number; id?: string }): Deck {
  return insertSlide(deck, slideFromPost(args.post, args.id ?? nextSlideId(deck)), args.at);
}

export type ApplyMode = 'replace' | 'append';

/**
 * A post dropped on a slide. `replace` swaps the slide's text and images for the post's, keeping
 * what the slide is (a cover keeps a cover's title, a section its heading); `append` adds the
 * post's text and images after what the slide already has.
 */
export function applyPostToSlide(deck: Deck, args: { post: Post; slideId: string; mode: ApplyMode }): Deck {
  const { post } = args;
  return updateSlide(deck, args.slideId, (slide) => (args.mode === 'append' ? appendPost(slide, post) : replaceWithPost(slide, post)));
}

function replaceWithPost(slide: Slide, post: Post): Slide {
  const author = post.author;
  const media = post.media.slice(0, MAX_SLIDE_IMAGES);
  switch (slide.kind) {
    case 'cover': {
      const { title, rest } = splitHook(post.blocks);
      return { ...slide, title, blocks: copyBlocks(rest), media, postIds: [post.id], author };
    }
    case 'section':
      return { ...slide, title: headingSpans(post.blocks), blocks: [], media, postIds: [post.id], author };
    default: {
      // An outro given a post's text stops being the call to action.
      const kind = classifyPost(post) === 'image' ? 'image' : 'content';
      const { title: _title, ...rest } = slide;
      return { ...rest, kind, blocks: copyBlocks(post.blocks), media, postIds: [post.id], author };
    }
  }
}

function appendPost(slide: Slide, post: Post): Slide {
  const blocks = [...slide.blocks, ...copyBlocks(post.blocks)];
  const media = [...slide.media, ...post.media].slice(0, MAX_SLIDE_IMAGES);
  const postIds = slide.postIds.includes(post.id) ? slide.postIds : [...slide.postIds, post.id];
  const kind = slide.kind === 'image' && post.blocks.length > 0 ? 'content' : slide.kind;
  return { ...slide, kind, blocks, media, postIds, author: slide.author ?? post.author };
}

/** The post's images on a slide, in place of the ones it had ("Apply image"). */
export function applyImage(deck: Deck, args: { slideId: string; media: readonly MediaRef[] }): Deck {
  if (args.media.length === 0) throw new RangeError('applyImage: no images given');
  return updateSlide(deck, args.slideId, (slide) => ({ ...slide, media: args.media.slice(0, MAX_SLIDE_IMAGES).map((m) => ({ ...m })) }));
}

function headingSpans(blocks: readonly Block[]): Span[] {
  return blocks.flatMap((b, i) => (i === 0 ? b.spans : [{ text: ' ' }, ...b.spans])).map((s) => ({ ...s }));
}

/** Slides own their blocks: later edits to a slide must never reach the document's posts. */
function copyBlocks(blocks: readonly Block[]): Block[] {
  return blocks.map((b) => ({ ...b, spans: b.spans.map((s) => ({ ...s })) }));
}
