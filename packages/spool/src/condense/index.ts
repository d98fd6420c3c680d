export { condenseArticle, defaultSlideCount, capSpans, type CondenseOptions, type Condensed, type CondensedDraft } from './condense.js';
export { sentencesOf, type Sentence } from './outline.js';
