import type { PlacedGlyph } from '../scene/types.js';
import { EMOJI_ADVANCE, emojiBox } from './emoji.js';
import type { LineRange } from './line-break.js';
import { trimEnd, widthBetween, type Paragraph } from './paragraph.js';
import { placeGlyphs } from './shaping.js';
import { baseLevelAt, visualOrder } from './bidi.js';
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
  if (style.highlight) run.highlight = style.highlight;
  if (emoji !== undefined) {
    run.emoji = emoji;
    run.emojiBox = emojiBox(run);
  }
  return run;
}

function spanAt(p: Paragraph, pos: number): number {
  const i = p.spans.findIndex((s) => pos < s.end);
  return i < 0 ? p.spans.length - 1 : i;
}

/** A stretch of a piece on the line at one embedding level. */
interface Segment {
  piece: number;
  start: number;
  end: number;
  level: number;
}

/** The pieces the line crosses, cut where the embedding level changes (all level 0 without bidi). */
function segments(p: Paragraph, start: number, end: number): Segment[] {
  const out: Segment[] = [];
  const levels = p.bidi?.levels;
  for (let pi = p.unitPiece[p.unitOf[start]]; pi < p.pieces.length && p.pieces[pi].start < end; pi++) {
    const piece = p.pieces[pi];
    let from = Math.max(piece.start, start);
    const to = Math.min(piece.end, end);
    // An emoji is one cluster: it takes the level of its first character.
    if (!levels || !piece.face) {
      out.push({ piece: pi, start: from, end: to, level: levels ? levels[from] : 0 });
      continue;
    }
    for (let i = from + 1; i <= to; i++) {
      if (i < to && levels[i] === levels[from]) continue;
      out.push({ piece: pi, start: from, end: i, level: levels[from] });
      from = i;
    }
  }
  return out;
}

/**
 * Turns a chosen range into runs: one per piece the line crosses (cut where the writing direction
 * changes), each shaped chunk by chunk as its width was measured, trailing whitespace left out,
 * and laid left to right in visual order.
 */
export function buildLine(p: Paragraph, range: LineRange): TextLine {
  const end = trimEnd(p.text, range.start, range.end);
  const runs: { run: ShapedRun; level: number }[] = [];
  let ascent = 0;
  let descent = 0;
  if (end > range.start) {
    for (const seg of segments(p, range.start, end)) {
      const piece = p.pieces[seg.piece];
      const span = p.spans[piece.span];
      const text = p.text.slice(seg.start, seg.end);
      const face = piece.face ?? span.chain.primary;
      let run: ShapedRun;
      if (piece.face) {
        const shaped = placeGlyphs(piece.face, text, span.style.size, seg.level % 2 === 1);
        run = makeRun(text, piece.face.key, span.style, 0, shaped.width, shaped.glyphs);
      } else {
        run = makeRun(text, '', span.style, 0, EMOJI_ADVANCE * span.style.size, [], piece.emoji);
      }
      runs.push({ run, level: seg.level });
      ascent = Math.max(ascent, face.metrics.ascent * span.style.size);
      descent = Math.max(descent, face.metrics.descent * span.style.size);
    }
  } else {
    // An empty line still has the height of the text around it.
    const span = p.spans[spanAt(p, range.start)];
    ascent = span.chain.primary.metrics.ascent * span.style.size;
    descent = span.chain.primary.metrics.descent * span.style.size;
  }
  const inOrder = runs.map((r) => r.run);
  const ordered = p.bidi ? visualOrder(runs, (r) => r.level).map((r) => r.run) : inOrder;
  let x = 0;
  for (const run of ordered) {
    run.x = x;
    x += run.width;
  }
  const line: TextLine = { width: widthBetween(p, range.start, range.end), ascent, descent, runs: ordered, hardBreak: range.hard };
  if (range.split) line.splitWord = true;
  if (p.bidi) {
    if (baseLevelAt(p.bidi, range.start) % 2 === 1) line.rtl = true;
    const logical = inOrder.map((run) => ordered.indexOf(run));
    if (logical.some((at, i) => at !== i)) line.logical = logical;
  }
  return line;
}
