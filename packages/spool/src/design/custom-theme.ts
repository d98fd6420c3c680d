/**
 * A theme from the user's own colours: a background (and optionally a second one for a gradient), a
 * text colour and an accent. The other colours a slide needs (titles, surfaces for cards and panels,
 * muted text, links, text on the accent) are derived from those three, and every pair a slide draws
 * is checked against WCAG AA. A colour that fails keeps its hue and moves in lightness to the nearest
 * one that passes; the change is reported, so the user sees what was used instead of what they chose.
 */
import { contrastRatio, mixHex, parseHex, relativeLuminance } from './contrast.js';
import type { CustomColors, Design, Theme } from './types.js';
import { findTheme } from './themes.js';

/** Body text and anything small: WCAG AA. */
export const AA_TEXT = 4.5;

export interface ColourAdjustment {
  /** Which colour, as the user named it (`text`, `accent`) or as derived (`muted`, `link`). */
  role: string;
  chosen: string;
  used: string;
  /** What it must be readable on, and the ratio it needs. */
  on: string;
  ratio: number;
}

export interface CustomTheme {
  theme: Theme;
  adjustments: ColourAdjustment[];
}

/** The theme a design is drawn in: its preset, or that preset's fonts and pattern in the design's own colours. */
export function themeOf(design: Pick<Design, 'theme' | 'colors'>): Theme {
  return design.colors ? customTheme(findTheme(design.theme), design.colors).theme : findTheme(design.theme);
}

const cache = new Map<string, CustomTheme>();

export function customTheme(base: Theme, colors: CustomColors): CustomTheme {
  const key = `${base.id}|${colors.background}|${colors.backgroundTo ?? ''}|${colors.text}|${colors.accent}`;
  const known = cache.get(key);
  if (known) return known;
  const adjustments: ColourAdjustment[] = [];
  // A gradient between a dark and a light colour may leave no text colour readable on both ends:
  // then the slide keeps the first background alone.
  let backgrounds = colors.backgroundTo ? [colors.background, colors.backgroundTo] : [colors.background];
  if (colors.backgroundTo && !readableOn(colors.text, backgrounds, AA_TEXT)) {
    adjustments.push({ role: 'second background', chosen: colors.backgroundTo, used: colors.background, on: colors.background, ratio: AA_TEXT });
    backgrounds = [colors.background];
  }
  const dark = relativeLuminance(colors.background) < 0.18;
  // Cards and panels sit on a surface a little off the background; where no text colour would read
  // on both (a mid-tone background), they take the background itself and keep their outline.
  const lifted = dark ? mixHex(colors.background, '#ffffff', 0.08) : mixHex(colors.background, '#ffffff', 0.7);
  const surface = readableOn(colors.text, [...backgrounds, lifted], AA_TEXT) ? lifted : colors.background;
  /**
   * `fg` made readable on every colour in `on`, else `fallback` (the text colour, which reads on all of
   * them) when no shade of `fg` does; a change to a colour the user chose is reported.
   */
  const readable = (role: string, fg: string, on: readonly string[], chosen = false, fallback?: string) => {
    const used = readableOn(fg, on, AA_TEXT) ?? fallback ?? fg;
    if (chosen && used.toLowerCase() !== fg.toLowerCase()) {
      const worst = on.reduce((w, bg) => (contrastRatio(fg, bg) < contrastRatio(fg, w) ? bg : w), on[0]);
      adjustments.push({ role, chosen: fg, used, on: worst, ratio: AA_TEXT });
    }
    return used;
  };
  // Text is read on the page and on cards and panels alike.
  const text = readable('text', colors.text, [...backgrounds, surface], true);
  // On a mid-tone page with a light card, a colour may have no shade that reads on both: it takes the text's.
  const accent = readable('accent', colors.accent, [...backgrounds, surface], true, text);
  const onAccent = contrastRatio('#ffffff', accent) >= contrastRatio('#111111', accent) ? '#FFFFFF' : '#111111';
  const theme: Theme = {
    id: 'custom',
    label: 'Custom',
    background: colors.background,
    ...(backgrounds[1] ? { backgroundTo: backgrounds[1] } : {}),
    surface,
    text,
    title: readable('title', mixHex(text, dark ? '#ffffff' : '#000000', 0.3), [...backgrounds, surface], false, text),
    muted: readable('muted', mixHex(text, colors.background, 0.3), [...backgrounds, surface], false, text),
    accent,
    onAccent: readable('text on the accent', onAccent, [accent]),
    link: readable('link', accent, [...backgrounds, surface], false, text),
    pattern: { color: accent, opacity: base.pattern.opacity },
    titleFont: base.titleFont,
    bodyFont: base.bodyFont,
  };
  const result = { theme, adjustments };
  if (cache.size > 64) cache.clear();
  cache.set(key, result);
  return result;
}

