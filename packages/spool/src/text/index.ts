export type {
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
 * Shaping with HarfBuzz (WASM), falling back to fontkit when it cannot load. In the browser, load
 * it once before the first engine is created, which then picks it up by default:
 *
 *   const shaper = await loadHarfBuzzShaper(); // then createTextEngine({ fonts, shaper, emojiKey })
 */
export { createHarfBuzzShaper, defaultShaper, loadHarfBuzzShaper } from './shaper-harfbuzz.js';
export type { LoadShaperOptions } from './shaper-harfbuzz.js';
export { fontkitShaper } from './shaper-fontkit.js';
export { EMOJI_ADVANCE, EMOJI_DROP, emojiBox, findEmoji, twemojiKey } from './emoji.js';
export type { EmojiBox, EmojiMatch } from './emoji.js';
export { faceKey, padGlyfTable, parseFaceKey } from './face.js';
export { weightOrder } from './font-set.js';
export { filterLookups } from './lookup-filter.js';
