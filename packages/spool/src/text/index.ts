export type {
  FaceGlyphs,
  FontMetrics,
  FontProvider,
  FontStyle,
  FontWeight,
  ShapedGlyph,
  ShapedRun,
  Shaper,
  ShaperFace,
  StyledText,
  TextEngine,
  TextEngineOptions,
  TextLine,
  TextLocale,
  TextStyle,
} from './types.js';
export { cjkFamilyFor, guessCjkLanguage } from './cjk.js';
export { paragraphDirection, type Direction } from './bidi.js';
export { createTextEngine } from './engine.js';
/**
 * Shaping with HarfBuzz (WASM). Load it once and give it to every engine:
 *
 *   const shaper = await loadHarfBuzzShaper(); // then createTextEngine({ fonts, shaper, emojiKey })
 */
export { createHarfBuzzShaper, loadHarfBuzzShaper } from './shaper-harfbuzz.js';
export type { LoadShaperOptions } from './shaper-harfbuzz.js';
export { EMOJI_ADVANCE, EMOJI_DROP, emojiBox, emojiKeyOf, findEmoji, resolveEmojiKey } from './emoji.js';
export type { EmojiBox, EmojiMatch } from './emoji.js';
export { faceKey, parseFaceKey } from './face.js';
export { readSfnt } from '../formats/sfnt.js';
export type { SfntInfo } from '../formats/sfnt.js';
export { weightOrder } from './font-set.js';
