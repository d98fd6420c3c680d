import emojiRegex from 'emoji-regex';
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

/**
 * Emoji by Unicode's own list (emoji-regex follows emoji-test.txt), each with the key of its
 * Twemoji image. Twemoji's parser was tried first and is not used: it matched only the U+FE0F of
 * emoji whose base is a text-style character (✍️ ✌️ ☝️ ⛹️), and only the skin tone of ✍🏽.
 */
export function findEmoji(text: string): EmojiMatch[] {
  if (!MAY_HOLD_EMOJI.test(text)) return [];
  const found: EmojiMatch[] = [];
  for (const m of text.matchAll(EMOJI)) found.push({ start: m.index, end: m.index + m[0].length, key: emojiKeyOf(m[0]) });
  return found;
}

const EMOJI = emojiRegex();

/**
 * Twemoji names an image by its code points in hex, joined by `-`, leaving out U+FE0F unless the
 * sequence is joined with U+200D (the image lookup tries the other spelling too).
 */
export function emojiKeyOf(emoji: string): string {
  const text = emoji.includes('\u200d') ? emoji : emoji.replace(/\ufe0f/g, '');
  return [...text].map((c) => c.codePointAt(0)!.toString(16)).join('-');
}

const SKIN_TONES = new Set(['1f3fb', '1f3fc', '1f3fd', '1f3fe', '1f3ff']);

/**
 * The image an emoji is drawn with, among those an image set `has`: its own key, else the key
 * without its U+FE0F parts (some sequences are named without them), else the emoji without its
 * skin tone, where the set draws none for it (🤼🏽), in its default tone. The export and the
 * studio share this rule, so both draw the same picture.
 */
export function resolveEmojiKey(key: string, has: (candidate: string) => boolean): string | undefined {
  const stripped = key.split('-').filter((part) => part !== 'fe0f').join('-');
  const untoned = stripped.split('-').filter((part) => !SKIN_TONES.has(part)).join('-');
  for (const candidate of new Set([key, stripped, untoned])) if (candidate !== '' && has(candidate)) return candidate;
  return undefined;
}

export function prefersText(emoji: string): boolean {
  return !EMOJI_STYLE.test(emoji);
}

/**
 * The square an emoji run's image is drawn in, from the run's start on the baseline: size x size,
 * centred in the run's advance, its bottom slightly below the baseline. The text stage puts it on
 * the run, so the stages after layout place the image without measuring anything.
 */
export function emojiBox(run: Pick<ShapedRun, 'width' | 'size'>): EmojiBox {
  const size = run.size;
  return { x: (run.width - size) / 2, y: EMOJI_DROP * size - size, w: size, h: size };
}
