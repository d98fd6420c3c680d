/**
 * A QR code as vector rectangles: the modules qrcode-generator computes, each dark row run merged into
 * one rect, on a light square with the four-module quiet zone scanners need. Dark on light whatever
 * the theme, since that is what a phone's camera reads.
 */
import qrcode from 'qrcode-generator';
import type { LaidElement } from './types.js';

const QUIET = 4;

/** The code for `data` drawn `size` wide at (x, y), quiet zone included; [] when it cannot be made. */
export function qrRects(data: string, x: number, y: number, size: number): LaidElement[] {
  let code: ReturnType<typeof qrcode>;
  try {
    code = qrcode(0, 'M');
    code.addData(data);
    code.make();
  } catch {
    // Longer than a QR code holds: the address is still written out beside it.
    return [];
  }
  const n = code.getModuleCount();
  const unit = size / (n + QUIET * 2);
  const out: LaidElement[] = [{ type: 'rect', x, y, w: size, h: size, radius: unit * 1.5, fill: '#FFFFFF' }];
  for (let row = 0; row < n; row++) {
    let start = -1;
    for (let col = 0; col <= n; col++) {
      const dark = col < n && code.isDark(row, col);
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        // A hair of overlap keeps anti-aliasing from drawing seams between neighbouring rows.
        out.push({ type: 'rect', x: x + (QUIET + start) * unit, y: y + (QUIET + row) * unit, w: (col - start) * unit, h: unit + 0.02, fill: '#111111' });
        start = -1;
      }
    }
  }
  return out;
}
