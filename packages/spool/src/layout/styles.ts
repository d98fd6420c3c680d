import type { Span } from '../model/document.js';
import type { FontFamilyId, Theme } from '../design/types.js';
import type { StyledText, TextStyle } from '../text/types.js';
import { smartenSpans } from '../model/typography.js';

export interface Fonts {
  title: FontFamilyId;
  body: FontFamilyId;
}

export function baseStyle(family: FontFamilyId, size: number, color: string, weight: TextStyle['weight'] = 400): TextStyle {
  return { family, weight, italic: false, size, color };
}

/**
 * Our spans become styled text; nothing in a span is ever interpreted as markup. Straight quotes,
 * `--` and `...` are set as the typographer's marks here, where every text passes on its way to a
 * slide (imported, planned or typed in the studio), and never inside code or links.
 */
/** How display text marks a bold span: in a colour (the accent), or on a band of one, as with a highlighter. */
export type Emphasis = string | { band: string };

export function styleSpans(spans: readonly Span[], base: TextStyle, theme: Theme, emphasis?: Emphasis): StyledText[] {
  return smartened(spans)
    .filter((s) => s.text.length > 0)
    .map((span) => ({ text: span.text, style: emphasised(span, spanStyle(span, base, theme), emphasis) }));
}

/** A fit lays the same spans out many times; their marks are set once per spans array. */
const smart = new WeakMap<readonly Span[], Span[]>();

function smartened(spans: readonly Span[]): Span[] {
  let out = smart.get(spans);
  if (!out) {
    out = smartenSpans(spans);
    smart.set(spans, out);
  }
  return out;
}

/**
 * Display text is bold throughout, so a bold span would not stand out: there it takes `emphasis`
 * instead (the accent colour, or a band behind it), the way a designer marks a post's key phrase.
 */
function emphasised(span: Span, style: TextStyle, emphasis: Emphasis | undefined): TextStyle {
  if (!emphasis || !span.bold || span.href || span.tag || span.code) return style;
  return typeof emphasis === 'string' ? { ...style, color: emphasis } : { ...style, highlight: emphasis.band };
}

function spanStyle(span: Span, base: TextStyle, theme: Theme): TextStyle {
  const style: TextStyle = { ...base };
  // Two weights only (400 and 700): every extra face costs a cold process its font tables.
  if (span.bold) style.weight = 700;
  if (span.italic) style.italic = true;
  if (span.code) {
    style.family = 'mono';
    style.size = base.size * 0.9;
  }
  if (span.href || span.tag) {
    style.color = theme.link;
    if (span.href) style.href = span.href;
    if (span.tag === 'url' || (span.href && !span.tag)) style.underline = true;
  }
  return style;
}

export function plainText(text: string, style: TextStyle): StyledText[] {
  return text ? [{ text, style }] : [];
}
