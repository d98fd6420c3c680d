import type { Ratio } from './types.js';
import { SLIDE_UNITS_WIDE } from './types.js';
import { quoteInput } from '../errors/input-error.js';

export const RATIOS: readonly Ratio[] = [
  { id: 'linkedin-portrait', label: 'LinkedIn portrait 4:5', width: 1080, height: 1350 },
  { id: 'linkedin-square', label: 'LinkedIn square 1:1', width: 1080, height: 1080 },
  { id: 'instagram-portrait', label: 'Instagram portrait 4:5', width: 1080, height: 1350 },
  { id: 'instagram-square', label: 'Instagram square 1:1', width: 1080, height: 1080 },
  { id: 'instagram-tall', label: 'Instagram tall 3:4', width: 1080, height: 1440 },
  { id: 'instagram-landscape', label: 'Instagram landscape 1.91:1', width: 1080, height: 566 },
  { id: 'instagram-story', label: 'Story 9:16', width: 1080, height: 1920 },
];

export const DEFAULT_RATIO_ID = 'linkedin-portrait';

const CUSTOM = /^(\d{2,5})x(\d{2,5})$/i;

/** A registered ratio id, or a custom `WxH` in pixels (each side 200..8000). */
export function resolveRatio(idOrSize: string): Ratio {
  const known = RATIOS.find((r) => r.id === idOrSize);
  if (known) return known;
  const m = CUSTOM.exec(idOrSize.trim());
  if (m) {
    const width = Number(m[1]);
    const height = Number(m[2]);
    if (width >= 200 && height >= 200 && width <= 8000 && height <= 8000) {
      return { id: `${width}x${height}`, label: `Custom ${width}x${height}`, width, height };
    }
    throw new RangeError(`ratio ${idOrSize}: each side must be between 200 and 8000 pixels`);
  }
  throw new RangeError(`unknown ratio ${quoteInput(String(idOrSize))} (try ${RATIOS.map((r) => r.id).join(', ')} or WxH)`);
}

/** Page height in layout units for a ratio (the width is always SLIDE_UNITS_WIDE). */
export function slideUnitsHigh(ratio: Ratio): number {
  return (SLIDE_UNITS_WIDE * ratio.height) / ratio.width;
}

export function isInstagram(ratio: Ratio): boolean {
  return ratio.id.startsWith('instagram');
}
