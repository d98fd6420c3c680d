export type {
  FontFace, GradientStop, ImageItem, ImageResource, LinearGradient, LinkItem, Paint, PaintResources, PathItem, PlacedGlyph, RectItem,
  Scene, SceneItem, Stroke, TextItem,
} from './types.js';
export { placeImage, clampRadius } from './geometry.js';
export type { ImagePlacement } from './geometry.js';
export { safeColor, safeHref } from './safe-values.js';
