/**
 * A quotation and who said it: a `>` block (or several), or a post that is one sentence in quotation
 * marks, with an attribution line starting with a dash (`— Ada Lovelace`) when the post gives one.
 * Nobody is named who the post does not name.
 */
import type { Block, Span } from '../model/document.js';
import { blockText } from '../model/document.js';

export interface Quotation {
  words: Block[];
  /** The attribution without its dash, or undefined. */
  by?: Span[];
}

const ATTRIBUTION = /^\s*(?:[—–~]|-{1,2})\s*(?=\S)/;
const QUOTED = /^\s*["“«„]([^"“”«»„]+)["”»“]\s*$/u;

export function quotationOf(blocks: readonly Block[]): Quotation | undefined {
  const text = blocks.filter((b) => blockText(b).trim() !== '');
  if (text.length === 0) return undefined;
  const last = text[text.length - 1];
  const attributed = text.length > 1 && ATTRIBUTION.test(blockText(last));
  const words = attributed ? text.slice(0, -1) : text;
  const by = attributed ? dropDash(last.spans) : undefined;
  if (words.every((b) => b.type === 'quote')) return { words: words.map((b) => ({ ...b, type: 'paragraph' })), by };
  if (words.length === 1 && words[0].type === 'paragraph' && QUOTED.test(blockText(words[0]))) {
    return { words: [{ ...words[0], spans: unquote(words[0].spans) }], by };
  }
  return undefined;
}

function dropDash(spans: readonly Span[]): Span[] {
  return spans.map((s, i) => (i === 0 ? { ...s, text: s.text.replace(ATTRIBUTION, '') } : s)).filter((s) => s.text.trim().length > 0);
}

/** The words without the marks around them: the slide draws its own, large. */
function unquote(spans: readonly Span[]): Span[] {
  const out = spans.map((s) => ({ ...s }));
  if (out.length) out[0].text = out[0].text.replace(/^\s*["“«„]/u, '');
  if (out.length) out[out.length - 1].text = out[out.length - 1].text.replace(/["”»“]\s*$/u, '');
  return out.filter((s) => s.text.length > 0);
}
