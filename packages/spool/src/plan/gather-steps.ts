/**
 * A list split over posts (one step a post, as threads often do) gathered onto one steps slide:
 * consecutive content slides that each hold one list item of the same kind become one slide, and a
 * short post just before them that introduces the list (it ends with a colon) becomes its title.
 * A run is gathered only while it stays small enough to read on one slide; a longer run is cut into
 * several steps slides.
 */
import type { Slide } from '../model/deck.js';
import type { Block } from '../model/document.js';
import { blockText } from '../model/document.js';

export const MAX_GATHERED_ITEMS = 5;
/** Characters of item text one steps slide takes. */
export const MAX_GATHERED_CHARS = 520;
/** Longest introduction taken as the steps slide's title. */
const MAX_LEAD_CHARS = 160;

export function gatherSteps(slides: readonly Slide[]): Slide[] {
  const out: Slide[] = [];
  let i = 0;
  while (i < slides.length) {
    const run = itemRun(slides, i);
    if (run.length < 2) {
      out.push(slides[i]);
      i++;
      continue;
    }
    const leadSlide = out[out.length - 1];
    const lead = leadSlide && isLead(leadSlide) ? leadSlide : undefined;
    for (const [k, group] of groups(run).entries()) {
      const first = group[0];
      const slide: Slide = {
        ...first,
        blocks: group.flatMap((s) => s.blocks),
        postIds: group.flatMap((s) => s.postIds),
      };
      if (k === 0 && lead) {
        out.pop();
        slide.id = lead.id;
        slide.title = lead.blocks[0].spans;
        slide.postIds = [...lead.postIds, ...slide.postIds];
      }
      out.push(slide);
    }
    i += run.length;
  }
  return out;
}

/** The slides from `start` on that each hold one list item, ordered or not like the first. */
function itemRun(slides: readonly Slide[], start: number): Slide[] {
  const first = item(slides[start]);
  if (!first) return [];
  const run: Slide[] = [];
  for (let k = start; k < slides.length; k++) {
    const block = item(slides[k]);
    if (!block || !!block.ordered !== !!first.ordered) break;
    run.push(slides[k]);
  }
  return run;
}

function item(slide: Slide | undefined): Block | undefined {
  if (!slide || slide.kind !== 'content' || slide.title?.length || slide.media.length || slide.blocks.length !== 1) return undefined;
  return slide.blocks[0].type === 'listItem' ? slide.blocks[0] : undefined;
}

function isLead(slide: Slide): boolean {
  if (slide.kind !== 'content' || slide.title?.length || slide.media.length || slide.blocks.length !== 1) return false;
  const text = blockText(slide.blocks[0]).trim();
  return slide.blocks[0].type === 'paragraph' && text.endsWith(':') && text.length <= MAX_LEAD_CHARS;
}

/** The run cut into slides of at most MAX_GATHERED_ITEMS items and MAX_GATHERED_CHARS characters. */
function groups(run: readonly Slide[]): Slide[][] {
  const out: Slide[][] = [];
  let current: Slide[] = [];
  let chars = 0;
  for (const slide of run) {
    const n = blockText(slide.blocks[0]).length;
    if (current.length > 0 && (current.length >= MAX_GATHERED_ITEMS || chars + n > MAX_GATHERED_CHARS)) {
      out.push(current);
      current = [];
      chars = 0;
    }
    current.push(slide);
    chars += n;
  }
  if (current.length) out.push(current);
  return out;
}
