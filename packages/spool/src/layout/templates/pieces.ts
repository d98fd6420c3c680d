/** Pieces the compositions stack: a run of styled text, blocks in the body flow, a short accent rule. */
import type { Block, Span } from '../../model/document.js';
import type { LayoutContext } from '../context.js';
import { layoutBlocks, type FlowStyle } from '../flow.js';
import { setText, type Align } from '../lines.js';
import type { Piece } from '../stack.js';
import { styleSpans } from '../styles.js';
import type { TextStyle } from '../../text/types.js';
import type { LaidElement } from '../types.js';
import type { Wrap } from '../wrap.js';
import { cutsWord } from '../compose.js';

export interface TextPieceStyle {
  style: TextStyle;
  lineHeight: number;
  align?: Align;
  wrap?: Wrap;
  /** Space below, in layout units. */
  gap?: number;
  /** Colour of bold spans (see `styleSpans`). */
  emphasis?: string;
}

/** Spans set in one style (marks kept) at x, `width` wide. */
export function textPiece(ctx: LayoutContext, spans: readonly Span[], x: number, width: number, s: TextPieceStyle): Piece {
  const texts = styleSpans(spans, s.style, ctx.theme, s.emphasis);
  const probe = setText(ctx.engine, texts, 0, 0, width, s.lineHeight, s.align ?? 'start', s.wrap ?? 'balance');
  return {
    h: probe.height + (s.gap ?? 0),
    w: probe.width,
    split: probe.text.lines.some((l) => l.line.splitWord === true),
    draw: (y) => [setText(ctx.engine, texts, x, y, width, s.lineHeight, s.align ?? 'start', s.wrap ?? 'balance').text],
  };
}

/** Blocks in the body flow (lists, quotes and paragraphs as everywhere else). */
export function blocksPiece(ctx: LayoutContext, blocks: readonly Block[], x: number, width: number, style: FlowStyle, gap = 0): Piece {
  const probe = layoutBlocks(blocks, ctx, 0, 0, width, style);
  return { h: probe.height + gap, w: widest(probe.elements), split: cutsWord(probe.elements), draw: (y) => layoutBlocks(blocks, ctx, x, y, width, style).elements };
}

/** The short accent rule that marks where a slide's text begins. */
export function rulePiece(ctx: LayoutContext, x: number, gap: number, w = 32, h = 4): Piece {
  return { h: h + gap, w, draw: (y) => [{ type: 'rect', x, y, w, h, radius: h / 2, fill: ctx.accent }] };
}

export function widest(elements: readonly LaidElement[]): number {
  let w = 0;
  for (const e of elements) if (e.type === 'text') for (const l of e.lines) w = Math.max(w, l.line.width);
  return w;
}
