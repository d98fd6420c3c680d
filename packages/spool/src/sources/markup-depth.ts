/**
 * How deeply markup nests, measured in one linear pass before any parser sees it. The parsers we
 * use (linkedom and Readability for pages, marked for Markdown) recurse on nesting and grow
 * quadratic with it, so a few hundred kilobytes of `<div><span><b>` or `>>>>` could hold a thread
 * for minutes or overflow its stack. Real writing never nests like that: browsers themselves stop
 * building the tree at 512 levels. Past the limits the source is refused with a reason.
 */
import { readMarkup } from '../formats/markup.js';

/** The depth at which browsers stop nesting HTML elements (Blink's parser limit). */
export const MAX_HTML_DEPTH = 512;
/** Quotes, lists, links or emphasis inside each other in Markdown. */
export const MAX_MARKDOWN_DEPTH = 64;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose end tag may be left out: the next one of the same kind ends the one before. */
const SELF_ENDING = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'rb', 'rt', 'rp', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption']);

/** Elements whose content is text, not markup: a script may hold "<div>" in a string. */
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'template', 'noscript', 'iframe']);

/**
 * Why the page cannot be read, or undefined. The scan stops at the first tag past the limit, so a
 * hostile page is refused after reading a few kilobytes of it.
 */
export function htmlTooDeep(html: string, limit = MAX_HTML_DEPTH): string | undefined {
  const stack: string[] = [];
  let raw: string | undefined;
  let why: string | undefined;
  readMarkup(html, (token) => {
    if (token.kind === 'text') return;
    const { name } = token;
    if (raw !== undefined) {
      if (token.kind === 'close' && name === raw) raw = undefined;
      return;
    }
    if (token.kind === 'close') {
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
      return;
    }
    if (RAW.has(name) && !token.selfClosing) {
      raw = name;
      return;
    }
    if (VOID.has(name) || token.selfClosing) return;
    if (SELF_ENDING.has(name) && stack[stack.length - 1] === name) stack.pop();
    stack.push(name);
    if (stack.length <= limit) return;
    why = `its elements are nested more than ${limit} levels deep, which no readable page needs`;
    return false;
  });
  return why;
}

/**
 * Why the Markdown cannot be read, or undefined: quote markers, list indentation, brackets and
 * emphasis openers, each counted per paragraph.
 */
export function markdownTooDeep(markdown: string, limit = MAX_MARKDOWN_DEPTH): string | undefined {
  const tooDeep = (what: string) => `its ${what} are nested more than ${limit} levels deep, which no readable text needs`;
  let brackets = 0;
  let emphasis = 0;
  for (const line of markdown.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') {
      brackets = 0;
      emphasis = 0;
      continue;
    }
    const quotes = /^[ \t>]*/.exec(line)![0].split('>').length - 1;
    if (quotes > limit) return tooDeep('quotes');
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    if (indent / 2 > limit && /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]/.test(line)) return tooDeep('lists');
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === '\\') i++;
      else if (c === '[') brackets++;
      else if (c === ']') brackets = Math.max(0, brackets - 1);
      else if (c === '*' || c === '_') {
        let end = i;
        while (line[end + 1] === c) end++;
        const before = line[i - 1] ?? ' ';
        const after = line[end + 1] ?? ' ';
        // An opening run sits before a word, a closing one after it.
        if (/\s/.test(before) && !/\s/.test(after)) emphasis++;
        else if (!/\s/.test(before) && /\s/.test(after)) emphasis = Math.max(0, emphasis - 1);
        i = end;
      }
      if (brackets > limit) return tooDeep('links');
      if (emphasis > limit) return tooDeep('emphasis marks');
    }
  }
  return undefined;
}
