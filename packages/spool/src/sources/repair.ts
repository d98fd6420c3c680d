/**
 * Undoing mojibake: UTF-8 bytes that were decoded with a single-byte code page (`â€œ` for “, `ฮฑ` for α).
 *
 * We look at maximal runs of non-ASCII characters that a code page can encode, turn each run back into
 * the bytes it came from and read those as UTF-8. A run is only replaced when that reading is complete
 * and gives characters people actually write; correct text around it is never touched. Which code page
 * to use is decided for the whole text: it must explain more runs than it contradicts, so genuine
 * Baltic, Polish or Thai text (whose runs read as broken UTF-8) is left alone.
 */
import { CODE_PAGES, codePageEncoder, type CodePage } from './code-pages.js';
import { readUtf8, type Utf8Unit } from './utf8-units.js';

export type { CodePage } from './code-pages.js';

export interface MojibakeRepair {
  text: string;
  /** Some text was decoded again as UTF-8. */
  repaired: boolean;
  /** Some mis-decoded characters lost bytes on the way and were left as they are. */
  unrecoverable: boolean;
  /** The code page the text had been read with, when one was found. */
  codePage?: CodePage;
}

export interface RepairOptions {
  /** Skip detection and use this code page, e.g. one found for the whole document. */
  codePage?: CodePage;
}

type Range = readonly [number, number];

/**
 * What mis-read UTF-8 realistically decodes to; anything else means the run was right as it was.
 * Rare blocks (CJK extensions, historic scripts) are left out on purpose: they are where chance
 * readings of genuine text land.
 */
const PLAUSIBLE: readonly Range[] = [
  [0x00a0, 0x024f], [0x0300, 0x036f], [0x0384, 0x03ce], [0x0400, 0x045f], [0x0490, 0x04ff],
  [0x05d0, 0x05ea], [0x0600, 0x06ff], [0x0900, 0x0dff], [0x0e00, 0x0e7f], [0x10a0, 0x10ff],
  [0x1e00, 0x1fff], [0x2000, 0x2bff], [0x2e00, 0x2e7f], [0x3000, 0x33ff], [0x4e00, 0x9fff],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfb00, 0xfb06], [0xfe00, 0xfe0f], [0xfe30, 0xfe4f],
  [0xfeff, 0xfeff], [0xff00, 0xffef], [0x1d400, 0x1d7ff], [0x1f000, 0x1faff], [0xe0020, 0xe007f],
];

/**
 * Thai letters are themselves lead and continuation bytes, so short genuine Thai words can read as valid
 * UTF-8. They land in Latin Extended, Armenian, Braille and the like; what English-language text mis-read
 * as Thai gives back is symbols, Greek and Latin-1, so the Thai code page gets a narrower list.
 */
const PLAUSIBLE_FROM_THAI: readonly Range[] = [
  [0x00a0, 0x00ff], [0x0384, 0x03ce], [0x0400, 0x045f], [0x0e00, 0x0e7f], [0x2000, 0x27bf],
  [0x3000, 0x30ff], [0x4e00, 0x9fff], [0xac00, 0xd7a3], [0xff00, 0xffef],
  [0x1f000, 0x1faff],
];

function plausible(codePoint: number, page: CodePage): boolean {
  const ranges = page === 'windows-874' ? PLAUSIBLE_FROM_THAI : PLAUSIBLE;
  return ranges.some(([lo, hi]) => codePoint >= lo && codePoint <= hi);
}

interface Scan {
  text: string;
  /** Runs decoded again. */
  fixed: number;
  /** Characters in those runs: how much of the text this code page explains. */
  explained: number;
  /** Runs of two or more characters that are not UTF-8: evidence the text is genuinely in this code page. */
  contradicted: number;
  /** Runs that look mis-decoded but miss bytes. */
  lossy: number;
}

const LEFT_QUOTE = 0x201c;
const RIGHT_QUOTE = 0x201d;

