export type {
  FontMetrics,
  FontProvider,
  FontStyle,
  FontWeight,
  ShapedRun,
  StyledText,
  TextEngine,
  TextEngineOptions,
  TextLine,
  TextStyle,
} from './types.js';
export { createTextEngine } from './engine.js';
export { EMOJI_ADVANCE, EMOJI_DROP, emojiBox, findEmoji, twemojiKey } from './emoji.js';
export type { EmojiBox, EmojiMatch } from './emoji.js';
export { faceKey, padGlyfTable, parseFaceKey } from './face.js';
export { weightOrder } from './font-set.js';
export { filterLookups } from './lookup-filter.js';
