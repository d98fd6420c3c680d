/**
 * The draw stage: laid-out pages -> the Scenes every painter reads (backgrounds, patterns, and
 * each element as rects, paths, glyph runs and images). It sits above layout and measures nothing:
 * text comes placed, emoji with their boxes.
 */
export { buildScene, buildScenes } from './build-scene.js';
export { patternPaths } from './patterns.js';
