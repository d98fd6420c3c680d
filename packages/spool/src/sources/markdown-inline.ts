/**
 * Markdown inline tokens (from marked's lexer) -> styled lines. Images are pulled out as media because
 * a slide shows them beside the text, not inside a sentence; hard breaks end a line because blocks are
 * lines in our model.
 */
import type { Token } from 'marked';
import type { MediaRef, Span } from '../model/document.js';
import { nameToEmoji } from 'gemoji';
import { decodeEntities } from '../formats/markup.js';
import { tokenizeHtml } from './html-tokens.js';
import { safeHref } from './inline-html.js';

export interface InlineResult {
  lines: Span[][];
  images: MediaRef[];
}

interface Marks {
  bold: number;
  italic: number;
  code: number;
  href?: string;
}

/** `:rocket:` as GitHub and Slack write emoji, for the names GitHub knows; others stay as typed. */
export function emojiShortcodes(text: string): string {
  if (!text.includes(':')) return text;
  return text.replace(/:([a-z0-9_+-]{1,40}):/g, (whole, name: string) => nameToEmoji[name] ?? whole);
}

/** An `<img>` written into Markdown, as an image the slide shows. */
export function htmlImage(attrs: Record<string, string>, fix: (text: string) => string): MediaRef | undefined {
  const src = (attrs.src ?? attrs['data-src'] ?? '').trim();
  if (!src || /^javascript:/i.test(src)) return undefined;
  const alt = fix(attrs.alt ?? attrs.title ?? '').replace(/\s+/g, ' ').trim();
  return alt ? { type: 'image', src, alt } : { type: 'image', src };
}

/** `fix` repairs text as it is read (mojibake), so every character passes through it once. */
export function inlineToLines(tokens: readonly Token[], fix: (text: string) => string): InlineResult {
  const lines: Span[][] = [[]];
  const images: MediaRef[] = [];
  const marks: Marks = { bold: 0, italic: 0, code: 0 };

  const add = (raw: string, collapse = true) => {
    const fixed = collapse ? fix(raw).replace(/[ \t\r\n]+/g, ' ') : fix(raw);
    let text = marks.code > 0 ? fixed : emojiShortcodes(fixed);
    // Where something between two texts was taken out (an inline picture), one space stays.
    const before = lines[lines.length - 1].at(-1);
    if (collapse && before?.text.endsWith(' ') && !before.code) text = text.replace(/^ +/, '');
    if (text === '') return;
    const span: Span = { text };
    if (marks.bold > 0) span.bold = true;
    if (marks.italic > 0) span.italic = true;
    if (marks.code > 0) span.code = true;
    if (marks.href) span.href = marks.href;
    lines[lines.length - 1].push(span);
  };
  const newLine = () => lines.push([]);
  const inlineHtml = (html: string) => {
    for (const t of tokenizeHtml(html)) {
      if (t.kind === 'text') add(t.text);
      else if (t.kind === 'open' && t.name === 'br') newLine();
      else if (t.kind === 'open' && t.name === 'img') {
        const image = htmlImage(t.attrs, fix);
        if (image) images.push(image);
      }
      else if (t.kind === 'open' || t.kind === 'close') {
        const step = t.kind === 'open' ? 1 : -1;
        if (t.name === 'b' || t.name === 'strong') marks.bold = Math.max(0, marks.bold + step);
        else if (t.name === 'i' || t.name === 'em') marks.italic = Math.max(0, marks.italic + step);
        else if (t.name === 'code') marks.code = Math.max(0, marks.code + step);
      }
    }
  };

  const walk = (list: readonly Token[]) => {
    for (const token of list) {
      switch (token.type) {
        case 'text':
          if ('tokens' in token && token.tokens && token.tokens.length > 0) walk(token.tokens);
          else add(decodeEntities(token.text));
          break;
        case 'escape':
          add(decodeEntities(token.text));
          break;
        case 'strong':
          marks.bold++;
          walk(token.tokens ?? []);
          marks.bold--;
          break;
        case 'em':
          marks.italic++;
          walk(token.tokens ?? []);
          marks.italic--;
          break;
        case 'codespan':
          marks.code++;
          add(token.text, false);
          marks.code--;
          break;
        case 'link': {
          const outer = marks.href;
          marks.href = safeHref(token.href);
          walk(token.tokens ?? []);
          marks.href = outer;
          break;
        }
        case 'image':
          if (token.href) {
            images.push({ type: 'image', src: token.href, ...(token.text ? { alt: fix(decodeEntities(token.text)) } : {}) });
          }
          break;
        case 'br':
          newLine();
          break;
        case 'html':
          inlineHtml(token.text);
          break;
        case 'checkbox':
          break;
        default:
          if ('tokens' in token && Array.isArray(token.tokens)) walk(token.tokens);
          else if ('text' in token && typeof token.text === 'string') add(decodeEntities(token.text));
      }
    }
  };
  walk(tokens);
  return { lines: lines.filter((line) => line.length > 0), images };
}
