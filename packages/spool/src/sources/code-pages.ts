/**
 * The single-byte code pages that UTF-8 text is most often mis-read as, byte 0x80 upwards.
 * `\uFFFF` marks a byte the code page leaves undefined.
 */

export type CodePage = 'windows-1252' | 'windows-1257' | 'windows-1250' | 'windows-874';

/** Order matters: when two code pages explain a text equally well, the earlier one wins. */
export const CODE_PAGES: readonly CodePage[] = ['windows-1252', 'windows-1257', 'windows-1250', 'windows-874'];

const HIGH_HALVES: Record<CodePage, string> = {
  // Western European; also what ISO-8859-1 labels decode as in browsers.
  'windows-1252':
    '€\uFFFF‚ƒ„…†‡ˆ‰Š‹Œ\uFFFFŽ\uFFFF\uFFFF‘’“”•–—˜™š›œ\uFFFFžŸ\u00A0¡¢£¤¥¦§¨©ª«¬\u00AD®¯°±²³´µ¶·¸¹º»¼½¾¿' +
    'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ',
  // Baltic (Lithuanian, Latvian, Estonian); ISO-8859-13 shares its letters.
  'windows-1257':
    '€\uFFFF‚\uFFFF„…†‡\uFFFF‰\uFFFF‹\uFFFF¨ˇ¸\uFFFF‘’“”•–—\uFFFF™\uFFFF›\uFFFF¯˛\uFFFF\u00A0\uFFFF¢£¤\uFFFF¦§Ø©Ŗ«¬\u00AD®Æ' +
    '°±²³´µ¶·ø¹ŗ»¼½¾æĄĮĀĆÄÅĘĒČÉŹĖĢĶĪĻŠŃŅÓŌÕÖ×ŲŁŚŪÜŻŽßąįāćäåęēčéźėģķīļšńņóōõö÷ųłśūüżž˙',
  // Central European (Polish, Czech, Hungarian...).
  'windows-1250':
    '€\uFFFF‚\uFFFF„…†‡\uFFFF‰Š‹ŚŤŽŹ\uFFFF‘’“”•–—\uFFFF™š›śťžź\u00A0ˇ˘Ł¤Ą¦§¨©Ş«¬\u00AD®Ż°±˛ł´µ¶·¸ąş»Ľ˝ľż' +
    'ŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢßŕáâăäĺćçčéęëěíîďđńňóôőö÷řůúűüýţ˙',
  // Thai; TIS-620 and ISO-8859-11 are the same without the punctuation at 0x80-0x9F.
  'windows-874':
    '€\uFFFF\uFFFF\uFFFF\uFFFF…\uFFFF\uFFFF\uFFFF\uFFFF\uFFFF\uFFFF\uFFFF\uFFFF\uFFFF\uFFFF\uFFFF‘’“”•–—' +
    '\uFFFF\uFFFF\uFFFF\uFFFF\uFFFF\uFFFF\uFFFF\uFFFF\u00A0กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรฤลฦวศษสหฬอฮฯะ' +
    '\u0E31าำ\u0E34\u0E35\u0E36\u0E37\u0E38\u0E39\u0E3A\uFFFF\uFFFF\uFFFF\uFFFF฿เแโใไๅๆ' +
    '\u0E47\u0E48\u0E49\u0E4A\u0E4B\u0E4C\u0E4D\u0E4E๏๐๑๒๓๔๕๖๗๘๙๚๛\uFFFF\uFFFF\uFFFF\uFFFF',
};

const encoders = new Map<CodePage, Map<number, number>>();

/**
 * Character -> byte for one code page. Two additions to the tables: C1 control characters stand for
 * their own byte (what browsers and ISO-8859 decoders produce for undefined bytes), and a byte the code
 * page leaves undefined may carry windows-1252's character, because decoders missing a byte often fall
 * back to it: the thread fixture shows `ā€œ`, a Baltic ā for 0xE2 beside windows-1252's œ for 0x9C.
 */
export function codePageEncoder(page: CodePage): Map<number, number> {
  let map = encoders.get(page);
  if (map) return map;
  map = new Map();
  const own = HIGH_HALVES[page];
  const western = HIGH_HALVES['windows-1252'];
  for (let i = 0; i < 128; i++) {
    const code = own.charCodeAt(i);
    if (code !== 0xffff) map.set(code, 0x80 + i);
  }
  for (let i = 0; i < 32; i++) {
    const fallback = western.charCodeAt(i);
    if (own.charCodeAt(i) === 0xffff && fallback !== 0xffff && !map.has(fallback)) map.set(fallback, 0x80 + i);
    if (!map.has(0x80 + i)) map.set(0x80 + i, 0x80 + i);
  }
  encoders.set(page, map);
  return map;
}

/** The code page's character for a byte >= 0x80, for tests that make mojibake on purpose. */
export function decodeCodePageByte(page: CodePage, byte: number): string | undefined {
  const ch = HIGH_HALVES[page][byte - 0x80];
  return ch === undefined || ch === '\uFFFF' ? undefined : ch;
}
