/**
 * Markup, read one way. HTML (post bodies, inline HTML in Markdown) and XML (the bundled emoji SVGs) both
 * go through htmlparser2's tokenizer — the HTML standard's tokenizing and its whole table of character
 * references — and come out as our own tokens, in the order they were written. No tree is built here:
 * misnested and stray tags reach the reader as written, so it can keep marks the way a browser shows
 * them. Reading never throws: a `<` that opens no tag is text, and a tag cut off at the very end is kept
 * as text too, since keeping those characters beats losing the user's words.
 */
import { Tokenizer } from 'htmlparser2';

export type MarkupToken =
  | { kind: 'text'; text: string }
  | { kind: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string };

export interface MarkupOptions {
  /** XML rules: names keep their case, `/>` closes every element, no raw-text elements. Default HTML. */
  xml?: boolean;
}

/** Every token of `markup`; adjacent text (character references included) comes as one token. */
export function markupTokens(markup: string, options: MarkupOptions = {}): MarkupToken[] {
  const tokens: MarkupToken[] = [];
  readMarkup(markup, (token) => void tokens.push(token), options);
  return tokens;
}

/**
 * Hands each token of `markup` to `visit` as it is read; `visit` returning false stops the reading
 * there, so a check can refuse a hostile input after its first few kilobytes.
 */
export function readMarkup(markup: string, visit: (token: MarkupToken) => boolean | void, options: MarkupOptions = {}): void {
  const xml = options.xml ?? false;
  const name = (start: number, end: number) => (xml ? markup.slice(start, end) : markup.slice(start, end).toLowerCase());
  let stopped = false;
  const emit = (token: MarkupToken) => {
    if (stopped) return;
    if (visit(token) === false) {
      stopped = true;
      tokenizer.pause();
    }
  };
  let text = '';
  let tag: { name: string; attrs: Record<string, string> } | undefined;
  let attr = { name: '', value: '' };
  /** Index just past the last character a token took. */
  let consumed = 0;
  const flushText = () => {
    if (text !== '') emit({ kind: 'text', text });
    text = '';
  };
  const openTag = (selfClosing: boolean, end: number) => {
    if (!tag) return;
    flushText();
    emit({ kind: 'open', name: tag.name, attrs: tag.attrs, selfClosing });
    tag = undefined;
    consumed = end + 1;
  };
  const pastGt = (from: number) => {
    const gt = markup.indexOf('>', from);
    return gt < 0 ? markup.length : gt + 1;
  };
  const tokenizer = new Tokenizer(
    { xmlMode: xml, decodeEntities: true },
    {
      ontext(start, end) {
        text += markup.slice(start, end);
        consumed = end;
      },
      ontextentity(codePoint, end) {
        text += String.fromCodePoint(codePoint);
        consumed = end;
      },
      onopentagname(start, end) {
        tag = { name: name(start, end), attrs: {} };
      },
      onattribname(start, end) {
        attr = { name: name(start, end), value: '' };
      },
      onattribdata(start, end) {
        attr.value += markup.slice(start, end);
      },
      onattribentity(codePoint) {
        attr.value += String.fromCodePoint(codePoint);
      },
      onattribend() {
        // The first of a repeated attribute wins, as in a browser.
        if (tag && !(attr.name in tag.attrs)) tag.attrs[attr.name] = attr.value;
      },
      onopentagend(end) {
        openTag(false, end);
      },
      onselfclosingtag(end) {
        openTag(true, end);
      },
      onclosetag(start, end) {
        flushText();
        emit({ kind: 'close', name: name(start, end) });
        consumed = pastGt(end);
      },
      oncomment(_start, end) {
        consumed = pastGt(end);
      },
      oncdata(start, end, endOffset) {
        // CDATA is text in XML; in HTML the tokenizer reports it only inside foreign content.
        if (xml) text += markup.slice(start, end - endOffset);
        consumed = pastGt(end);
      },
      ondeclaration(_start, end) {
        consumed = pastGt(end);
      },
      onprocessinginstruction(_start, end) {
        consumed = pastGt(end);
      },
      onend() {
        // The tokenizer drops a tag that the input ends inside of; give its characters back as text.
        const tail = markup.slice(consumed);
        if (tail.startsWith('<')) text += tail;
        flushText();
      },
    },
  );
  tokenizer.write(markup);
  if (!stopped) tokenizer.end();
}

/**
 * Decodes character references in plain text (`&amp;`, `&mdash;`, `&#8217;`, `&#x2019;`) by the HTML
 * standard's table, with the replacements browsers make for impossible values; unknown names stay.
 * The tokenizer's own decoder does it (a `<` is escaped first, so no text becomes a tag), which keeps
 * one table of references in the process instead of two.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  readMarkup(text.replace(/</g, '&lt;'), (token) => {
    if (token.kind === 'text') out += token.text;
  });
  return out;
}