/** Reads `text` as if it had been decoded with `page`, run by run. */
function scan(text: string, page: CodePage): Scan {
  const encoder = codePageEncoder(page);
  const out: string[] = [];
  let fixed = 0;
  let explained = 0;
  let contradicted = 0;
  let lossy = 0;
  // ” is E2 80 9D, and 0x9D is the byte decoders most often drop; an open “ tells us what `â€` was.
  let openQuotes = 0;
  const emit = (piece: string) => {
    for (const ch of piece) {
      const c = ch.codePointAt(0);
      if (c === LEFT_QUOTE) openQuotes++;
      else if (c === RIGHT_QUOTE && openQuotes > 0) openQuotes--;
    }
    out.push(piece);
  };
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && text.charCodeAt(j) >= 0x80 && encoder.has(text.charCodeAt(j))) j++;
    if (j === i) {
      let k = i + 1;
      while (k < text.length && !(text.charCodeAt(k) >= 0x80 && encoder.has(text.charCodeAt(k)))) k++;
      emit(text.slice(i, k));
      i = k;
      continue;
    }
    const run = text.slice(i, j);
    const bytes = Array.from(run, (ch) => encoder.get(ch.charCodeAt(0)) as number);
    const reading = readUtf8(bytes);
    const implausible = reading.units.some((u) => u.kind === 'char' && !plausible(u.codePoint, page));
    if (reading.strays > 0 || implausible) {
      if (run.length > 1) contradicted++;
      emit(run);
    } else if (reading.cuts === 0) {
      fixed++;
      explained += run.length;
      emit(unitsToText(reading.units, run, () => undefined));
    } else {
      const quoted = closesQuotes(reading.units, openQuotes);
      if (quoted) {
        fixed++;
        explained += run.length;
        emit(unitsToText(reading.units, run, () => '\u201d'));
      } else if (reading.units.length > 1 && reading.chars < reading.cuts) {
        contradicted++;
        emit(run);
      } else {
        if (looksLost(reading.units, page)) lossy++;
        emit(unitsToText(reading.units, run, (original) => original));
      }
    }
    i = j;
  }
  return { text: out.join(''), fixed, explained, contradicted, lossy };
}

/**
 * Whether a run that stops short is damage rather than a correct letter. A lone `é` or `ß` is a lead byte
 * in windows-1252 and usually just a letter, so Latin code pages need a continuation byte to be present
 * (`â€`, `ðŸ‘`); a text mis-read as Thai has no genuine Thai in it, so there any cut run counts.
 */
function looksLost(units: readonly Utf8Unit[], page: CodePage): boolean {
  if (page === 'windows-874' || units.length > 1) return true;
  const only = units[0];
  return only?.kind === 'cut' && only.bytes.length > 1;
}

/** True when every cut unit is `E2 80` (a quotation mark missing its last byte) and a “ is open for it. */
function closesQuotes(units: readonly Utf8Unit[], open: number): boolean {
  let pending = open;
  for (const unit of units) {
    if (unit.kind === 'char') {
      if (unit.codePoint === LEFT_QUOTE) pending++;
      else if (unit.codePoint === RIGHT_QUOTE && pending > 0) pending--;
    } else if (unit.kind === 'cut') {
      if (unit.bytes.length !== 2 || unit.bytes[0] !== 0xe2 || unit.bytes[1] !== 0x80 || pending === 0) return false;
      pending--;
    } else return false;
  }
  return true;
}

/** Decoded characters, with each cut unit replaced by what `cut` says (its original characters when asked). */
function unitsToText(units: readonly Utf8Unit[], run: string, cut: (original: string) => string | undefined): string {
  let out = '';
  let at = 0;
  for (const unit of units) {
    if (unit.kind === 'char') {
      out += String.fromCodePoint(unit.codePoint);
      at += unit.bytes;
    } else if (unit.kind === 'cut') {
      const original = run.slice(at, at + unit.bytes.length);
      out += cut(original) ?? original;
      at += unit.bytes.length;
    } else {
      out += run[at];
      at += 1;
    }
  }
  return out;
}

/** The code page that explains the most of `text` while explaining more runs than it contradicts, if any. */
export function detectMojibakeCodePage(text: string): CodePage | undefined {
  return bestScan(text)?.page;
}

function bestScan(text: string): { page: CodePage; result: Scan } | undefined {
  if (!/[^\x00-\x7f]/.test(text)) return undefined;
  let best: { page: CodePage; result: Scan } | undefined;
  for (const page of CODE_PAGES) {
    const result = scan(text, page);
    if (result.fixed === 0 || result.fixed <= result.contradicted) continue;
    if (!best || result.explained > best.result.explained) best = { page, result };
  }
  return best;
}

/**
 * Repairs mis-decoded UTF-8 in `text`. Text that was mis-decoded twice is repaired twice: passes repeat
 * until nothing changes, which ends because every repair shortens the text, and makes the result a fixed point.
 */
export function repairMojibake(text: string, opts: RepairOptions = {}): MojibakeRepair {
  const pass = (t: string) => (opts.codePage ? { page: opts.codePage, result: scan(t, opts.codePage) } : bestScan(t));
  const first = pass(text);
  if (!first) return { text, repaired: false, unrecoverable: false };
  // Losses are judged on the text as it came: characters we just restored must not count as damage.
  const unrecoverable = first.result.lossy > 0;
  let current = first.result.text;
  for (let next = pass(current); next && next.result.text !== current; next = pass(current)) current = next.result.text;
  const repaired = current !== text;
  const result: MojibakeRepair = { text: current, repaired, unrecoverable };
  if (repaired || unrecoverable) result.codePage = first.page;
  return result;
}
