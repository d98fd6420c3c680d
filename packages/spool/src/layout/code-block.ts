/**
 * A code block as a slide shows it: an editor card (dark in every theme, so one palette of syntax
 * colours reads on it) with the three window dots and the language, and the code in the mono face,
 * coloured by the highlighter when the layout has one. The code is set at the largest size up to
 * `size` at which no line wraps; only below `floor` does a long line wrap, at a space or after
 * punctuation, never inside a token while a smaller size would keep it whole.
 */
import type { Block } from '../model/document.js';
import type { CodeToken, CodeTokenKind } from '../formats/highlight.js';
import { mixHex, relativeLuminance } from '../design/contrast.js';
import { passingColour, AA_TEXT } from '../design/custom-theme.js';
import type { Theme } from '../design/types.js';
import type { LayoutContext } from './context.js';
import { setText } from './lines.js';
import { splitSpansAt } from '../plan/hook.js';
import { baseStyle } from './styles.js';
import type { StyledText } from '../text/types.js';
import type { LaidElement, LaidText, PlacedLine } from './types.js';

export interface CodeCard {
  elements: LaidElement[];
  height: number;
  /** Widest thing drawn: the card itself, which is always the width given. */
  width: number;
  /** The size the code was set at, and whether some line had to wrap. */
  size: number;
  wrapped: boolean;
}

const LINE_HEIGHT = 1.5;
const DOTS = ['#FF5F57', '#FEBC2E', '#28C840'];

/** On the card, every colour kept at AA by passingColour (GitHub's dark palette as the start). */
const PALETTE: Readonly<Record<CodeTokenKind | 'text', string>> = {
  text: '#E6EDF3', keyword: '#FF7B72', string: '#A5D6FF', number: '#79C0FF', comment: '#8B949E', function: '#D2A8FF',
  type: '#FFA657', property: '#79C0FF', meta: '#8B949E', added: '#7EE787', removed: '#FFA198',
};

export interface CodeColours {
  card: string;
  stroke?: string;
  label: string;
  tokens: Readonly<Record<CodeTokenKind | 'text', string>>;
}

const colourCache = new WeakMap<Theme, CodeColours>();

/** The card's colours in a theme: near black on light themes; on dark ones, darker than the page with a hairline. */
export function codeColours(theme: Theme): CodeColours {
  const known = colourCache.get(theme);
  if (known) return known;
  const dark = relativeLuminance(theme.background) < 0.2;
  const card = dark ? mixHex(theme.background, '#000000', 0.45) : '#16181D';
  const tokens = Object.fromEntries(Object.entries(PALETTE).map(([k, c]) => [k, passingColour(c, card, AA_TEXT)])) as CodeColours['tokens'];
  const colours: CodeColours = { card, label: tokens.comment, tokens };
  if (dark) colours.stroke = mixHex(theme.background, '#FFFFFF', 0.16);
  colourCache.set(theme, colours);
  return colours;
}

function codeText(block: Block): string {
  return block.spans.map((s) => s.text).join('');
}

/** The code of a block as styled runs in the mono face, coloured by kind. */
function codeRuns(ctx: LayoutContext, block: Block, size: number): StyledText[] {
  const code = codeText(block);
  const colours = codeColours(ctx.theme);
  const tokens: CodeToken[] = ctx.highlight ? ctx.highlight(code, block.lang) : [{ text: code }];
  return tokens
    .filter((t) => t.text.length > 0)
    .map((t) => ({ text: t.text, style: baseStyle('mono', size, colours.tokens[t.kind ?? 'text']) }));
}

/** The card's padding and header band at a code size. */
function frame(size: number) {
  const pad = Math.max(10, size * 1.15);
  return { pad, header: Math.max(18, size * 2.1), radius: Math.max(8, size * 0.8) };
}

/** Width of the code's widest line at `size`, unwrapped. */
function codeWidth(ctx: LayoutContext, block: Block, size: number): number {
  return ctx.engine.measure(codeRuns(ctx, block, size));
}

/**
 * The card at (x, y), `width` wide: the code at the largest size in [floor, size] that keeps every
 * line whole, or at `floor` wrapped when even that is too wide.
 */
