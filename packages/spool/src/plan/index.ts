export { planDeck } from './plan-deck.js';
export { renumberLists } from './renumber.js';
export { classifyPost } from './classify.js';
export type { PostRole } from './classify.js';
export { splitHook, splitSpansAt } from './hook.js';
export { ctaBlocks } from './outro.js';
