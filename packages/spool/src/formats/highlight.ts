/**
 * Code to coloured tokens. highlight.js reads the code (its grammars are the well-kept part); its
 * output, escaped HTML of nested `<span class="hljs-…">`, is read back with our markup reader into
 * plain tokens of text and a kind. Nothing of it is ever kept as markup. Only the languages people
 * put in carousels are registered, so the module stays small to load; other code is set in one colour.
 */
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import kotlin from 'highlight.js/lib/languages/kotlin';
import php from 'highlight.js/lib/languages/php';
import python from 'highlight.js/lib/languages/python';
import ruby from 'highlight.js/lib/languages/ruby';
import rust from 'highlight.js/lib/languages/rust';
import sql from 'highlight.js/lib/languages/sql';
import swift from 'highlight.js/lib/languages/swift';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import { readMarkup } from './markup.js';

/** What a token is, as far as colour goes; text with none is set in the code's own colour. */
export type CodeTokenKind = 'keyword' | 'string' | 'number' | 'comment' | 'function' | 'type' | 'property' | 'meta' | 'added' | 'removed';

export interface CodeToken {
  text: string;
  kind?: CodeTokenKind;
}

/** Turns code in a language (a fence's info string, `js`, `python`; guessed when absent) into tokens. */
export type Highlighter = (code: string, lang?: string) => CodeToken[];

const GRAMMARS = { bash, c, cpp, csharp, css, diff, go, java, javascript, json, kotlin, php, python, ruby, rust, sql, swift, typescript, xml, yaml };
for (const [name, grammar] of Object.entries(GRAMMARS)) hljs.registerLanguage(name, grammar);

/** highlight.js scopes (the first class after `hljs-`) by the colour they take. */
const KINDS: Readonly<Record<string, CodeTokenKind | null>> = {
  keyword: 'keyword', built_in: 'type', type: 'type', literal: 'number', number: 'number', regexp: 'string',
  string: 'string', symbol: 'number', char: 'string', comment: 'comment', quote: 'comment', doctag: 'comment',
  title: 'function', section: 'function', name: 'keyword', tag: 'keyword', attr: 'property', attribute: 'property',
  property: 'property', variable: 'property', 'template-variable': 'property', params: null, meta: 'meta',
  'selector-tag': 'keyword', 'selector-id': 'function', 'selector-class': 'function', 'selector-attr': 'property',
  'selector-pseudo': 'property', bullet: 'number', link: 'string', addition: 'added', deletion: 'removed',
  // Interpolations inside a string are code again: their own colour, not the string's.
  subst: null,
};

/** Languages guessed among when a block names none: few, so a guess is quick and rarely wild. */
const GUESS = ['javascript', 'typescript', 'python', 'bash', 'json', 'css', 'xml', 'sql', 'go', 'rust', 'java'];
/** Past this, code is set in one colour: guessing and colouring a long listing costs more than it gives. */
const MAX_CHARS = 20_000;

const cache = new Map<string, CodeToken[]>();
const CACHE_LIMIT = 256;

export const highlightCode: Highlighter = (code, lang) => {
  const key = `${lang ?? ''}\u0000${code}`;
  const known = cache.get(key);
  if (known) return known;
  const tokens = tokensOf(code, lang);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, tokens);
  return tokens;
};

/** The registered language a fence's info string names, if any (`js`, `TypeScript`, `sh` all count). */
export function codeLanguage(lang: string | undefined): string | undefined {
  const name = lang?.trim().split(/[\s{]/)[0]?.toLowerCase();
  if (!name) return undefined;
  return hljs.getLanguage(name) ? name : undefined;
}

function tokensOf(code: string, lang: string | undefined): CodeToken[] {
  if (code.length > MAX_CHARS) return [{ text: code }];
  const known = codeLanguage(lang);
  // A block that names a language we do not have is set plainly, not guessed at as another.
  if (lang?.trim() && !known) return [{ text: code }];
  let html: string;
  try {
    html = known ? hljs.highlight(code, { language: known, ignoreIllegals: true }).value : hljs.highlightAuto(code, GUESS).value;
  } catch {
    return [{ text: code }];
  }
  const tokens: CodeToken[] = [];
  const kinds: (CodeTokenKind | undefined)[] = [];
  readMarkup(html, (token) => {
    if (token.kind === 'open') {
      const scope = /(?:^|\s)hljs-([\w-]+)/.exec(token.attrs.class ?? '')?.[1] ?? '';
      const kind = KINDS[scope];
      kinds.push(kind === null ? undefined : kind ?? kinds[kinds.length - 1]);
    } else if (token.kind === 'close') kinds.pop();
    else push(tokens, token.text, kinds[kinds.length - 1]);
  });
  // The tokens must give back the code exactly, or the code is set as it came.
  return tokens.map((t) => t.text).join('') === code ? tokens : [{ text: code }];
}

function push(tokens: CodeToken[], text: string, kind: CodeTokenKind | undefined): void {
  const last = tokens[tokens.length - 1];
  if (last && last.kind === kind) last.text += text;
  else tokens.push(kind ? { text, kind } : { text });
}
