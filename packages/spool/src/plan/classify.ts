import type { Block, Post } from '../model/document.js';
import { blockText } from '../model/document.js';

export type PostRole = 'heading' | 'image' | 'content' | 'empty';

function hasText(block: Block): boolean {
  return blockText(block).trim().length > 0;
}

/** How the planner treats a post: a lone heading, a lone image, ordinary content, or nothing at all. */
export function classifyPost(post: Post): PostRole {
  const textBlocks = post.blocks.filter(hasText);
  if (textBlocks.length === 0) return post.media.length > 0 ? 'image' : 'empty';
  if (post.media.length === 0 && textBlocks.every((b) => b.type === 'heading')) return 'heading';
  return 'content';
}
