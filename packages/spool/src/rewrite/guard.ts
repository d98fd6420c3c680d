/**
 * The guard between a language model and a slide: every number, date, percentage, name and quotation
 * in a rewritten text must be found in the source, normalised (case, quote marks, dashes, thousands
 * separators, number words). What is not found is invented, and the slide keeps the author's words.
 * Conservative by design: a true fact the source does not state is refused too.
 */

const NUMBER_WORDS: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', twenty: '20', thirty: '30', forty: '40', fifty: '50', hundred: '100', thousand: '1000',
  half: '50%', twice: '2', double: '2', triple: '3', dozen: '12',
};

const MONTHS = /^(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/;

/** Lower case, one kind of quote and dash, no thousands separators, spaces collapsed. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[“”„«»″]/g, '"')
    .replace(/[‘’‚′]/g, "'")
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/(\d)[,\u00a0\u202f ](?=\d{3}\b)/g, '$1')
    .replace(/\s*%|\s+per ?cent\b/g, '%')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A figure as compared: `73%`, `1.5`, `2006`, `$40` (currency kept with it). */
const FIGURE = /[$€£¥₹]?\d+(?:\.\d+)?%?/g;

interface SourceIndex {
  text: string;
  figures: Set<string>;
  words: Set<string>;
}

export function indexSource(source: string): SourceIndex {
  const text = normalise(source);
  const figures = new Set<string>();
  for (const m of text.matchAll(FIGURE)) {
    figures.add(m[0]);
    figures.add(m[0].replace(/^[$€£¥₹]/, '').replace(/%$/, ''));
  }
  const words = new Set<string>();
  for (const word of text.match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? []) {
    words.add(word);
    // `BERT's` and `teachers'` name what `BERT` and `teachers` do.
    words.add(word.replace(/'s$|'$/, ''));
    for (const part of word.split('-')) if (part) words.add(part);
  }
  for (const word of words) if (NUMBER_WORDS[word]) figures.add(NUMBER_WORDS[word]);
  return { text, figures, words };
}

/** The terms of `rewritten` that the source does not contain; empty when the text is faithful. */
export function inventedTerms(rewritten: string, source: SourceIndex): string[] {
  const invented = new Set<string>();
  const text = normalise(rewritten);
  // Figures: a percentage must be a percentage in the source too; a bare number, any mention.
  for (const m of text.matchAll(FIGURE)) {
    const figure = m[0];
    const bare = figure.replace(/^[$€£¥₹]/, '');
    const found = figure.endsWith('%') ? source.figures.has(bare) || source.figures.has(figure) : source.figures.has(bare.replace(/%$/, ''));
    if (!found) invented.add(original(rewritten, figure));
  }
  // Quotations of two words or more are the source's words, verbatim.
  for (const m of text.matchAll(/"([^"]{3,}?)"/g)) {
    const quoted = m[1].trim();
    if (quoted.split(' ').length >= 2 && !source.text.includes(quoted)) invented.add(`“${quoted}”`);
  }
  // Names: capitalised words after a sentence's first word, acronyms and mixed-case words anywhere, months.
  const raw = rewritten.normalize('NFKC');
  for (const m of raw.matchAll(/[\p{L}][\p{L}\p{N}'’-]*/gu)) {
    const word = m[0].replace(/['’]s$/, '').replace(/['’-]+$/, '');
    const lower = word.toLowerCase();
    const starts = sentenceStart(raw, m.index);
    const acronym = /^\p{Lu}{2,}/u.test(word) || /\p{Ll}\p{Lu}/u.test(word) || /\p{L}\d|\d\p{L}/u.test(word);
    const capital = /^\p{Lu}/u.test(word);
    const month = MONTHS.test(lower) && capital;
    if (!(acronym || month || (capital && !starts))) continue;
    if (!source.words.has(lower) && !source.words.has(normalise(word))) invented.add(word);
  }
  return [...invented];
}

/** Whether the word at `index` opens a sentence (or a line), where any word is capitalised. */
function sentenceStart(text: string, index: number): boolean {
  const before = text.slice(0, index).replace(/["“‘(\[\s]+$/u, '');
  return before === '' || /[.!?…:\n]$/.test(before);
}

/** The figure as the model wrote it, for the warning. */
function original(rewritten: string, figure: string): string {
  const digits = figure.replace(/[^\d.]/g, '');
  const m = new RegExp(`[$€£¥₹]?${digits.replace('.', '\\.')}\\s?(?:%|per ?cent)?`, 'i').exec(rewritten.replace(/(\d)[,\u00a0\u202f ](?=\d{3}\b)/g, '$1'));
  return m ? m[0].trim() : figure;
}
