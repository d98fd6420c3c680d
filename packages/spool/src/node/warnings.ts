import type { Design } from '../design/types.js';
import { isInstagram } from '../design/ratios.js';
import type { Warning } from '../layout/types.js';

export const INSTAGRAM_MAX_SLIDES = 20;
export const LINKEDIN_MAX_PAGES = 300;

/** Platform limits are told, never enforced: the user may split the deck or post it elsewhere. */
export function platformWarnings(pages: number, design: Design, format: string): Warning[] {
  const warnings: Warning[] = [];
  // A video is one post whatever its number of slides: the carousel limit is not its.
  const carousel = format !== 'mp4' && (isInstagram(design.ratio) || format === 'png' || format === 'jpeg');
  if (carousel && pages > INSTAGRAM_MAX_SLIDES) {
    warnings.push({
      code: 'instagram-limit',
      message: `${pages} slides: Instagram carousels take at most ${INSTAGRAM_MAX_SLIDES} (10 through the API); split the deck to post it there`,
    });
  }
  if (format === 'pdf' && pages > LINKEDIN_MAX_PAGES) {
    warnings.push({ code: 'linkedin-limit', message: `${pages} pages: LinkedIn documents take at most ${LINKEDIN_MAX_PAGES} pages` });
  }
  return warnings;
}
