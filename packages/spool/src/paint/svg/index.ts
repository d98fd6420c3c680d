export { paintSvg } from './paint-svg.js';
export type { SvgPaintOptions } from './paint-svg.js';
export { encodeBase64, dataUri } from './base64.js';
export { placeImage, clampRadius } from './geometry.js';
export type { Box, ImagePlacement } from './geometry.js';
export { escapeXml, safeHref, safeColor } from './xml.js';
