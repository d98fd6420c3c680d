import { estimateBetween, widthBetween, type Paragraph } from './paragraph.js';

export interface LineRange {
  start: number;
  /** Where the next line starts; trailing whitespace before it is not part of the line's width. */
  end: number;
  hard: boolean;
  /** The line ends inside a word too wide for it (see splitWord). */
  split?: boolean;
}

/**
 * Greedy fill: each line takes as many break opportunities as fit. Candidates are ranked by
 * estimates (no new shaping), then the line is confirmed with its exact width, the same shaping
 * its runs get, so a line is never wider than maxWidth. The one exception is a single grapheme
 * wider than the box on its own.
 */
export function chooseBreaks(p: Paragraph, maxWidth: number): LineRange[] {
  const lines: LineRange[] = [];
  const { breaks, tolerance } = p;
  const n = p.text.length;
  let start = 0;
  let k = 0;
  while (start < n) {
    while (breaks[k].pos <= start) k++;
    let last = k - 1;
    for (let j = k; j < breaks.length; j++) {
      if (estimateBetween(p, start, breaks[j].pos) > maxWidth + tolerance) break;
      last = j;
      if (breaks[j].required) break;
    }
    let chosen = -1;
    for (let j = last; j >= k && chosen < 0; j--) {
      if (widthBetween(p, start, breaks[j].pos) <= maxWidth) chosen = j;
    }
    if (chosen >= 0) {
      lines.push({ start, end: breaks[chosen].pos, hard: breaks[chosen].required });
      start = breaks[chosen].pos;
    } else {
      const limit = breaks[k].pos;
      const end = splitWord(p, start, limit, maxWidth);
      lines.push({ start, end, hard: end === limit && breaks[k].required, ...(end < limit ? { split: true } : {}) });
      start = end;
    }
  }
  return lines;
}

/**
 * Last resort for a word wider than the line (long URLs, hashtags): the longest run of whole
 * grapheme clusters that fits, and always at least one so the text keeps moving.
 */
function splitWord(p: Paragraph, start: number, limit: number, maxWidth: number): number {
  const cuts: number[] = [];
  for (let i = start + 1; i < limit; i++) if (p.bounds[i] && !p.noBreak[i]) cuts.push(i);
  cuts.push(limit);
  // Estimates grow with every cluster, so a binary search finds the cut; exact widths confirm it.
  let lo = 0;
  let hi = cuts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (estimateBetween(p, start, cuts[mid]) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  while (lo > 0 && widthBetween(p, start, cuts[lo]) > maxWidth) lo--;
  while (lo + 1 < cuts.length && widthBetween(p, start, cuts[lo + 1]) <= maxWidth) lo++;
  return cuts[lo];
}
