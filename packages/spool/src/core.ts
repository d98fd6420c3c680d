/**
 * The browser-safe core: model, design, planning, layout, scene and the SVG painter. No Node
 * APIs and no I/O here; the studio runs exactly this for its live preview.
 */
export * from './model/document.js';
export * from './model/deck.js';
export * from './design/index.js';
export * from './plan/index.js';
export * from './layout/index.js';
export * from './scene/index.js';
export * from './draw/index.js';
export { paintSvg, paintSvgParts, joinSvgParts, encodeBase64, dataUri, escapeXml } from './paint/svg/index.js';
export { parseColour } from './paint/pdf/pdf-color.js';
export { makeZip, type ZipEntry } from './formats/zip.js';
export type { SvgPaintOptions, SvgParts } from './paint/svg/index.js';
export * from './text/index.js';
export { SpoolInputError, formatInputIssues, isSpoolInputError } from './errors/input-error.js';
export type { InputIssue } from './errors/input-error.js';
export * from './edit/index.js';
export * from './condense/index.js';
export type { CodeToken, CodeTokenKind, Highlighter } from './formats/highlight.js';

/** The code highlighter, loaded on first need (its grammars are the largest part of the core). */
export function loadHighlighter(): Promise<import('./formats/highlight.js').Highlighter> {
  return import('./formats/highlight.js').then((m) => m.highlightCode);
}
export type { MathTypesetter, TypesetFormula } from './formats/math.js';
/** MathJax for display formulas, loaded on first need (a third of a second, for decks with a formula). */
export function loadMathTypesetter(): Promise<import('./formats/math.js').MathTypesetter> {
  return import('./formats/math.js').then((m) => m.loadMathTypesetter());
}
