/**
 * The small HTML that thread tools and X articles produce, as tokens for the post readers. It never
 * throws: unclosed, misnested and unknown tags are the reader's problem (see `formats/markup.ts`).
 */
import { markupTokens, type MarkupToken } from '../formats/markup.js';

export type HtmlToken = MarkupToken;

/** Elements whose content is never text for a reader; we drop it whole, closing tag and all. */
const RAW_TEXT = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math']);

export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  /** The raw-text element being skipped, and how deep inside elements of its name we are. */
  let skipping: { name: string; depth: number } | undefined;
  for (const token of markupTokens(html)) {
    if (skipping) {
      if (token.kind === 'open' && token.name === skipping.name && !token.selfClosing) skipping.depth++;
      else if (token.kind === 'close' && token.name === skipping.name && --skipping.depth === 0) skipping = undefined;
      continue;
    }
    const last = tokens[tokens.length - 1];
    if (token.kind === 'text' && last?.kind === 'text') last.text += token.text;
    else tokens.push(token);
    if (token.kind === 'open' && RAW_TEXT.has(token.name) && !token.selfClosing) skipping = { name: token.name, depth: 1 };
  }
  return tokens;
}
