/**
 * A thought split over two posts (the first stops mid-sentence, the next picks it up in lower case,
 * or after an ellipsis) is one slide, as a reader would join them: "The best hooks are short" +
 * "and specific enough to picture." The sentence is mended into one paragraph. Posts that each end
 * their sentences stay apart, since one short statement a slide is often the point; and a join that
 * would make a slide longer than a short read is not made.
 */
import type { Slide } from '../model/deck.js';
import { blockText, type Block } from '../model/document.js';
import { wordCount } from './choose-composition.js';

/** Most words the joined slide may hold: past this each half fills a slide well on its own. */
export const MAX_JOINED_WORDS = 60;

/** What may end a finished sentence: stops, closing quotes and brackets, emoji and symbols (an ellipsis trails off). */
const FINISHED = /[.!?:;"”’)\]\p{Extended_Pictographic}\p{S}]\s*$/u;
const TRAILS_OFF = /(?:\.\.\.|…)\s*$/u;
/** An ellipsis or dash a continuation may open with, to carry the sentence on; a lower-case letter follows. */
const CARRY_ON = /^\s*(?:\.\.\.|…|—|–|-\s)?\s*/u;

export function joinContinuations(slides: readonly Slide[]): Slide[] {
  const out: Slide[] = [];
  for (const slide of slides) {
    const prev = out[out.length - 1];
    if (prev && continues(prev, slide)) out[out.length - 1] = join(prev, slide);
    else out.push(slide);
  }
  return out;
}

function plain(slide: Slide): boolean {
  return slide.kind === 'content' && slide.media.length === 0 && slide.blocks.length > 0 && slide.layout === undefined;
}

function continues(a: Slide, b: Slide): boolean {
  if (!plain(a) || !plain(b) || b.title?.length) return false;
  const last = a.blocks[a.blocks.length - 1];
  const first = b.blocks[0];
  if (last.type !== 'paragraph' || first.type !== 'paragraph') return false;
  const end = blockText(last);
  if ((FINISHED.test(end) && !TRAILS_OFF.test(end)) || !/^\p{Ll}/u.test(blockText(first).replace(CARRY_ON, ''))) return false;
  const words = [...a.blocks, ...b.blocks].reduce((n, block) => n + wordCount(blockText(block)), 0);
  return words <= MAX_JOINED_WORDS;
}

function join(a: Slide, b: Slide): Slide {
  const last = a.blocks[a.blocks.length - 1];
  const [first, ...rest] = b.blocks;
  // An ellipsis or dash that only marked the carry-on goes; the sentence reads on after a space.
  const opening = first.spans.map((s, i) => (i === 0 ? { ...s, text: s.text.replace(CARRY_ON, '') } : s)).filter((s) => s.text.length > 0);
  const ending = last.spans.map((s, i, all) => (i === all.length - 1 ? { ...s, text: s.text.replace(TRAILS_OFF, '').trimEnd() } : s));
  const mended: Block = { ...last, spans: [...ending, { text: ' ' }, ...opening] };
  return { ...a, blocks: [...a.blocks.slice(0, -1), mended, ...rest], postIds: [...a.postIds, ...b.postIds] };
}
