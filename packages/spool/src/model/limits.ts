/**
 * Size limits every Document and thread file must keep. They sit far above any real thread (X caps
 * a long post at 25,000 characters and LinkedIn a document at 300 pages) and far below what would
 * make planning and layout run for minutes, so an absurd input is refused at the door with the
 * limit named instead of hanging a build or a request.
 */
import type { z } from 'zod/v3';
import type { InputIssue } from '../errors/input-error.js';

export const MAX_POSTS = 5_000;
export const MAX_POST_CHARS = 100_000;
/** A deck of the largest document: a cover, sections, a slide per post and per image, an outro. */
export const MAX_SLIDES = 6 * MAX_POSTS;
/** Paragraphs of the article a condensed document keeps beside its posts. */
export const MAX_SOURCE_BLOCKS = 4 * MAX_POSTS;

const fmt = (n: number) => n.toLocaleString('en-US');

type RefineCtx = z.RefinementCtx;

export function checkPostCount(posts: readonly unknown[], ctx: RefineCtx): void {
  if (posts.length > MAX_POSTS) ctx.addIssue({ code: 'custom', message: postCountMessage(posts.length) });
}

export function checkPostText(text: string | undefined, limit: number, ctx: RefineCtx): void {
  if (text !== undefined && text.length > limit) ctx.addIssue({ code: 'custom', message: postLengthMessage(text.length, limit) });
}

/** A Document post's length is the text of all its spans; a slide's, its title's too. */
export function checkPostLength(post: { title?: readonly { text: string }[]; blocks: readonly { spans: readonly { text: string }[] }[] }, ctx: RefineCtx): void {
  let total = 0;
  for (const span of post.title ?? []) total += span.text.length;
  for (const block of post.blocks) for (const span of block.spans) total += span.text.length;
  if (total > MAX_POST_CHARS) ctx.addIssue({ code: 'custom', message: postLengthMessage(total, MAX_POST_CHARS), path: ['blocks'] });
}

export function checkSlideCount(slides: readonly unknown[], ctx: RefineCtx): void {
  if (slides.length > MAX_SLIDES) {
    ctx.addIssue({ code: 'custom', message: `${fmt(slides.length)} slides is more than the limit of ${fmt(MAX_SLIDES)} per deck; split it into several carousels` });
  }
}

/** The raw input's post count, checked before any post is parsed. */
export function tooManyPosts(json: unknown): InputIssue | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const posts = (json as { posts?: unknown }).posts;
  if (!Array.isArray(posts) || posts.length <= MAX_POSTS) return undefined;
  return { path: 'posts', message: postCountMessage(posts.length) };
}

function postCountMessage(count: number): string {
  return `${fmt(count)} posts is more than the limit of ${fmt(MAX_POSTS)} per document; split the source into several carousels`;
}

function postLengthMessage(length: number, limit: number): string {
  return `${fmt(length)} characters is more than the limit of ${fmt(limit)} per post; split it into several posts`;
}