export function layoutCodeCard(ctx: LayoutContext, block: Block, x: number, y: number, width: number, size: number, floor = size * 0.6): CodeCard {
  const probe = frame(size);
  const inner = width - probe.pad * 2;
  const natural = codeWidth(ctx, block, size);
  const whole = natural <= inner ? size : Math.max(floor, (size * inner) / natural - 0.01);
  const f = frame(whole);
  const innerW = width - f.pad * 2;
  const colours = codeColours(ctx.theme);
  const set = setCode(ctx, codeRuns(ctx, block, whole), x + f.pad, y + f.header, innerW, whole);
  const wrapped = set.wrapped;
  const height = f.header + set.height + f.pad;
  const card: LaidElement = { type: 'rect', x, y, w: width, h: height, radius: f.radius, fill: colours.card };
  if (colours.stroke) card.stroke = { color: colours.stroke, width: 1 };
  const elements: LaidElement[] = [card];
  const dot = Math.max(3, whole * 0.32);
  DOTS.forEach((fill, i) => {
    elements.push({ type: 'rect', x: x + f.pad + i * dot * 3, y: y + f.header / 2 - dot, w: dot * 2, h: dot * 2, radius: dot, fill });
  });
  if (block.lang) {
    const label = setText(ctx.engine, [{ text: block.lang.toLowerCase(), style: baseStyle('mono', Math.max(8, whole * 0.78), colours.label) }], x + f.pad, y + f.header / 2 - whole * 0.78 * 0.6, innerW, 1.2, 'right');
    elements.push(label.text);
  }
  elements.push(set.text);
  return { elements, height, width, size: whole, wrapped };
}

/**
 * Code lines one under another, each source line on its own: one that is too long wraps, and its
 * continuation hangs two characters further in than the line's own indent, as editors show it.
 */
function setCode(ctx: LayoutContext, runs: StyledText[], x: number, y: number, width: number, size: number): { text: LaidText; height: number; wrapped: boolean } {
  const m = ctx.engine.metrics(runs[0]?.style ?? baseStyle('mono', size, '#000000'));
  const pitch = size * LINE_HEIGHT;
  const baselineOffset = pitch / 2 + ((m.ascent - m.descent) * size) / 2;
  const advance = ctx.engine.measure([{ text: '0', style: runs[0]?.style ?? baseStyle('mono', size, '#000000') }]);
  const lines: PlacedLine[] = [];
  let wrapped = false;
  for (const source of splitRunsAtNewlines(runs)) {
    const text = source.map((r) => r.text).join('');
    const indent = Math.min(width / 2, (text.length - text.trimStart().length + 2) * advance);
    let rest = source;
    let first = true;
    while (true) {
      const room = first ? width : width - indent;
      const broken = rest.length ? ctx.engine.breakLines(rest, room) : [];
      const line = broken[0];
      if (!line) {
        // A blank line keeps its height.
        if (first) lines.push({ x, baseline: y + lines.length * pitch + baselineOffset, line: { width: 0, ascent: 0, descent: 0, runs: [], hardBreak: false } });
        break;
      }
      lines.push({ x: first ? x : x + indent, baseline: y + lines.length * pitch + baselineOffset, line });
      if (broken.length === 1) break;
      wrapped = true;
      const taken = line.runs.reduce((n, r) => n + r.text.length, 0);
      rest = trimStartRuns(splitSpansAt(rest, lengthThrough(rest, taken))[1]);
      first = false;
    }
  }
  return { text: { type: 'text', lines }, height: lines.length * pitch, wrapped };
}

/** Styled runs cut into source lines at each newline, styles kept. */
function splitRunsAtNewlines(runs: readonly StyledText[]): StyledText[][] {
  const out: StyledText[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((part, i) => {
      if (i > 0) out.push([]);
      if (part) out[out.length - 1].push({ text: part, style: run.style });
    });
  }
  return out;
}

/** Characters of `runs` up to the end of the first `shown` drawn ones, spaces a line dropped included. */
function lengthThrough(runs: readonly StyledText[], shown: number): number {
  const text = runs.map((r) => r.text).join('');
  let at = shown;
  while (at < text.length && text[at] === ' ') at++;
  return at;
}

function trimStartRuns(runs: StyledText[]): StyledText[] {
  while (runs.length && runs[0].text.trimStart() === '') runs.shift();
  if (runs.length) runs[0] = { text: runs[0].text.trimStart(), style: runs[0].style };
  return runs;
}

