export { paintPdf } from './paint-pdf.js';
export type { PdfMeta, PdfPaintOptions } from './paint-pdf.js';
export { splitAhead } from './pdf-alpha.js';
export { loadSubsetter } from './pdf-subset.js';
