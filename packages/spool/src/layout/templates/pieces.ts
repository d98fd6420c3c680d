/** Pieces the compositions stack: a run of styled text, blocks in the body flow, a short accent rule, a button. */
import type { Block, Span } from '../../model/document.js';
import type { LayoutContext } from '../context.js';
import { layoutBlocks, type FlowStyle } from '../flow.js';
import { setText, type Align } from '../lines.js';
import type { Piece } from '../stack.js';
import { styleSpans, type Emphasis } from '../styles.js';
import type { StyledText, TextStyle } from '../../text/types.js';
import type { LaidElement } from '../types.js';
import { breakText, type Wrap } from '../wrap.js';
import { cutsWord, widestLine } from '../compose.js';
import { shiftY } from '../shift.js';

export interface TextPieceStyle {
  style: TextStyle;
  lineHeight: number;
  align?: Align;
  wrap?: Wrap;
  /** Space below, in layout units. */
  gap?: number;
  /** How bold spans show (see `styleSpans`). */
  emphasis?: Emphasis;
}

/**
 * Spans set in one style (marks kept) at x, `width` wide. Each piece is laid out once, at the top of
 * the page, and drawn by moving those lines down to where the stack puts it.
 */
export function textPiece(ctx: LayoutContext, spans: readonly Span[], x: number, width: number, s: TextPieceStyle): Piece {
  const set = setText(ctx.engine, styleSpans(spans, s.style, ctx.theme, s.emphasis), x, 0, width, s.lineHeight, s.align ?? 'start', s.wrap ?? 'balance');
  return { h: set.height + (s.gap ?? 0), w: set.width, split: cutsWord([set.text]), draw: (y) => [shiftY(set.text, y)] };
}

/** Blocks in the body flow (lists, quotes and paragraphs as everywhere else). */
export function blocksPiece(ctx: LayoutContext, blocks: readonly Block[], x: number, width: number, style: FlowStyle, gap = 0): Piece {
  const flow = layoutBlocks(blocks, ctx, x, 0, width, style);
  return { h: flow.height + gap, w: widestLine(flow.elements), split: cutsWord(flow.elements), draw: (y) => flow.elements.map((e) => shiftY(e, y)) };
}

/** The short accent rule that marks where a slide's text begins. */
export function rulePiece(ctx: LayoutContext, x: number, gap: number, w = 32, h = 4): Piece {
  return { h: h + gap, w, draw: (y) => [{ type: 'rect', x, y, w, h, radius: h / 2, fill: ctx.accent }] };
}

/** A call to action's button: its text balanced on a pill of `fill`, centred in `width`. */
export function button(ctx: LayoutContext, texts: readonly StyledText[], x: number, width: number, fill = ctx.accent) {
  const size = texts[0]?.style.size ?? 18;
  const padX = size * 1.2;
  const lines = breakText(ctx.engine, texts, width - padX * 2, 'balance');
  const textW = Math.max(...lines.map((l) => l.width), 0);
  const h = lines.length * size * 1.35 + size * 1.3;
  const w = textW + padX * 2;
  return {
    h,
    w,
    draw: (y: number): LaidElement[] => {
      const bx = x + (width - w) / 2;
      const set = setText(ctx.engine, texts, bx + padX, y + size * 0.65, textW + 0.5, 1.35, 'center', 'balance');
      return [{ type: 'rect', x: bx, y, w, h, radius: h / 2 > 28 ? 14 : h / 2, fill }, set.text];
    },
  };
}
