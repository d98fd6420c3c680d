/**
 * An article's publication date as a cover shows it: an ISO date or timestamp (`2025-03-12`,
 * `2025-03-12T09:30:00Z`, what pages and front matter give) becomes `12 March 2025`; anything else
 * short is kept as written.
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function displayDate(value: string | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return `${day} ${MONTHS[month - 1]} ${year}`;
  }
  return text.length <= 40 ? text : undefined;
}
