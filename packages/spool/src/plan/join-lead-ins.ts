/**
 * A short post that introduces the next one (it ends with a colon: "Here is the trick:") is not left
 * alone on a slide of its own: it becomes the title of the slide it introduces, as a reader would
 * join them. Lists are gathered with their introduction by gather-steps; this joins the rest.
 */
import type { Slide } from '../model/deck.js';
import { blockText } from '../model/document.js';

/** Longest introduction taken as the next slide's title. */
export const MAX_LEAD_IN_CHARS = 160;

export function joinLeadIns(slides: readonly Slide[]): Slide[] {
  const out: Slide[] = [];
  for (let i = 0; i < slides.length; i++) {
    const lead = slides[i];
    const next = slides[i + 1];
    if (isLeadIn(lead) && next && next.kind === 'content' && !next.title?.length && next.blocks.length > 0) {
      out.push({ ...next, id: lead.id, title: lead.blocks[0].spans, postIds: [...lead.postIds, ...next.postIds] });
      i++;
      continue;
    }
    out.push(lead);
  }
  return out;
}

function isLeadIn(slide: Slide): boolean {
  if (slide.kind !== 'content' || slide.title?.length || slide.media.length || slide.blocks.length !== 1) return false;
  const block = slide.blocks[0];
  const text = blockText(block).trim();
  return block.type === 'paragraph' && text.endsWith(':') && text.length <= MAX_LEAD_IN_CHARS;
}
