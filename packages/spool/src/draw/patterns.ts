import type { PathItem } from '../scene/types.js';

const f = (n: number) => Math.round(n * 100) / 100;

function circle(cx: number, cy: number, r: number): string {
  return `M${f(cx - r)} ${f(cy)}a${r} ${r} 0 1 0 ${f(2 * r)} 0a${r} ${r} 0 1 0 ${f(-2 * r)} 0Z`;
}

/**
 * Background patterns as single paths, kept light: decorative patches rather than full-page
 * fills where a full fill would bloat every PDF page.
 */
export function patternPaths(id: string, width: number, height: number, color: string, opacity: number): PathItem[] {
  switch (id) {
    case 'dots': {
      let d = '';
      const step = 14;
      // Patches sit inside the header and footer bands' edges, so the dots never run under a logo or page number.
      const clear = Math.min(62, height * 0.12);
      for (let row = 0; row < 6; row++) {
        for (let col = 0; col < 9; col++) {
          d += circle(width - 20 - col * step, clear + row * step, 1.5);
          d += circle(20 + col * step, height - clear - row * step, 1.5);
        }
      }
      return [{ type: 'path', d, fill: color, opacity: Math.min(1, opacity * 2.2) }];
    }
    case 'grid': {
      let d = '';
      const step = 36;
      for (let x = step / 2; x < width; x += step) d += `M${f(x)} 0V${f(height)}`;
      for (let y = step / 2; y < height; y += step) d += `M0 ${f(y)}H${f(width)}`;
      return [{ type: 'path', d, stroke: { color, width: 0.5 }, opacity }];
    }
    case 'diagonal': {
      let d = '';
      const step = 22;
      for (let k = -height; k < width; k += step) d += `M${f(k)} ${f(height)}L${f(k + height)} 0`;
      return [{ type: 'path', d, stroke: { color, width: 0.6 }, opacity }];
    }
    case 'waves': {
      let d = '';
      for (let i = 0; i < 4; i++) {
        const y = height - 70 + i * 16;
        const a = 14;
        d += `M0 ${f(y)}`;
        for (let x = 0; x < width; x += 108) d += `C${f(x + 36)} ${f(y - a)} ${f(x + 72)} ${f(y + a)} ${f(x + 108)} ${f(y)}`;
      }
      return [{ type: 'path', d, stroke: { color, width: 1.2 }, opacity: Math.min(1, opacity * 1.8) }];
    }
    case 'corners': {
      let d = '';
      for (let r = 40; r <= 160; r += 30) {
        d += circle(width + 10, -10, r);
        d += circle(-10, height + 10, r);
      }
      return [{ type: 'path', d, stroke: { color, width: 1 }, opacity: Math.min(1, opacity * 1.8) }];
    }
    default:
      return [];
  }
}
