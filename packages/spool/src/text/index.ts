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
  TextStyle,
} from './types.js';
export { createTextEngine } from './engine.js';
/**
 * Shaping with HarfBuzz (WASM), falling back to fontkit when it cannot load. Load it once before
 * the first engine is created, which then picks it up by default (engines created before any
 * shaper has loaded throw):
 *
 *   const shaper = await loadHarfBuzzShaper(); // then createTextEngine({ fonts, shaper, emojiKey })
 *
 * fontkit is imported only by loadFontkitShaper() or a failed HarfBuzz load, never statically.
 */
export { createHarfBuzzShaper, defaultShaper, loadFontkitShaper, loadHarfBuzzShaper } from './shaper-harfbuzz.js';
export type { LoadShaperOptions } from './shaper-harfbuzz.js';
export { EMOJI_ADVANCE, EMOJI_DROP, emojiBox, emojiKeyOf, findEmoji, resolveEmojiKey } from './emoji.js';
export type { EmojiBox, EmojiMatch } from './emoji.js';
export { faceKey, padGlyfTable, parseFaceKey } from './face.js';
export { readSfnt } from '../formats/sfnt.js';
export type { SfntInfo } from '../formats/sfnt.js';
export { weightOrder } from './font-set.js';
export { filterLookups } from './lookup-filter.js';
