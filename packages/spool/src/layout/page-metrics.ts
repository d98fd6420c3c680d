/**
 * The numbers a designer checks on a laid-out page: how many words it asks a reader to take in, its
 * smallest text in pixels at the export size, the lowest contrast of any text against what is under
 * it, and how many paragraphs end on a widow.
 */
import { contrastRatio, mixHex } from '../design/contrast.js';
import type { Theme } from '../design/types.js';
import { SLIDE_UNITS_WIDE } from '../design/types.js';
import type { LaidElement, LaidOutPage, LaidText, PlacedLine } from './types.js';
import { endsInWidow, lineText } from './wrap.js';

export interface PageMetrics {
  /** Words of the page's own text (header and footer left out). */
  words: number;
  /** Smallest of the page's own text (header and footer left out), in pixels at the export width. */
  smallestTextPx: number;
  /** Lowest WCAG contrast ratio of any text against the background or panel under it. */
  lowestContrast: number;
  /** Paragraphs whose last line is one short word. */
  widows: number;
}

export function pageMetrics(page: LaidOutPage, theme: Theme, exportWidth: number): PageMetrics {
  const px = exportWidth / SLIDE_UNITS_WIDE;
  let words = 0;
  let smallest = Infinity;
  let lowest = Infinity;
  let widows = 0;
  page.elements.forEach((element, index) => {
    if (element.type !== 'text') return;
    const own = element.role !== 'chrome';
    if (own) words += countWords(element);
    if (endsInWidow(element.lines.map((l) => l.line))) widows++;
    for (const placed of element.lines) {
      const under = backgroundsUnder(page.elements, index, placed, theme);
      for (const run of placed.line.runs) {
        if (run.emoji || run.text.trim() === '') continue;
        if (own) smallest = Math.min(smallest, run.size * px);
        // A highlighted key phrase is read on its band.
        for (const bg of run.highlight ? [opaque(run.highlight)] : under) lowest = Math.min(lowest, contrastRatio(opaque(run.color), bg));
      }
    }
  });
  return {
    words,
    smallestTextPx: smallest === Infinity ? 0 : Math.round(smallest * 10) / 10,
    lowestContrast: lowest === Infinity ? 0 : Math.round(lowest * 100) / 100,
    widows,
  };
}

function countWords(text: LaidText): number {
  return text.lines.reduce((n, l) => n + lineText(l.line).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length, 0);
}

/**
 * What a line is drawn on: the last opaque rect drawn before it that holds the line's start, else the
 * page background (both ends of a gradient); a scrim over a picture counts as the lightest and the
 * darkest picture under it.
 */
export function backgroundsUnder(elements: readonly LaidElement[], index: number, placed: PlacedLine, theme: Theme): string[] {
  const x = placed.x + 1;
  const y = placed.baseline - placed.line.ascent / 2;
  for (let k = index - 1; k >= 0; k--) {
    const e = elements[k];
    if (e.type !== 'rect' || x < e.x || x > e.x + e.w || y < e.y || y > e.y + e.h) continue;
    const opacity = e.opacity ?? 1;
    if (opacity >= 0.95) return [opaque(e.fill)];
    // A scrim over a picture: judged over the lightest and the darkest picture it could cover.
    if (elements.slice(0, k).some((i) => i.type === 'image')) return [mixHex('#FFFFFF', opaque(e.fill), opacity), mixHex('#000000', opaque(e.fill), opacity)];
  }
  return theme.backgroundTo ? [theme.background, theme.backgroundTo] : [theme.background];
}

/** `#rrggbb` of a colour that may carry alpha (`#rrggbbaa`) or be short (`#rgb`). */
function opaque(color: string): string {
  const hex = color.replace('#', '');
  if (hex.length === 3 || hex.length === 4) return `#${[...hex.slice(0, 3)].map((c) => c + c).join('')}`;
  return `#${hex.slice(0, 6)}`;
}
