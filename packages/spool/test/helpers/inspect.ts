import type { LaidOutDeck, LaidOutPage } from '../../src/layout/types.js';

/** Every placed line on a page with its absolute box, for bounds and content checks. */
export function pageLines(page: LaidOutPage) {
  return page.elements.flatMap((e) =>
    e.type === 'text'
      ? e.lines.map((l) => ({
          text: l.line.runs.map((r) => r.text).join(''),
          // An opening quotation mark may hang into the margin (optical alignment); the words may not.
          left: l.x + (l.hang ?? 0),
          right: l.x + l.line.width,
          top: l.baseline - l.line.ascent,
          bottom: l.baseline + l.line.descent,
        }))
      : [],
  );
}

export function pageText(page: LaidOutPage): string {
  return pageLines(page).map((l) => l.text).join(' ');
}

/** Lines that leave the page's safe area (the side margins, and the page itself vertically). */
export function linesOutside(deck: LaidOutDeck, margin: number) {
  return deck.pages.flatMap((page, i) =>
    pageLines(page)
      .filter((l) => l.left < margin - 0.01 || l.right > deck.width - margin + 0.01 || l.top < -0.01 || l.bottom > deck.height + 0.01)
      .map((l) => ({ page: i, ...l })),
  );
}

export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}
