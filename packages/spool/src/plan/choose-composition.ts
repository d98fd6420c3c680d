/**
 * Auto layout: each content slide's composition chosen from what it says. The rules, in the order
 * they are tried (the first that holds wins):
 *
 * 1. a code block (a fence, `<pre>`) → `code`: the code on an editor card, the words around it;
 * 2. images with little text (at most 40 words) → `image-focus` for one, `image-grid` for two to four:
 *    the images lead, the text captions them;
 * 3. two labelled sides (Before/After, Do/Don't, Myth/Fact, ❌/✅) → `comparison`;
 * 4. a quotation (`>` blocks, or one sentence in quotation marks) → `quote`;
 * 5. a list (two or more items, and at least half the blocks) → `steps`;
 * 6. a leading figure that carries the point (90%, 3×, $1.2M, 48,000) in at most 40 words → `stat`;
 * 7. a short text (at most 30 words in at most two paragraphs, no list) → `statement`;
 * 8. anything else → `classic`.
 */
import type { Slide } from '../model/deck.js';
import { blockText } from '../model/document.js';
import { comparisonOf } from './comparison.js';
import { leadingFigure } from './figure.js';
import { quotationOf } from './quotation.js';

/** The compositions auto layout picks among; each is also a layout a user may set by hand. */
export type AutoComposition = 'code' | 'image-focus' | 'image-grid' | 'comparison' | 'quote' | 'steps' | 'stat' | 'statement' | 'classic';

export const STATEMENT_MAX_WORDS = 30;
export const CAPTION_MAX_WORDS = 40;

export function chooseComposition(slide: Pick<Slide, 'blocks' | 'media' | 'title'>): AutoComposition {
  const blocks = slide.blocks.filter((b) => blockText(b).trim() !== '');
  const words = wordCount(blocks.map(blockText).join(' ')) + wordCount((slide.title ?? []).map((s) => s.text).join(''));
  if (blocks.some((b) => b.type === 'code')) return 'code';
  // Tables and formulas are set by the flow of blocks, which the classic composition is.
  if (blocks.some((b) => b.type === 'table' || b.type === 'math')) return 'classic';
  if (slide.media.length > 0) return words > CAPTION_MAX_WORDS ? 'classic' : slide.media.length > 1 ? 'image-grid' : 'image-focus';
  if (blocks.length === 0) return 'classic';
  if (comparisonOf(blocks)) return 'comparison';
  if (!slide.title?.length && quotationOf(blocks)) return 'quote';
  const items = blocks.filter((b) => b.type === 'listItem').length;
  if (items >= 2 && items * 2 >= blocks.length) return 'steps';
  if (!slide.title?.length && words <= CAPTION_MAX_WORDS && leadingFigure(blocks[0])) return 'stat';
  if (words <= STATEMENT_MAX_WORDS && blocks.length <= 2 && items === 0 && blocks.every((b) => b.type === 'paragraph')) return 'statement';
  return 'classic';
}

/** Words as a reader counts them; text without spaces (Chinese, Japanese) counts by characters. */
export function wordCount(text: string): number {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const spaceless = words.reduce((n, w) => n + (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(w) ? Math.ceil(w.length / 2) - 1 : 0), 0);
  return words.length + spaceless;
}
