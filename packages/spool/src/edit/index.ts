export {
  nextSlideId, slideIndex, defaultInsertIndex, updateSlide, insertSlide, addSlide, duplicateSlide, deleteSlide, moveSlide,
} from './slide-actions.js';
export type { AddSlideArgs } from './slide-actions.js';
export { MAX_SLIDE_IMAGES, slideFromPost, insertPostAsSlide, applyPostToSlide, applyImage } from './post-actions.js';
export type { ApplyMode } from './post-actions.js';
export { updateSlideText, setSlideLayout, setSlideAlign, setSlideImage, removeSlideImage } from './content-actions.js';
export type { SlideTextArgs } from './content-actions.js';
export { setDesign, applyPreset, syncOutro, planFromDocument } from './design-actions.js';
export type { DesignPatch } from './design-actions.js';
export { addPosts, appendPostSlides } from './import-actions.js';
export { INSTAGRAM_SLIDE_LIMIT, splitDeck } from './split-deck.js';
export type { SplitArgs } from './split-deck.js';
export { createHistory, recordEdit, undo, redo, canUndo, canRedo } from './history.js';
export type { History, RecordOptions } from './history.js';
export { blocksToText, textToBlocks, spansToText, textToSpans } from './slide-text.js';
export { slideOrigin, bodyFromOrigin, applyOriginText } from './slide-origin.js';
export type { OriginParagraph, OriginPick, OriginSentence } from './slide-origin.js';
export { slidesForRewrite, applyRewrittenSlides } from './rewrite-slides.js';
