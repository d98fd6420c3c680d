/**
 * A figure worth setting huge at the start of a text: `90% of…`, `3× faster`, `$1.2M`, `48,000
 * subscribers`, `10x`. A year (`2015 was…`), a list number (`1.`) or a bare small count (`3 things`)
 * is not. Read by the planner (a stat slide) and the condenser (a slide that leads with one).
 */
const LEADING_FIGURE =
  /^(?:[~≈+]\s?)?(?:[$€£¥₹]\s?)?\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})*(?:[.,]\d+)?(?:\s?(?:%|×|x|X|k|K|M|B|bn|m|pp|\+))*(?=[\s,.;:!?)]|$)/u;

/** The leading figure as written (with the spaces before its unit), or undefined. */
export function leadingFigureText(text: string): string | undefined {
  const match = LEADING_FIGURE.exec(text);
  return match && carries(match[0].trim()) ? match[0] : undefined;
}

/** A unit, a currency, or a number big enough to impress by itself (not a year). */
function carries(figure: string): boolean {
  if (/[%×$€£¥₹+]|\d\s?(?:x|X|k|K|M|B|bn|m|pp)$/.test(figure)) return true;
  const digits = figure.replace(/\D/g, '');
  const value = Number(digits);
  if (/^\d{4}$/.test(figure) && value >= 1800 && value <= 2100) return false;
  return digits.length >= 4 || /[,.\u202f\u00a0 ]\d{3}/.test(figure);
}
