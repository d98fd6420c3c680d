/**
 * Sentence boundaries and word counts for cutting article text into slide-sized posts. Good enough for
 * prose: a period ends a sentence when what follows starts like a sentence, and common abbreviations,
 * initials and decimals don't end one.
 */

const ABBREVIATIONS = new Set(
  [
    'e.g', 'i.e', 'cf', 'vs', 'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'inc', 'ltd', 'co',
    'corp', 'no', 'nos', 'fig', 'figs', 'eq', 'approx', 'dept', 'est', 'al', 'u.s', 'u.k', 'a.m', 'p.m',
    'ph.d', 'ca', 'gen', 'gov', 'rev', 'vol', 'pp', 'ed', 'eds', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
    'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  ].map((a) => a.toLowerCase()),
);

// Terminal punctuation, closing quotes or brackets, whitespace, then something that can open a sentence.
const LATIN_END = /[.!?…]+["'”’»)\]]*\s+(?=["'“‘«(\[]?[\p{Lu}\p{Lt}\p{Lo}\p{N}\p{So}])/gu;
const CJK_END = /[。！？]+[」』）]*/gu;

/** Offsets in `text` where a new sentence starts (never 0 and never text.length). */
export function sentenceStarts(text: string): number[] {
  const starts = new Set<number>();
  for (const m of text.matchAll(LATIN_END)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && endsWithAbbreviation(text.slice(0, m.index))) continue;
    if (end < text.length) starts.add(end);
  }
  for (const m of text.matchAll(CJK_END)) {
    let end = m.index + m[0].length;
    while (end < text.length && /\s/.test(text[end])) end++;
    if (end < text.length) starts.add(end);
  }
  return [...starts].sort((a, b) => a - b);
}

/** `Dr.`, `e.g.`, a single initial (`J.`), or a number followed by `No.`-style abbreviations. */
function endsWithAbbreviation(before: string): boolean {
  const word = /(\S+)$/.exec(before)?.[1] ?? '';
  const bare = word.replace(/^["'“‘(\[]+/, '');
  if (/^\p{Lu}$/u.test(bare)) return true;
  return ABBREVIATIONS.has(bare.toLowerCase());
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/** Words as a reader would count them; runs of CJK characters count one word per two characters. */
export function countWords(text: string): number {
  let words = 0;
  for (const token of text.match(/\S+/g) ?? []) {
    const cjk = token.match(CJK)?.length ?? 0;
    words += cjk === 0 ? 1 : Math.max(1, Math.ceil(cjk / 2));
  }
  return words;
}
