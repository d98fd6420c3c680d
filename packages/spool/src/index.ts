/**
 * Spool's library API for Node: everything in the core, plus importers, fonts, images and the
 * PDF/PNG painters, the ready-to-post bundle and publishing. `buildCarousel(document, options)` is the
 * one call most callers need.
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
// To the feed: the ready-to-post bundle, its checks, and publishing a bundle to the platforms.
export { makeBundle, bundleDeck, writeBundle, preflightText } from './deliver/bundle.js';
export type { Bundle, BundleOptions } from './deliver/bundle.js';
export { preflight } from './deliver/preflight.js';
export type { PreflightCheck, PreflightReport } from './deliver/preflight.js';
export { captionsFor, captionFor, checkCaption, CAPTION_LIMITS } from './deliver/caption.js';
export { runPublish } from './deliver/publish-run.js';
export type { PublishWork, PublishState, PublishHooks, PublishResult } from './deliver/publish-run.js';
export { LinkedInClient, littleText } from './deliver/linkedin.js';
export { InstagramClient } from './deliver/instagram.js';
export { PlatformError } from './deliver/platform-http.js';
export type { PlatformName } from './deliver/platform-http.js';
