import { safeColor } from '../svg/xml.js';

/**
 * Colour and number formatting for the PDF painter. pdfkit understands `#rgb`, `#rrggbb` and CSS
 * names but not an alpha channel, so `#rrggbbaa` is split into a colour and an opacity here.
 */

export interface PdfColor {
  /** A value pdfkit's fillColor/strokeColor accept. */
  color: string | [number, number, number];
  opacity: number;
}

export function pdfColor(value: string | undefined): PdfColor {
  const c = safeColor(value);
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(c)?.[1];
  if (!hex) return { color: c, opacity: 1 };
  const full = hex.length <= 4 ? [...hex].map((d) => d + d).join('') : hex;
  const rgb: [number, number, number] = [
    parseInt(full.slice(0, 2), 16),
    parseInt(full.slice(2, 4), 16),
    parseInt(full.slice(4, 6), 16),
  ];
  const opacity = full.length === 8 ? parseInt(full.slice(6, 8), 16) / 255 : 1;
  return { color: rgb, opacity };
}

/** Content-stream number: three decimals of a point is far below device resolution. */
export function pdfNum(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const r = Math.round(value * 1000) / 1000;
  return r === 0 ? '0' : String(r);
}
