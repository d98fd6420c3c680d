export { paintSvg } from './svg/index.js';
export type { SvgPaintOptions } from './svg/index.js';
