import { parse } from '@twemoji/parser';
import type { ShapedRun } from './types.js';

/** Advance of one emoji per unit of font size: the square plus a little air on each side. */
export const EMOJI_ADVANCE = 1.2;
/** How far the emoji square reaches below the baseline, per unit of font size, like a descender. */
export const EMOJI_DROP = 0.1;

export interface EmojiMatch {
  start: number;
  end: number;
  /** Twemoji key: the parser's image file name without `.svg`, e.g. `1f44d-1f3fd`. */
  key: string;
}

export interface EmojiBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

// Every emoji the parser knows contains a character at or above U+2000 (© and ® only count with
// U+FE0F), so most text can skip the parser's large regular expression.
const MAY_HOLD_EMOJI = /[\u2000-\uffff]/;

// A sequence with none of these is a symbol whose default look is text (❤, ☺, ↔): we set it
// in a font when one has it and only fall back to the image when none does.
const EMOJI_STYLE = /\p{Emoji_Presentation}|\p{Emoji_Modifier}|[\u200d\u20e3\ufe0f]/u;

export function findEmoji(text: string): EmojiMatch[] {
  if (!MAY_HOLD_EMOJI.test(text)) return [];
  return parse(text).map((e) => ({ start: e.indices[0], end: e.indices[1], key: twemojiKey(e.url) }));
}

export function twemojiKey(url: string): string {
  const name = url.slice(url.lastIndexOf('/') + 1);
  return name.endsWith('.svg') ? name.slice(0, -4) : name;
}

export function prefersText(emoji: string): boolean {
  return !EMOJI_STYLE.test(emoji);
}

/**
 * The square an emoji run's image is drawn in: size x size, centred in the run's advance, its
 * bottom slightly below the baseline. `lineX` is the x of the line the run belongs to.
 */
export function emojiBox(run: Pick<ShapedRun, 'x' | 'width' | 'size'>, baselineY: number, lineX = 0): EmojiBox {
  const size = run.size;
  return {
    x: lineX + run.x + (run.width - size) / 2,
    y: baselineY + EMOJI_DROP * size - size,
    w: size,
    h: size,
  };
}
