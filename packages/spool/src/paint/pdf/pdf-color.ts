import { safeColor } from '../../scene/safe-values.js';

/**
 * Colour and number formatting for the PDF painter. Scene colours are `#rgb`, `#rrggbb` or
 * `#rrggbbaa` (the schemas admit nothing else); `rgb()`/`rgba()` are read too. Anything else is
 * drawn black, as `safeColor` falls back for the SVG.
 */

export interface PdfColor {
  /** Red, green, blue in 0..1. */
  rgb: [number, number, number];
  opacity: number;
}

const BLACK: PdfColor = { rgb: [0, 0, 0], opacity: 1 };

export function pdfColor(value: string | undefined): PdfColor {
  return parseColour(safeColor(value)) ?? BLACK;
}

/** `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()` or `rgba()`; undefined for anything else. */
export function parseColour(value: string): PdfColor | undefined {
  const c = value.trim();
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(c)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((d) => d + d).join('') : hex;
    const byte = (at: number) => parseInt(full.slice(at, at + 2), 16) / 255;
    return { rgb: [byte(0), byte(2), byte(4)], opacity: full.length === 8 ? byte(6) : 1 };
  }
  const fn = /^rgba?\(\s*([\d.]+%?)[\s,]+([\d.]+%?)[\s,]+([\d.]+%?)(?:[\s,/]+([\d.]+%?))?\s*\)$/i.exec(c);
  if (fn) {
    const channel = (v: string) => Math.min(1, Math.max(0, v.endsWith('%') ? parseFloat(v) / 100 : parseFloat(v) / 255));
    const alpha = fn[4] === undefined ? 1 : fn[4].endsWith('%') ? parseFloat(fn[4]) / 100 : parseFloat(fn[4]);
    return { rgb: [channel(fn[1]), channel(fn[2]), channel(fn[3])], opacity: Math.min(1, Math.max(0, alpha)) };
  }
  return undefined;
}

/** The operator setting a fill (`rg`) or stroke (`RG`) colour. */
export function rgbOp(rgb: readonly [number, number, number], op: 'rg' | 'RG'): string {
  return `${pdfNum(rgb[0])} ${pdfNum(rgb[1])} ${pdfNum(rgb[2])} ${op}`;
}

/** Content-stream number: three decimals of a point is far below device resolution. */
export function pdfNum(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const r = Math.round(value * 1000) / 1000;
  return r === 0 ? '0' : String(r);
}
