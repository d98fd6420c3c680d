/**
 * A composition as a vertical stack of pieces (a figure, a caption, a row of steps), each measured at
 * a scale and drawn at a y. The stack is fitted whole: the largest scale down to a floor at which it
 * is no taller than the box and no piece wider, then placed at the box's optical centre (a little
 * above the middle, where the eye expects the middle to be).
 */
import type { Box } from './context.js';
import type { LaidElement } from './types.js';

export interface Piece {
  /** Height the piece takes, its gap below included. */
  h: number;
  /** Widest line it draws; over the box width means it does not fit at this scale. */
  w: number;
  /** Whether a word had to be cut to fit the width: a smaller scale that avoids it is preferred. */
  split?: boolean;
  draw(y: number): LaidElement[];
}

/** Share of the free height left above a centred stack: under a half lifts it to the optical centre. */
export const OPTICAL_CENTRE = 0.44;

/**
 * The pieces at the largest scale in [floor, ceiling] that fits, or undefined when none does. A
 * ceiling over 1 lets a short stack grow into the room a page gives it, up to a share of the box
 * (`fill`), so three short steps are not set small in an empty page.
 */
export function fitStack(
  box: Box,
  floor: number,
  build: (scale: number) => Piece[],
  { ceiling = 1, fill = 1 }: { ceiling?: number; fill?: number } = {},
): { pieces: Piece[]; scale: number } | undefined {
  const room = (scale: number) => (scale > 1 ? box.h * fill : box.h);
  // At the floor a cut word is let be: a URL longer than any line has to break somewhere.
  const fitsAt = (pieces: Piece[], scale: number) =>
    total(pieces) <= room(scale) + 0.5 && pieces.every((p) => p.w <= box.w + 0.5 && (!p.split || scale <= floor));
  const top = build(ceiling);
  if (fitsAt(top, ceiling)) return { pieces: top, scale: ceiling };
  let lo = floor;
  let best = build(floor);
  if (!fitsAt(best, floor)) return undefined;
  let hi = ceiling;
  while (hi - lo > 1 / 48) {
    const mid = (lo + hi) / 2;
    const pieces = build(mid);
    if (fitsAt(pieces, mid)) {
      lo = mid;
      best = pieces;
    } else hi = mid;
  }
  return { pieces: best, scale: lo };
}

/** Draws the pieces top to bottom, the stack at the box's optical centre. */
export function placeStack(box: Box, pieces: readonly Piece[], centre = OPTICAL_CENTRE): LaidElement[] {
  let y = box.y + Math.max(0, (box.h - total(pieces)) * centre);
  const out: LaidElement[] = [];
  for (const piece of pieces) {
    out.push(...piece.draw(y));
    y += piece.h;
  }
  return out;
}

function total(pieces: readonly Piece[]): number {
  return pieces.reduce((sum, p) => sum + p.h, 0);
}
