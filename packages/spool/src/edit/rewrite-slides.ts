/**
 * The studio's Rewrite works on the slides as they are now, edits included: each prose slide goes
 * to the model as a post (its title as a heading, so it stays), with the article it came from, and
 * what comes back is put on the same slides. The cover's hook is the document's title.
 */
import type { Post, SpoolDocument } from '../model/document.js';
import { DOCUMENT_SCHEMA_VERSION, headingAndBody, spansText } from '../model/document.js';
import type { Deck } from '../model/deck.js';
import { updateSlide } from './slide-actions.js';

/** The slides as a document for rewriting: one post per content slide of prose, keyed by slide id. */
export function slidesForRewrite(deck: Deck, document: SpoolDocument): SpoolDocument {
  const cover = deck.slides.find((s) => s.kind === 'cover');
  const posts: Post[] = deck.slides
    .filter((s) => s.kind === 'content' && s.blocks.length > 0 && s.blocks.every((b) => b.type === 'paragraph'))
    .map((s) => ({
      id: s.id,
      author: s.author ?? { name: '', handle: '' },
      blocks: [...(s.title?.length ? [{ type: 'heading' as const, level: 2, spans: s.title }] : []), ...s.blocks],
      media: [],
    }));
  const rewrite: SpoolDocument = { schemaVersion: DOCUMENT_SCHEMA_VERSION, posts };
  const hook = cover?.title?.length ? spansText(cover.title) : undefined;
  if (hook) rewrite.title = hook;
  // The article is what the guard checks against: its source when condensed, else every post's text.
  rewrite.source = document.source ?? { blocks: document.posts.flatMap((p) => p.blocks) };
  return rewrite;
}

/** The rewritten text back on its slides; slides the model did not change stay as they were. */
export function applyRewrittenSlides(deck: Deck, rewritten: SpoolDocument): Deck {
  let next = deck;
  for (const post of rewritten.posts) {
    if (!next.slides.some((s) => s.id === post.id)) continue;
    const { body } = headingAndBody(post.blocks);
    next = updateSlide(next, post.id, (slide) => (slide.kind === 'content' && body.length > 0 ? { ...slide, blocks: body } : slide));
  }
  const cover = next.slides.find((s) => s.kind === 'cover');
  if (cover && rewritten.title && spansText(cover.title ?? []) !== rewritten.title) {
    next = updateSlide(next, cover.id, (slide) => ({ ...slide, title: [{ text: rewritten.title! }] }));
  }
  return next;
}
