import type { Span } from '../model/document.js';
import type { FontFamilyId, Theme } from '../design/types.js';
import type { StyledText, TextStyle } from '../text/types.js';

export interface Fonts {
  title: FontFamilyId;
  body: FontFamilyId;
}

export function baseStyle(family: FontFamilyId, size: number, color: string, weight: TextStyle['weight'] = 400): TextStyle {
  return { family, weight, italic: false, size, color };
}

/** Our spans become styled text; nothing in a span is ever interpreted as markup. */
export function styleSpans(spans: readonly Span[], base: TextStyle, theme: Theme): StyledText[] {
  return spans
    .filter((s) => s.text.length > 0)
    .map((span) => ({ text: span.text, style: spanStyle(span, base, theme) }));
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
