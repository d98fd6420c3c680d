/**
 * The small HTML that thread tools and X articles produce, as tokens for the post readers. It never
 * throws: unclosed, misnested and unknown tags are the reader's problem (see `formats/markup.ts`).
 */
import { markupTokens, type MarkupToken } from '../formats/markup.js';
import { texToText } from '../formats/math-text.js';
import { mathmlToTex } from './mathml.js';

export type HtmlToken = MarkupToken;

/** Elements whose content is never text for a reader; we drop it whole, closing tag and all. */
const RAW_TEXT = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math']);

interface MathTree {
  nodeType: number;
  tagName?: string;
  attrs?: Record<string, string>;
  childNodes: MathTree[];
  textContent: string | null;
  getAttribute?(name: string): string | null;
}

function element(name: string, attrs: Record<string, string>): MathTree {
  const node: MathTree = {
    nodeType: 1,
    tagName: name,
    attrs,
    childNodes: [],
    get textContent() {
      return node.childNodes.map((c) => c.textContent ?? '').join('');
    },
    getAttribute: (key) => attrs[key] ?? null,
  };
  return node;
}

/** A `<math>` read from its tokens: its formula as text, variables in `<i>`, so no symbol is lost. */
function mathTokens(tokens: readonly HtmlToken[]): HtmlToken[] {
  const root = element('math', tokens[0]?.kind === 'open' ? tokens[0].attrs : {});
  const stack = [root];
  for (const token of tokens.slice(1)) {
    const top = stack[stack.length - 1];
    if (token.kind === 'text') top.childNodes.push({ nodeType: 3, childNodes: [], textContent: token.text });
    else if (token.kind === 'open') {
      const child = element(token.name, token.attrs);
      top.childNodes.push(child);
      if (!token.selfClosing) stack.push(child);
    } else if (stack.length > 1) stack.pop();
  }
  const out: HtmlToken[] = [];
  for (const piece of texToText(mathmlToTex(root))) {
    if (piece.italic) out.push({ kind: 'open', name: 'i', attrs: {}, selfClosing: false }, { kind: 'text', text: piece.text }, { kind: 'close', name: 'i' });
    else out.push({ kind: 'text', text: piece.text });
  }
  return out;
}

export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  /** The raw-text element being skipped, and how deep inside elements of its name we are. */
  let skipping: { name: string; depth: number } | undefined;
  /** A formula's tokens, gathered to be read as text when it closes. */
  let math: HtmlToken[] | undefined;
  for (const token of markupTokens(html)) {
    if (skipping) {
      if (math) math.push(token);
      if (token.kind === 'open' && token.name === skipping.name && !token.selfClosing) skipping.depth++;
      else if (token.kind === 'close' && token.name === skipping.name && --skipping.depth === 0) {
        skipping = undefined;
        if (math) tokens.push(...mathTokens(math));
        math = undefined;
      }
      continue;
    }
    const last = tokens[tokens.length - 1];
    if (token.kind === 'text' && last?.kind === 'text') last.text += token.text;
    else tokens.push(token);
    if (token.kind === 'open' && RAW_TEXT.has(token.name) && !token.selfClosing) {
      skipping = { name: token.name, depth: 1 };
      if (token.name === 'math') {
        tokens.pop();
        math = [token];
      }
    }
  }
  return tokens;
}
