/**
 * A forgiving tokenizer for the small HTML that thread tools and X articles produce. It never throws:
 * unclosed, misnested and unknown tags are the parser's problem, and a `<` that doesn't open a tag is text.
 */
import { decodeEntities } from './entities.js';

export type HtmlToken =
  | { kind: 'text'; text: string }
  | { kind: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string };

/** Elements whose content is never text for a reader; we drop it whole, closing tag and all. */
const RAW_TEXT = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math']);

export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let text = '';
  const flushText = () => {
    if (text !== '') tokens.push({ kind: 'text', text: decodeEntities(text) });
    text = '';
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text += html.slice(i);
      break;
    }
    text += html.slice(i, lt);
    const next = html[lt + 1] ?? '';
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (next === '!' || next === '?') {
      const end = html.indexOf('>', lt);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const closing = next === '/';
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!/[A-Za-z]/.test(html[nameStart] ?? '')) {
      text += '<';
      i = lt + 1;
      continue;
    }
    const tag = readTag(html, nameStart);
    if (!tag) {
      // An unterminated tag at the very end: keeping its characters beats losing the user's words.
      text += html.slice(lt);
      break;
    }
    flushText();
    i = tag.end;
    if (closing) {
      tokens.push({ kind: 'close', name: tag.name });
      continue;
    }
    tokens.push({ kind: 'open', name: tag.name, attrs: tag.attrs, selfClosing: tag.selfClosing });
    if (RAW_TEXT.has(tag.name) && !tag.selfClosing) i = skipRawText(html, i, tag.name);
  }
  flushText();
  return tokens;
}

interface RawTag {
  name: string;
  attrs: Record<string, string>;
  selfClosing: boolean;
  end: number;
}

function readTag(html: string, start: number): RawTag | undefined {
  let i = start;
  while (i < html.length && /[A-Za-z0-9:_-]/.test(html[i])) i++;
  const name = html.slice(start, i).toLowerCase();
  const attrs: Record<string, string> = {};
  let selfClosing = false;
  while (i < html.length) {
    const c = html[i];
    if (c === '>') return { name, attrs, selfClosing, end: i + 1 };
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '/') {
      selfClosing = html[i + 1] === '>';
      i++;
      continue;
    }
    let j = i;
    while (j < html.length && !/[\s=>/]/.test(html[j])) j++;
    if (j === i) j++; // a stray character such as `"`; skip it rather than loop
    const attrName = html.slice(i, j).toLowerCase();
    i = j;
    while (i < html.length && /\s/.test(html[i])) i++;
    let value = '';
    if (html[i] === '=') {
      i++;
      while (i < html.length && /\s/.test(html[i])) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        if (close < 0) return undefined;
        value = html.slice(i + 1, close);
        i = close + 1;
      } else {
        let k = i;
        while (k < html.length && !/[\s>]/.test(html[k])) k++;
        value = html.slice(i, k);
        i = k;
      }
    }
    if (!(attrName in attrs)) attrs[attrName] = decodeEntities(value);
  }
  return undefined;
}

/** Index just past `</name ...>`, or the end of the input when the element is never closed. */
function skipRawText(html: string, from: number, name: string): number {
  const closing = new RegExp(`</${name}(?=[\\s/>]|$)`, 'gi');
  closing.lastIndex = from;
  const match = closing.exec(html);
  if (!match) return html.length;
  const end = html.indexOf('>', match.index);
  return end < 0 ? html.length : end + 1;
}
