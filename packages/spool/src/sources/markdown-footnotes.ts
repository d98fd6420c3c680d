/**
 * Markdown footnotes (`text[^name]` with `[^name]: the note` anywhere below), which marked does not
 * read: each reference becomes its number in superscript, and the notes are gathered, numbered in
 * the order they are first referred to, for a notes slide at the end. Code is left alone.
 */

export interface Footnotes {
  /** The Markdown with references numbered and definitions taken out. */
  body: string;
  /** The notes' Markdown text, in number order. */
  notes: string[];
}

const DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]?(.*)$/;
const REFERENCE = /\[\^([^\]\s]+)\](?!:)/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function superscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]);
}

export function extractFootnotes(markdown: string): Footnotes {
  if (!markdown.includes('[^')) return { body: markdown, notes: [] };
  const lines = markdown.split(/\r?\n/);
  const definitions = new Map<string, string>();
  const kept: string[] = [];
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const open = FENCE.exec(line);
    if (fence) {
      if (open && open[1][0] === fence[0] && open[1].length >= fence.length) fence = undefined;
      kept.push(line);
      continue;
    }
    if (open) fence = open[1];
    const def = fence ? null : DEFINITION.exec(line);
    if (!def) {
      kept.push(line);
      continue;
    }
    // A note continues on the lines indented under it.
    const text = [def[2]];
    while (i + 1 < lines.length && /^( {2,}|\t)\S/.test(lines[i + 1])) text.push(lines[++i].trim());
    if (!definitions.has(def[1])) definitions.set(def[1], text.join(' ').trim());
  }
  if (definitions.size === 0) return { body: markdown, notes: [] };
  const numbers = new Map<string, number>();
  fence = undefined;
  const body = kept.map((line) => {
    const open = FENCE.exec(line);
    if (fence || open) {
      if (fence && open && open[1][0] === fence[0] && open[1].length >= fence.length) fence = undefined;
      else if (!fence && open) fence = open[1];
      return line;
    }
    return outsideCodeSpans(line, (text) =>
      text.replace(REFERENCE, (whole, name: string) => {
        if (!definitions.has(name)) return whole;
        if (!numbers.has(name)) numbers.set(name, numbers.size + 1);
        return superscript(numbers.get(name)!);
      }),
    );
  });
  // Notes no reference points at still count: they follow the referenced ones.
  for (const name of definitions.keys()) if (!numbers.has(name)) numbers.set(name, numbers.size + 1);
  const notes = [...numbers.entries()].sort((a, b) => a[1] - b[1]).map(([name]) => definitions.get(name)!);
  return { body: body.join('\n'), notes };
}

/** Applies `change` to the parts of a line outside `code spans`. */
function outsideCodeSpans(line: string, change: (text: string) => string): string {
  return line.split(/(`+[^`]*`+)/).map((part, i) => (i % 2 === 1 ? part : change(part))).join('');
}
