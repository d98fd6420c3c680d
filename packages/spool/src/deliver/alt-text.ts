/**
 * Alt text for each page, as a screen reader on LinkedIn or Instagram should hear it: the page's
 * own words (not the header and footer every page repeats) in reading order, and what its
 * pictures and formulas show.
 */
import type { LaidOutPage } from '../layout/types.js';
import { lineText } from '../layout/wrap.js';
import { runsOnAcrossBreak } from '../text/cjk.js';

/** Instagram cuts alt text beyond this; a screen reader user wants the gist, not a page of text. */
export const ALT_TEXT_LIMIT = 1000;

export function pageAltText(page: LaidOutPage): string {
  let out = '';
  const add = (text: string) => {
    const t = text.trim();
    if (!t) return;
    // A word broken after its hyphen (`real-` / `world`) is one word again.
    const joined = out === '' || /\p{L}-$/u.test(out) || runsOnAcrossBreak(out, t);
    out += joined ? t : ` ${t}`;
  };
  for (const element of page.elements) {
    if (element.type === 'text' && element.role !== 'chrome') for (const placed of element.lines) add(lineText(placed.line));
    else if (element.type === 'image' && element.alt) add(`Image: ${element.alt}`);
    else if (element.type === 'formula') add(element.alt);
  }
  const text = out.replace(/\s+/g, ' ').trim();
  if ([...text].length <= ALT_TEXT_LIMIT) return text;
  return `${[...text].slice(0, ALT_TEXT_LIMIT - 1).join('').replace(/\s\S*$/, '')}…`;
}
