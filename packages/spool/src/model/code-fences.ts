/**
 * Code in text that has no markup: a fence (a line of three or more backticks or tildes, a language
 * after it if the writer named one) opens a code block, and a line of the same fence, at least as
 * long, closes it, as in CommonMark. A fence never closed runs to the end of the text. Lines inside
 * are kept exactly (indents, `# `, `- `): the line rules of posts never see them.
 */
import type { Block } from './document.js';

export type TextPart = { kind: 'text'; text: string } | { kind: 'code'; block: Block };

const OPEN = /^ {0,3}(`{3,}|~{3,})[ \t]*([^`\s]*)[^`]*$/;

export function splitFences(text: string): TextPart[] {
  const lines = text.split(/\r\n|\r|\n/);
  const parts: TextPart[] = [];
  let plain: string[] = [];
  const flush = () => {
    if (plain.length) parts.push({ kind: 'text', text: plain.join('\n') });
    plain = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]);
    if (!open) {
      plain.push(lines[i]);
      continue;
    }
    const fence = open[1];
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !close.test(lines[j])) body.push(lines[j++]);
    flush();
    const block = codeBlock(body.join('\n'), open[2]);
    if (block) parts.push({ kind: 'code', block });
    i = j;
  }
  flush();
  return parts;
}

/**
 * A code block of `text` as written: tabs as four spaces, control characters gone, blank lines
 * at either end dropped, trailing spaces trimmed. Nothing when no code is left.
 */
export function codeBlock(text: string, lang?: string): Block | undefined {
  const lines = text
    .replace(/\t/g, '    ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .split(/\r\n|\r|\n/)
    .map((l) => l.trimEnd());
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) return undefined;
  const block: Block = { type: 'code', spans: [{ text: lines.join('\n'), code: true }] };
  const name = lang?.trim().replace(/^language-/, '').slice(0, 40);
  if (name) block.lang = name;
  return block;
}

/** The language a highlighter's class names (`language-js`, `lang-python`), if any. */
export function languageClass(cls: string | undefined): string | undefined {
  return /(?:^|\s)(?:language|lang)-([\w#+.-]+)/.exec(cls ?? '')?.[1];
}
