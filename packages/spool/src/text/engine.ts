import { FontSet } from './font-set.js';
import { chooseBreaks } from './line-break.js';
import { buildLine } from './lines.js';
import { joinTexts } from './itemize.js';
import { prepareParagraph, resizeParagraph, sameSpans, widthBetween, type Paragraph } from './paragraph.js';
import type {
  FontMetrics, FontProvider, FontStyle, Shaper, StyledText, TextEngine, TextEngineOptions, TextLine, TextLocale,
} from './types.js';

/** Prepared paragraphs kept for re-breaking: layout tries the same text at several widths. */
const PARAGRAPH_CACHE_LIMIT = 512;

/** The paragraph's cache key; without `sized`, one that all its sizes share. */
function paragraphKey(texts: readonly StyledText[], sized = true): string {
  let key = '';
  for (const { text, style: s } of texts) {
    key += `${s.family}\u0001${s.weight}\u0001${s.italic ? 1 : 0}\u0001${sized ? s.size : ''}\u0001${s.color}\u0001`
      + `${s.href ?? ''}\u0001${s.underline ? 1 : 0}\u0001${s.highlight ?? ''}\u0002${text}\u0003`;
  }
  return key;
}

// Engines over the same provider and shaper share parsed faces and shaped words: both depend only
// on bytes and on the shaper (two shapers may place the same word differently).
const fontSets = new WeakMap<Shaper, WeakMap<FontProvider, FontSet>>();

function fontSetFor(provider: FontProvider, shaper: Shaper): FontSet {
  let byProvider = fontSets.get(shaper);
  if (!byProvider) {
    byProvider = new WeakMap();
    fontSets.set(shaper, byProvider);
  }
  let set = byProvider.get(provider);
  if (!set) {
    set = new FontSet(provider, shaper);
    byProvider.set(provider, set);
  }
  return set;
}

/**
 * The TextEngine: metrics from the font's own tables (see formats/sfnt.ts), and the HarfBuzz
 * shaper (`opts.shaper`, from loadHarfBuzzShaper) for glyphs, coverage and outlines. It does no
 * I/O: faces come as bytes from `opts.fonts`, emoji availability from `opts.emojiKey`. Parsed faces
 * and shaped words are kept per provider and prepared paragraphs per engine, so reuse both rather
 * than making them per document.
 */
export function createTextEngine(opts: TextEngineOptions): TextEngine {
  return makeEngine(opts, new Map());
}

function localeKey(locale: TextLocale): string {
  return `${locale.lang ?? ''}\u0001${locale.direction ?? ''}`;
}

/** An engine for one locale; `siblings` holds the engines for the others, shared by all of them. */
function makeEngine(opts: TextEngineOptions, siblings: Map<string, TextEngine>): TextEngine {
  const fonts = fontSetFor(opts.fonts, opts.shaper);
  const paragraphs = new Map<string, Paragraph>();
  // The last paragraph prepared for each text at any size: layout fits a slide by trying its text
  // at size after size, and each try then costs a rescale of its widths, not a new shaping.
  const unsized = new Map<string, Paragraph>();
  const locale: TextLocale = { ...opts.locale };

  const remember = <T>(cache: Map<string, T>, key: string, value: T) => {
    cache.delete(key);
    if (cache.size >= PARAGRAPH_CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, value);
  };

  const prepare = (texts: readonly StyledText[]): Paragraph => {
    const key = paragraphKey(texts);
    let p = paragraphs.get(key);
    if (!p) {
      const anySize = paragraphKey(texts, false);
      const other = unsized.get(anySize);
      const spans = other && joinTexts(texts, fonts, locale.lang).spans;
      p = other && spans && sameSpans(other.spans, spans) ? resizeParagraph(other, spans) : prepareParagraph(texts, fonts, opts.emojiKey, locale);
      remember(unsized, anySize, p);
    }
    remember(paragraphs, key, p);
    return p;
  };

  const engine: TextEngine = {
    locale,

    localized(wanted: TextLocale): TextEngine {
      const key = localeKey(wanted);
      if (key === localeKey(locale)) return engine;
      let other = siblings.get(key);
      if (!other) {
        other = makeEngine({ ...opts, locale: wanted }, siblings);
        siblings.set(key, other);
      }
      return other;
    },

    breakLines(texts: readonly StyledText[], maxWidth: number): TextLine[] {
      const p = prepare(texts);
      return chooseBreaks(p, maxWidth).map((range) => buildLine(p, range));
    },

    measure(texts: readonly StyledText[]): number {
      const p = prepare(texts);
      let widest = 0;
      for (const range of chooseBreaks(p, Infinity)) widest = Math.max(widest, widthBetween(p, range.start, range.end));
      return widest;
    },

    metrics(style: FontStyle): FontMetrics {
      return { ...fonts.primary(style).metrics };
    },

    face(key: string) {
      return fonts.byKey(key).fontFace;
    },
  };
  siblings.set(localeKey(locale), engine);
  return engine;
}
