export { paintSvg } from './paint-svg.js';
export type { SvgPaintOptions } from './paint-svg.js';
export { encodeBase64, dataUri } from './base64.js';
export { escapeXml } from './xml.js';
