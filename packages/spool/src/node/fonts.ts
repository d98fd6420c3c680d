import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FontFamilyId } from '../design/types.js';
import { CJK_FAMILY_ORDER } from '../text/cjk.js';
import { createTextEngine } from '../text/engine.js';
import { loadHarfBuzzShaper } from '../text/shaper-harfbuzz.js';
import type { FontProvider, FontWeight, Shaper, TextEngine } from '../text/types.js';
import { emojiKey } from './emoji.js';

interface BundledFamily {
  /** npm package of the @expo-google-fonts family. */
  pkg: string;
  /** File name prefix inside it, e.g. `Inter` in `Inter_700Bold.ttf`. */
  file: string;
}

/** The families bundled with Spool. `noto` is the fallback for scripts a family lacks. */
export const BUNDLED_FAMILIES: Readonly<Record<string, BundledFamily>> = {
  sans: { pkg: '@expo-google-fonts/inter', file: 'Inter' },
  serif: { pkg: '@expo-google-fonts/source-serif-4', file: 'SourceSerif4' },
  display: { pkg: '@expo-google-fonts/playfair-display', file: 'PlayfairDisplay' },
  mono: { pkg: '@expo-google-fonts/jetbrains-mono', file: 'JetBrainsMono' },
  grotesk: { pkg: '@expo-google-fonts/space-grotesk', file: 'SpaceGrotesk' },
  noto: { pkg: '@expo-google-fonts/noto-sans', file: 'NotoSans' },
  'noto-thai': { pkg: '@expo-google-fonts/noto-sans-thai', file: 'NotoSansThai' },
  'noto-arabic': { pkg: '@expo-google-fonts/noto-sans-arabic', file: 'NotoSansArabic' },
  'noto-hebrew': { pkg: '@expo-google-fonts/noto-sans-hebrew', file: 'NotoSansHebrew' },
  'noto-devanagari': { pkg: '@expo-google-fonts/noto-sans-devanagari', file: 'NotoSansDevanagari' },
  'noto-sc': { pkg: '@expo-google-fonts/noto-sans-sc', file: 'NotoSansSC' },
  'noto-tc': { pkg: '@expo-google-fonts/noto-sans-tc', file: 'NotoSansTC' },
  'noto-jp': { pkg: '@expo-google-fonts/noto-sans-jp', file: 'NotoSansJP' },
  'noto-kr': { pkg: '@expo-google-fonts/noto-sans-kr', file: 'NotoSansKR' },
};

/**
 * Tried in order for words a family has no glyphs for: Noto Sans and Inter (Latin, Greek,
 * Cyrillic, Vietnamese), then the scripts they lack, Chinese, Japanese and Korean last (10 MB a
 * face; the text's language moves its own one first, see text/cjk.ts). Faces load only when a
 * word needs them.
 */
export const BUNDLED_FALLBACKS: readonly FontFamilyId[] = [
  'noto', 'sans', 'noto-thai', 'noto-arabic', 'noto-hebrew', 'noto-devanagari', ...CJK_FAMILY_ORDER,
];

const WEIGHT_NAMES: Record<FontWeight, string> = {
  400: '400Regular',
  500: '500Medium',
  600: '600SemiBold',
  700: '700Bold',
  800: '800ExtraBold',
};

const require = createRequire(import.meta.url);
const bytesCache = new Map<string, Uint8Array | null>();

/** Package-relative path of a bundled face, e.g. `@expo-google-fonts/inter/700Bold_Italic/Inter_700Bold_Italic.ttf`. */
export function bundledFacePath(family: FontFamilyId, weight: FontWeight, italic: boolean): string | undefined {
  const def = BUNDLED_FAMILIES[family];
  const name = WEIGHT_NAMES[weight];
  if (!def || !name) return undefined;
  const variant = `${name}${italic ? '_Italic' : ''}`;
  return `${def.pkg}/${variant}/${def.file}_${variant}.ttf`;
}

function readFace(family: FontFamilyId, weight: FontWeight, italic: boolean): Uint8Array | undefined {
  const path = bundledFacePath(family, weight, italic);
  if (!path) return undefined;
  let bytes = bytesCache.get(path);
  if (bytes === undefined) {
    try {
      // A plain Uint8Array view of the file: the engine and the PDF writer both take it, and it keeps the
      // core free of Buffer.
      const buf = readFileSync(require.resolve(path));
      bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    } catch {
      bytes = null; // this family has no such weight or slant (Space Grotesk has no italics)
    }
    bytesCache.set(path, bytes);
  }
  return bytes ?? undefined;
}

let bundled: FontProvider | undefined;

/** The bundled fonts, read lazily on first use of each face and kept for the process. */
export function bundledFonts(): FontProvider {
  bundled ??= { faceBytes: readFace, fallbacks: BUNDLED_FALLBACKS };
  return bundled;
}

/**
 * Bundled fonts plus faces of the caller's own (a brand font): `custom` is asked first and may
 * serve any family id, including one of ours to replace it.
 */
export function fontsWith(custom: Pick<FontProvider, 'faceBytes'>): FontProvider {
  return {
    faceBytes: (family, weight, italic) => custom.faceBytes(family, weight, italic) ?? readFace(family, weight, italic),
    fallbacks: BUNDLED_FALLBACKS,
  };
}

/**
 * HarfBuzz, ready before anything here is used (its WASM is read from the package and compiled in
 * about 10 ms), so defaultTextEngine() stays synchronous for its callers. Engines made elsewhere in
 * the process are given it too.
 */
export const textShaper: Shaper = await loadHarfBuzzShaper();

let engine: TextEngine | undefined;

/**
 * One engine per process over the bundled fonts and Twemoji: fonts are parsed and words shaped
 * once, then reused by every document.
 */
export function defaultTextEngine(): TextEngine {
  engine ??= createTextEngine({ fonts: bundledFonts(), emojiKey, shaper: textShaper });
  return engine;
}
