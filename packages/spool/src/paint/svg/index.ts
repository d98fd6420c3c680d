export { joinSvgParts, paintSvg, paintSvgParts } from './paint-svg.js';
export type { SvgPaintOptions, SvgParts } from './paint-svg.js';
export { encodeBase64, dataUri } from './base64.js';
export { escapeXml } from './xml.js';
