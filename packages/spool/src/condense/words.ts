/**
 * The words a sentence is about, for ranking: lower-cased, stop words left out, and a light suffix
 * strip so `models`, `model` and `modelling` meet. Deliberately small: the ranker only needs two
 * sentences on the same topic to share most of their terms, not a linguist's stem.
 */

const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each even ever every few for from further ' +
    'had has have having he her here hers herself him himself his how i if in into is it its itself just ' +
    'let like made make makes many may me might more most much must my myself no nor not now of off often on ' +
    'once one only or other our ours ourselves out over own same she should so some such than that the their ' +
    'theirs them themselves then there these they this those through to too under until up us very was we ' +
    'were what when where which while who whom why will with would yet you your yours yourself yourselves ' +
    'get gets got way ways thing things really quite rather well'
  ).split(' '),
);

/** A word reduced to what it shares with its inflections. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const [suffix, replace] of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length) + replace;
  }
  return word;
}

const SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['ational', 'ate'], ['ization', 'ize'], ['ations', 'ate'], ['ation', 'ate'], ['ingly', ''], ['ness', ''],
  ['ments', ''], ['ment', ''], ['ities', ''], ['ity', ''], ['ings', ''], ['ing', ''], ['ies', 'y'],
  ['ied', 'y'], ['edly', ''], ['ed', ''], ['ly', ''], ['es', ''], ['s', ''],
];

/** The distinct content terms of a text, stemmed. */
export function contentTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const raw of text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []) {
    const word = raw.replace(/['’]s$/, '').replace(/['’-]+$/, '');
    if (word.length < 2 || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
    terms.add(stem(word));
  }
  return [...terms];
}
