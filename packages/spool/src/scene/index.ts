export { buildScene, buildScenes } from './build-scene.js';
export { patternPaths } from './patterns.js';
export type {
  FontFace, GradientStop, ImageItem, ImageResource, LinearGradient, LinkItem, Paint, PaintResources, PathItem, PlacedGlyph, RectItem,
  Scene, SceneItem, Stroke, TextItem,
} from './types.js';
