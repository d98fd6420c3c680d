/**
 * HTML character references. The full HTML table has over two thousand names; posts and articles use a
 * few dozen, so we carry Latin-1, Greek, typographic punctuation and common symbols. An unknown name is
 * left as written rather than guessed.
 */

const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 ' +
  'acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml ' +
  'Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde ' +
  'Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ' +
  'ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide ' +
  'oslash ugrave uacute ucirc uuml yacute thorn yuml';

const GREEK_NAMES =
  'Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho _ Sigma Tau ' +
  'Upsilon Phi Chi Psi Omega';

const OTHER: Record<string, number> = {
  amp: 38, lt: 60, gt: 62, quot: 34, apos: 39,
  OElig: 338, oelig: 339, Scaron: 352, scaron: 353, Yuml: 376, fnof: 402, circ: 710, tilde: 732,
  ensp: 8194, emsp: 8195, thinsp: 8201, zwnj: 8204, zwj: 8205, lrm: 8206, rlm: 8207,
  ndash: 8211, mdash: 8212, horbar: 8213, lsquo: 8216, rsquo: 8217, sbquo: 8218, ldquo: 8220, rdquo: 8221,
  bdquo: 8222, dagger: 8224, Dagger: 8225, bull: 8226, hellip: 8230, mldr: 8230, permil: 8240, prime: 8242,
  Prime: 8243, lsaquo: 8249, rsaquo: 8250, oline: 8254, frasl: 8260, euro: 8364, trade: 8482, TRADE: 8482,
  larr: 8592, uarr: 8593, rarr: 8594, darr: 8595, harr: 8596, lArr: 8656, uArr: 8657, rArr: 8658,
  dArr: 8659, hArr: 8660, minus: 8722, lowast: 8727, radic: 8730, infin: 8734, asymp: 8776, ne: 8800,
  equiv: 8801, le: 8804, ge: 8805, sum: 8721, prod: 8719, part: 8706, nabla: 8711, isin: 8712,
  sdot: 8901, loz: 9674, spades: 9824, clubs: 9827, hearts: 9829, diams: 9830, star: 9734, starf: 9733,
  check: 10003, cross: 10007, sigmaf: 962, thetasym: 977, piv: 982, nbhy: 8209, hyphen: 8208,
  colon: 58, comma: 44, period: 46, excl: 33, quest: 63, num: 35, dollar: 36, percnt: 37, commat: 64,
  lpar: 40, rpar: 41, lsqb: 91, rsqb: 93, lbrack: 91, rbrack: 93, lcub: 123, rcub: 125, sol: 47, bsol: 92,
  ast: 42, plus: 43, equals: 61, verbar: 124, vert: 124, grave: 96, lowbar: 95, Hat: 94, semi: 59,
  NewLine: 10, Tab: 9,
};

// HTML maps these numeric references to what windows-1252 puts at those bytes, as browsers do.
const C1_REMAP = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

const NAMED: Map<string, string> = buildNamed();

function buildNamed(): Map<string, string> {
  const map = new Map<string, string>();
  LATIN1_NAMES.split(' ').forEach((name, i) => map.set(name, String.fromCodePoint(160 + i)));
  GREEK_NAMES.split(' ').forEach((name, i) => {
    if (name === '_') return;
    map.set(name, String.fromCodePoint(913 + i));
    map.set(name.toLowerCase(), String.fromCodePoint(945 + i));
  });
  for (const [name, code] of Object.entries(OTHER)) map.set(name, String.fromCodePoint(code));
  return map;
}

/** Character for a numeric reference, with the replacements browsers make for impossible values. */
function fromNumeric(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  if (code >= 0x80 && code <= 0x9f) return C1_REMAP[code - 0x80];
  return String.fromCodePoint(code);
}

const REFERENCE = /&(?:#(\d{1,8});?|#[xX]([0-9a-fA-F]{1,7});?|([A-Za-z][A-Za-z0-9]{1,31});)/g;

/** Decodes `&amp;`, `&mdash;`, `&#8217;`, `&#x2019;`...; unknown names stay as they are. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined) return fromNumeric(Number.parseInt(dec, 10));
    if (hex !== undefined) return fromNumeric(Number.parseInt(hex, 16));
    return NAMED.get(name ?? '') ?? whole;
  });
}

