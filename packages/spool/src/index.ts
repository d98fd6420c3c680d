/**
 * Spool's library API for Node: everything in the core, plus importers, fonts, images and the
 * PDF/PNG painters. `buildCarousel(document, options)` is the one call most callers need.
 */
export * from './core.js';
export { buildCarousel, renderDeck, TimeLimitError, DEFAULT_BUILD_TIME_LIMIT_MS, DEFAULT_VIDEO_TIME_LIMIT_MS } from './node/build.js';
export type { BuildFormat, BuildOptions, BuildResult, OutputFile, OutputFormat, RenderOptions, VideoOptions } from './node/build.js';
export { defaultTextEngine } from './node/fonts.js';
export { readBrandFile, readBrandKit } from './node/brand-file.js';
export { platformWarnings, INSTAGRAM_MAX_SLIDES, LINKEDIN_MAX_PAGES } from './node/warnings.js';
export { importSource } from './sources/import.js';
export type { ImportOptions, ImportResult, SourceKind } from './sources/types.js';
export { documentToThreadFile } from './sources/to-thread-file.js';
export { articleTextToDocument } from './sources/article-text.js';
export { rewriteDocument, type RewriteResult } from './rewrite/rewrite.js';
export { modelConfigFromEnv, type ModelConfig } from './rewrite/model-config.js';
export { paintPdf } from './paint/pdf/index.js';
export { paintPng } from './paint/png/index.js';
