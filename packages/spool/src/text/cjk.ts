import type { FontFamilyId } from '../design/types.js';

/**
 * Chinese, Japanese and Korean share thousands of ideographs that each country draws its own way
 * (骨, 直, 写 differ between a Chinese and a Japanese face), so which bundled face sets them is
 * decided by the text's language, not by coverage alone.
 */

/** The bundled CJK families in the order tried when the language says nothing: Simplified Chinese first. */
export const CJK_FAMILY_ORDER: readonly FontFamilyId[] = ['noto-sc', 'noto-jp', 'noto-kr', 'noto-tc'];

const CJK_FAMILIES = new Set<FontFamilyId>(CJK_FAMILY_ORDER);

/** The family a BCP 47 tag asks for (`ja`, `ko`, `zh-Hant`, `zh-TW`, `zh-CN`…), undefined for other languages. */
export function cjkFamilyFor(lang: string | undefined): FontFamilyId | undefined {
  if (!lang) return undefined;
  const tag = lang.trim().toLowerCase().replace(/_/g, '-');
  const primary = tag.split('-')[0];
  if (primary === 'ja') return 'noto-jp';
  if (primary === 'ko') return 'noto-kr';
  if (primary === 'zh' || primary === 'yue' || primary === 'cmn') {
    return /-(hant|tw|hk|mo)(-|$)/.test(tag) || primary === 'yue' ? 'noto-tc' : 'noto-sc';
  }
  return undefined;
}

/**
 * Fallback families with the language's own CJK face moved ahead of the other CJK faces; the
 * list as it is for any other language or when the provider has no such family.
 */
export function fallbacksFor(fallbacks: readonly FontFamilyId[], lang: string | undefined): readonly FontFamilyId[] {
  const own = cjkFamilyFor(lang);
  const at = own ? fallbacks.indexOf(own) : -1;
  const first = fallbacks.findIndex((f) => CJK_FAMILIES.has(f));
  if (at < 0 || first < 0 || at <= first) return fallbacks;
  const out = fallbacks.filter((f) => f !== own);
  out.splice(first, 0, own!);
  return out;
}

const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/g;
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/g;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
/** Frequent characters written only in Traditional Chinese (their simplified forms differ). */
const TRADITIONAL = /[們這個來說為國會時學對後經樣裡發與開關實點從還現動問題體應當見長東車門書電話麼]/g;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** How many characters of each CJK script a text holds: what guessing its language needs. */
export interface CjkCounts {
  han: number;
  kana: number;
  hangul: number;
  traditional: number;
}

export function cjkCounts(text: string): CjkCounts {
  const han = count(text, HAN);
  // Most text has no ideographs, and then no Traditional ones either.
  return { han, kana: count(text, KANA), hangul: count(text, HANGUL), traditional: han ? count(text, TRADITIONAL) : 0 };
}

/**
 * The CJK language a text is most likely in, for documents that do not declare one: kana mean
 * Japanese, hangul Korean, other ideographs Chinese (Traditional when its own characters are
 * common). Undefined for text without CJK characters.
 */
export function guessCjkLanguage(text: string): string | undefined {
  return cjkLanguageOf(cjkCounts(text));
}

/** `guessCjkLanguage` from counts already made (so a deck can add up its slides' own). */
export function cjkLanguageOf({ han, kana, hangul, traditional }: CjkCounts): string | undefined {
  if (kana + hangul + han === 0) return undefined;
  if (hangul > kana && hangul >= han / 4) return 'ko';
  if (kana > 0 && kana >= han / 10) return 'ja';
  if (han === 0) return hangul > 0 ? 'ko' : 'ja';
  return traditional > 0 && traditional >= han / 40 ? 'zh-Hant' : 'zh-Hans';
}

const CJK_CHARS = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/g;

/**
 * How much more line pitch text needs when it is mostly Chinese, Japanese or Korean. Their
 * characters fill the em square where Latin letters leave ascender and descender room, so at
 * the same pitch CJK lines touch; CJK typesetting leads them about an eighth more (1.5 to 1.7 of
 * the size for body text, where Latin reads well at 1.3 to 1.45).
 */
export function cjkLeading(text: string): number {
  const cjk = text.match(CJK_CHARS)?.length ?? 0;
  if (cjk === 0) return 1;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return cjk * 2 >= letters ? CJK_LEADING : 1;
}

export const CJK_LEADING = 1.12;

/** Ideographs, kana and CJK punctuation: scripts written without spaces between words. */
const UNSPACED = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uff60]/;

/**
 * Whether text read back line by line runs on with no space where a line broke between `before`
 * and `after`: Chinese and Japanese do; other scripts broke at a space.
 */
export function runsOnAcrossBreak(before: string, after: string): boolean {
  return UNSPACED.test(before.slice(-1)) && UNSPACED.test(after[0] ?? '');
}

/** Whether a code point is a CJK ideograph, kana, hangul syllable or CJK punctuation. */
export function isCjkCodePoint(cp: number): boolean {
  return (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff)
    || (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x20000 && cp <= 0x3134f);
}
