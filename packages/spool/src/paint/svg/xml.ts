/**
 * Small XML helpers for the SVG painter. Post text, alt text, names and URLs are untrusted, so
 * everything that reaches the markup goes through escapeXml; numbers go through num so a NaN
 * from upstream cannot produce an unparsable attribute.
 */

/**
 * Characters XML 1.0 forbids outright (C0 controls other than tab/newline/return, lone surrogates,
 * U+FFFE/U+FFFF). One stray NUL in a post would otherwise make the whole SVG unparsable.
 */
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const NEEDS_ESCAPE = /[&<>"']/;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in element content or a double- or single-quoted attribute. */
export function escapeXml(value: string): string {
  const clean = value.replace(INVALID_XML_CHARS, '');
  if (!NEEDS_ESCAPE.test(clean)) return clean;
  return clean.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * Formats a coordinate with at most `digits` decimals. Two decimals of a layout unit is 1/40 of a
 * pixel at 1080 px wide, well below anything visible, and keeps the SVG small.
 */
export function num(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '0';
  const f = 10 ** digits;
  const r = Math.round(value * f) / f;
  return r === 0 ? '0' : String(r);
}

/** Only web and mail links survive; `javascript:` and friends would run inside the studio page. */
export function safeHref(href: string): string | undefined {
  const trimmed = href.trim();
  if (!/^(https?:|mailto:)/i.test(trimmed)) return undefined;
  return trimmed;
}

/** Ids are referenced from url(#...) and href="#..." so they must stay plain. */
export function sanitizeIdPrefix(prefix: string): string {
  const clean = prefix.replace(/[^A-Za-z0-9_-]/g, '');
  return /^[A-Za-z_]/.test(clean) ? clean : `s${clean}`;
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
