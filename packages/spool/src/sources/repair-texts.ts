/**
 * Mojibake repair across the posts of one source. The code page is decided once for the whole source,
 * where there is enough text to tell mis-read UTF-8 from genuine text, then applied post by post so each
 * warning can name its post.
 */
import { detectMojibakeCodePage, repairMojibake, type CodePage } from './repair.js';

export interface TextRepairs {
  texts: string[];
  /** Per text: some of it was decoded again. */
  repaired: boolean[];
  /** Per text: some mis-decoded characters had lost bytes and were left as they are. */
  unrecoverable: boolean[];
  codePage?: CodePage;
}

export function repairTexts(texts: readonly string[]): TextRepairs {
  const codePage = detectMojibakeCodePage(texts.join('\n'));
  if (!codePage) {
    return { texts: [...texts], repaired: texts.map(() => false), unrecoverable: texts.map(() => false) };
  }
  const results = texts.map((text) => repairMojibake(text, { codePage }));
  return {
    texts: results.map((r) => r.text),
    repaired: results.map((r) => r.repaired),
    unrecoverable: results.map((r) => r.unrecoverable),
    codePage,
  };
}

/** The two warnings a post can get, at most one of each. */
export function repairWarnings(place: string, repaired: boolean, unrecoverable: boolean, codePage?: CodePage): string[] {
  const warnings: string[] = [];
  const read = codePage ? ` (it had been read as ${codePage})` : '';
  if (repaired) warnings.push(`${place}: fixed characters garbled by a wrong text encoding upstream${read}`);
  if (unrecoverable) {
    warnings.push(`${place}: some characters were lost to a wrong character set and are left as they are${read}`);
  }
  return warnings;
}
