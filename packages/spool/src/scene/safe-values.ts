/**
 * What a scene's colours and links may be, whichever painter draws them: values from themes, brand
 * kits and post text are untrusted, so each painter passes them through these.
 */

/** Only web and mail links survive; `javascript:` and friends would run inside the studio page. */
export function safeHref(href: string): string | undefined {
  const trimmed = href.trim();
  if (!/^(https?:|mailto:)/i.test(trimmed)) return undefined;
  return trimmed;
}

/**
 * Colours come from themes and from user brand kits; anything that is not a plain CSS colour
 * falls back so a crafted value cannot smuggle `url(...)` or other paint servers into the SVG.
 */
export function safeColor(color: string | undefined, fallback = '#000000'): string {
  if (!color) return fallback;
  const c = color.trim();
  if (/^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(c)) return c;
  if (/^(?:rgba?|hsla?)\([\d\s.,%+-]+\)$/i.test(c)) return c;
  if (/^[a-z]{3,20}$/i.test(c)) return c;
  return fallback;
}