/**
 * The colour nearest `fg` with at least `ratio` contrast on every colour of `on`: the same hue and
 * saturation, the lightness moved as little as it must (black or white at the ends). Undefined when
 * no lightness passes on all of them (a gradient from dark to light).
 */
export function readableOn(fg: string, on: readonly string[], ratio: number): string | undefined {
  if (on.every((bg) => contrastRatio(fg, bg) >= ratio)) return fg;
  const [h, s, l] = toHsl(fg);
  const at = (lightness: number) => fromHsl(h, s, lightness);
  // Luminance grows with lightness, so on each background the passing lightnesses are a dark range
  // [0, a] and a light one [b, 1] (either may be empty); what passes on all is their intersection.
  let allowed: [number, number][] = [[0, 1]];
  for (const bg of on) {
    const passes = (x: number) => contrastRatio(at(x), bg) >= ratio;
    const ranges: [number, number][] = [];
    if (passes(0)) ranges.push([0, edge(passes, 0, 1)]);
    if (passes(1)) ranges.push([edge(passes, 1, 0), 1]);
    allowed = allowed.flatMap(([lo, hi]) => ranges.flatMap(([a, b]): [number, number][] => (Math.max(lo, a) <= Math.min(hi, b) ? [[Math.max(lo, a), Math.min(hi, b)]] : [])));
  }
  const ok = (colour: string) => on.every((bg) => contrastRatio(colour, bg) >= ratio);
  const candidates = allowed
    .map(([lo, hi]) => ({ lo, hi, nearest: Math.min(hi, Math.max(lo, l)) }))
    .sort((a, b) => Math.abs(a.nearest - l) - Math.abs(b.nearest - l));
  for (const { lo, hi, nearest } of candidates) {
    // Rounding to whole channels may cost a hair of contrast at a range's edge: step inward until it holds.
    const inward = nearest === lo ? 1 : -1;
    for (let x = nearest; x >= lo - 1e-9 && x <= hi + 1e-9; x += inward * 0.002) if (ok(at(x))) return at(x);
  }
  return undefined;
}

/** The last lightness from `from` toward `to` that still passes (20 halvings: well under a channel step). */
function edge(passes: (x: number) => boolean, from: number, to: number): number {
  let good = from;
  let bad = to;
  if (passes(to)) return to;
  for (let k = 0; k < 20; k++) {
    const mid = (good + bad) / 2;
    if (passes(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

/** The colour nearest `fg` with at least `ratio` contrast on `bg` (one always exists: black or white). */
export function passingColour(fg: string, bg: string, ratio: number): string {
  return readableOn(fg, [bg], ratio) ?? (contrastRatio('#000000', bg) >= contrastRatio('#FFFFFF', bg) ? '#000000' : '#FFFFFF');
}

function toHsl(hex: string): [number, number, number] {
  const [r, g, b] = parseHex(hex).map((v) => v / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h / 6, s, l];
}

function fromHsl(h: number, s: number, l: number): string {
  const channel = (n: number) => {
    const k = (n + h * 12) % 12;
    const a = s * Math.min(l, 1 - l);
    return Math.round((l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))) * 255);
  };
  return `#${[channel(0), channel(8), channel(4)].map((v) => v.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

/**
 * The band behind a highlighted key phrase: the accent mixed into the page, as strong as keeps the
 * title colour at AA on it, so the phrase stands out and still reads. Undefined when even a faint
 * band would not (a light accent under light titles on a mid-tone page): the phrase then takes the
 * accent colour instead.
 */
export function highlightBand(theme: Theme, accent: string): string | undefined {
  for (const share of [0.42, 0.34, 0.27, 0.2, 0.14]) {
    const band = mixHex(theme.background, accent, share);
    if (contrastRatio(theme.title, band) >= AA_TEXT) return band;
  }
  return undefined;
}
