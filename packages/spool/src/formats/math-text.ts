/**
 * TeX as text, for a formula inside a sentence: `$\frac{z_i}{T}$` reads `zᵢ/T`, `$\alpha^2$` reads
 * `α²`. unicodeit maps TeX's symbols, Greek letters and simple scripts to their Unicode characters;
 * what it leaves (fractions, roots, words in \text, scripts Unicode has no small letters for) is
 * rewritten here first. Variables (single letters) come out in italic, as a typeset formula shows them.
 */
import { replace as unicodeit } from 'unicodeit';

export interface MathTextPiece {
  text: string;
  italic?: boolean;
}

const WORDS = /\\(?:text|textrm|textit|textbf|mathrm|mathit|mathbf|mathsf|operatorname|mbox)\s*\{([^{}]*)\}/g;
const FUNCTIONS = /\\(arg|cos|cosh|cot|deg|det|dim|exp|gcd|inf|ker|lg|lim|ln|log|max|min|Pr|sec|sin|sinh|sup|tan|tanh|softmax|argmax|argmin)\b/g;
const SPACING = /\\[,;:!> ]|\\q?quad\b|~/g;

/** The group of a `{…}` argument starting at `at` (nested braces kept), and where it ends. */
function group(tex: string, at: number): { body: string; end: number } | undefined {
  let i = at;
  while (tex[i] === ' ') i++;
  if (tex[i] !== '{') {
    // An argument without braces is one character or one command: \frac12, \frac\pi2.
    const m = /^\\[A-Za-z]+|^./.exec(tex.slice(i));
    return m ? { body: m[0], end: i + m[0].length } : undefined;
  }
  let depth = 0;
  for (let j = i; j < tex.length; j++) {
    if (tex[j] === '{') depth++;
    else if (tex[j] === '}' && --depth === 0) return { body: tex.slice(i + 1, j), end: j + 1 };
  }
  return undefined;
}

/** A part set apart in parentheses when it is more than one symbol or number. */
function operand(text: string): string {
  const t = text.trim();
  return /^(?:[\p{L}\p{N}.]+|\\[A-Za-z]+|[\p{L}][_^]\{?[\p{L}\p{N}]\}?)$/u.test(t) ? t : `(${t})`;
}

function rewrite(tex: string): string {
  let out = tex.replace(WORDS, (_, body: string) => `\u0001${body}\u0002`).replace(/\\left|\\right|\\big[lr]?|\\Big[lr]?/g, '');
  out = out.replace(FUNCTIONS, (_, name: string) => `\u0001${name}\u0002`).replace(SPACING, ' ');
  for (;;) {
    const m = /\\(d?frac|tfrac|sqrt)\b/.exec(out);
    if (!m) break;
    const first = group(out, m.index + m[0].length);
    if (!first) break;
    if (m[1] === 'sqrt') {
      out = `${out.slice(0, m.index)}√${operand(first.body)}${out.slice(first.end)}`;
      continue;
    }
    const second = group(out, first.end);
    if (!second) break;
    out = `${out.slice(0, m.index)}${operand(first.body)}/${operand(second.body)}${out.slice(second.end)}`;
  }
  return out;
}

/** Scripts Unicode cannot write small (`^{x_i}`) are written `^(x_i)` rather than half converted. */
function scripts(text: string): string {
  return text.replace(/([_^])\{([^{}]*)\}/g, (whole, mark: string, body: string) => {
    const small = unicodeit(`${mark}{${body}}`);
    // \u0005 and \u0006 stand for ^ and _ until unicodeit has run, so it leaves them be.
    return /[_^{}]/.test(small) ? `${mark === '^' ? '\u0005' : '\u0006'}(${body})` : small;
  });
}

export function texToText(tex: string): MathTextPiece[] {
  let text = unicodeit(scripts(rewrite(tex.trim()))).replace(/\u0005/g, '^').replace(/\u0006/g, '_');
  // Whatever is left: commands by their names, grouping braces gone.
  text = text.replace(/\\([A-Za-z]+)/g, '$1').replace(/\\([{}$%&#_])/g, '$1').replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
  const pieces: MathTextPiece[] = [];
  const push = (raw: string, italic: boolean) => {
    const last = pieces[pieces.length - 1];
    const t = (last?.text.endsWith(' ') ? raw.replace(/^ +/, '') : raw).replace(/ {2,}/g, ' ');
    if (!t) return;
    if (last && !!last.italic === italic) last.text += t;
    else pieces.push(italic ? { text: t, italic } : { text: t });
  };
  // Words (softmax, exp, text) stay upright; letters alone or in twos (x, ac) are variables, in italic.
  for (const part of text.split(/(\u0001[^\u0002]*\u0002)/)) {
    if (part.startsWith('\u0001')) {
      push(part.slice(1, -1), false);
      continue;
    }
    for (const piece of part.split(/(?<![A-Za-z])([A-Za-z]{1,2})(?![A-Za-z])/)) push(piece, /^[A-Za-z]{1,2}$/.test(piece));
  }
  return pieces;
}
