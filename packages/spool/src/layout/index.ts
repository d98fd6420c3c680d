export { layoutDeck, layoutSlide, deckContext, deckLocale, laySlide, finishPage, deckAuthor } from './layout-deck.js';
export type { LayoutMemo, LayoutOptions, SlidePages } from './layout-deck.js';
export { contentBox } from './chrome.js';
export { MARGIN } from './context.js';
export type { LayoutContext, Box } from './context.js';
export type { ImageInfo, ImageLookup, LaidElement, LaidImage, LaidOutDeck, LaidOutPage, LaidRect, LaidText, PlacedLine, Warning } from './types.js';
export { isPhotograph } from './images.js';
