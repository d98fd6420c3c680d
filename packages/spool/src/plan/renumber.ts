import type { Block, Post } from '../model/document.js';

/**
 * Thread authors often start every post of a list with `1.` because each post is written alone.
 * A run of ordered items that continues across posts (image-only posts don't interrupt it) is
 * renumbered when its numbers don't already count up by one.
 */
export function renumberLists(posts: readonly Post[]): Post[] {
  const out = posts.map((p) => ({ ...p, blocks: p.blocks.map((b) => ({ ...b })) }));
  let run: Block[] = [];
  const flush = () => {
    if (run.length > 1 && !countsUp(run)) {
      const start = run[0].ordinal ?? 1;
      run.forEach((b, i) => { b.ordinal = start + i; });
    }
    run = [];
  };
  for (const post of out) {
    if (post.blocks.length === 0) continue;
    for (const block of post.blocks) {
      if (block.type === 'listItem' && block.ordered) run.push(block);
      else flush();
    }
  }
  flush();
  return out;
}

function countsUp(items: readonly Block[]): boolean {
  return items.every((b, i) => i === 0 || b.ordinal === (items[i - 1].ordinal ?? 0) + 1);
}
