import type { PlacedGlyph } from '../scene/types.js';
import { EMOJI_ADVANCE } from './emoji.js';
import type { LineRange } from './line-break.js';
import { trimEnd, widthBetween, type Paragraph } from './paragraph.js';
import { placeGlyphs } from './shaping.js';
import type { ShapedRun, TextLine, TextStyle } from './types.js';

function makeRun(
  text: string,
  face: string,
  style: TextStyle,
  x: number,
  width: number,
  glyphs: PlacedGlyph[],
  emoji?: string,
): ShapedRun {
  const run: ShapedRun = { text, face, size: style.size, color: style.color, x, width, glyphs };
  if (style.href !== undefined) run.href = style.href;
  if (style.underline) run.underline = true;
  if (emoji !== undefined) run.emoji = emoji;
  return run;
}

function spanAt(p: Paragraph, pos: number): number {
  const i = p.spans.findIndex((s) => pos < s.end);
  return i < 0 ? p.spans.length - 1 : i;
}

/**
 * Turns a chosen range into runs: one per piece the line crosses, each shaped chunk by chunk as
 * its width was measured, trailing whitespace left out.
 */
export function buildLine(p: Paragraph, range: LineRange): TextLine {
  const end = trimEnd(p.text, range.start, range.end);
  const runs: ShapedRun[] = [];
  let x = 0;
  let ascent = 0;
  let descent = 0;
  if (end > range.start) {
    for (let pi = p.unitPiece[p.unitOf[range.start]]; pi < p.pieces.length && p.pieces[pi].start < end; pi++) {
      const piece = p.pieces[pi];
      const span = p.spans[piece.span];
      const text = p.text.slice(Math.max(piece.start, range.start), Math.min(piece.end, end));
      const face = piece.face ?? span.chain.primary;
      let run: ShapedRun;
      if (piece.face) {
        const shaped = placeGlyphs(piece.face, text, span.style.size);
        run = makeRun(text, piece.face.key, span.style, x, shaped.width, shaped.glyphs);
      } else {
        run = makeRun(text, '', span.style, x, EMOJI_ADVANCE * span.style.size, [], piece.emoji);
      }
      runs.push(run);
      x += run.width;
      ascent = Math.max(ascent, face.metrics.ascent * span.style.size);
      descent = Math.max(descent, face.metrics.descent * span.style.size);
    }
  } else {
    // An empty line still has the height of the text around it.
    const span = p.spans[spanAt(p, range.start)];
    ascent = span.chain.primary.metrics.ascent * span.style.size;
    descent = span.chain.primary.metrics.descent * span.style.size;
  }
  return { width: widthBetween(p, range.start, range.end), ascent, descent, runs, hardBreak: range.hard };
}
