export { paintPng } from './paint-png.js';
export type { PngPaintOptions } from './paint-png.js';
