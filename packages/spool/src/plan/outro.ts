import type { Author, Block, Span } from '../model/document.js';
import type { Design } from '../design/types.js';
import { DEFAULT_CTA_LINES, SUBSCRIBE_CTA_LINES } from '../design/defaults.js';

/**
 * The outro's call to action: up to three lines, `{name}` and `{handle}` filled from the brand kit or
 * author. A subscribe outro with the default lines (which ask to follow) says subscribe instead.
 */
export function ctaBlocks(design: Design, author: Author | undefined): Block[] {
  const name = design.brand.name ?? author?.name ?? '';
  const handle = design.brand.handle ?? author?.handle ?? '';
  const unchanged = design.cta.lines.length === DEFAULT_CTA_LINES.length && design.cta.lines.every((l, i) => l === DEFAULT_CTA_LINES[i]);
  const lines = design.cta.style === 'subscribe' && unchanged ? SUBSCRIBE_CTA_LINES : design.cta.lines;
  return lines
    .slice(0, 3)
    // A line that names the author makes no sense without one (an article with no byline).
    .filter((line) => !/\{(name|handle)\}/.test(line) || name || handle)
    .map((line) => fillCta(line, name, handle).trim())
    .filter((line) => line.length > 0)
    .map((text, i): Block => (i === 0 ? { type: 'heading', level: 1, spans: [{ text }] } : { type: 'paragraph', spans: [{ text }] }));
}

/**
 * The address a link outro points to: the source's (an article's URL), else the brand's website;
 * undefined when there is neither, and the outro follows instead.
 */
export function outroLink(design: Design, url: string | undefined): Block | undefined {
  if (design.cta.style !== 'link') return undefined;
  const href = [url, design.brand.website].map((u) => (u && !/^https?:\/\//i.test(u) ? `https://${u}` : u)).find((u) => u && /^https?:\/\/[^\s]+$/i.test(u));
  if (!href) return undefined;
  const span: Span = { text: href.replace(/^https?:\/\//i, '').replace(/\/$/, ''), href };
  return { type: 'paragraph', spans: [span] };
}

function fillCta(line: string, name: string, handle: string): string {
  const at = handle ? `@${handle.replace(/^@/, '')}` : '';
  return line.replace(/\{name\}/g, name || at).replace(/\{handle\}/g, at || name);
}
