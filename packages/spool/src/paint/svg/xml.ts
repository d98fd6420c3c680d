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


/** Ids are referenced from url(#...) and href="#..." so they must stay plain. */
export function sanitizeIdPrefix(prefix: string): string {
  const clean = prefix.replace(/[^A-Za-z0-9_-]/g, '');
  return /^[A-Za-z_]/.test(clean) ? clean : `s${clean}`;
}
