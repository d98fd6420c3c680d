export { paintPdf } from './paint-pdf.js';
export type { PdfMeta, PdfPaintOptions } from './paint-pdf.js';
