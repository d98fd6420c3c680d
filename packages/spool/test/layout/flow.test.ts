import { describe, expect, it } from 'vitest';
import { blockGap, layoutBlock, layoutBlocks, type FlowStyle } from '../../src/layout/flow.js';
import { deckContext } from '../../src/layout/layout-deck.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { defaultDesign } from '../../src/design/defaults.js';
import type { Block } from '../../src/model/document.js';
import type { LaidElement, LaidRect, LaidText } from '../../src/layout/types.js';
import { fakeEngine } from '../helpers/fake-engine.js';
import { doc, para, post, words } from '../helpers/documents.js';

const ctx = deckContext(planDeck(doc([post('1', [para('Hook')])]), defaultDesign()), fakeEngine(), () => undefined);
const style: FlowStyle = { size: 20, color: '#222222', family: 'sans' };
const texts = (elements: LaidElement[]) => elements.filter((e): e is LaidText => e.type === 'text');
const lineText = (t: LaidText) => t.lines.map((l) => l.line.runs.map((r) => r.text).join(''));
const item = (ordinal: number | undefined, text: string, ordered = true): Block => ({ type: 'listItem', ordered, ordinal, spans: [{ text }] });

describe('layoutBlocks', () => {
  it('stacks blocks with one block gap between each and none before the first', () => {
    const blocks = [para(words(30)), para('Short.'), para(words(12, 3))];
    const alone = blocks.map((b) => layoutBlock(b, ctx, 0, 0, 300, style));
    const flow = layoutBlocks(blocks, ctx, 0, 50, 300, style);
    expect(blockGap(20)).toBeGreaterThan(0);
    expect(flow.height).toBeCloseTo(alone[0].height + alone[1].height + alone[2].height + 2 * blockGap(20), 10);
    // The second block is the same block moved down by the first one and a gap.
    const second = texts(flow.elements)[1].lines[0].baseline;
    const secondAlone = texts(alone[1].elements)[0].lines[0].baseline;
    expect(second).toBeCloseTo(50 + alone[0].height + blockGap(20) + secondAlone, 10);
  });

  it('is empty for no blocks', () => {
    expect(layoutBlocks([], ctx, 0, 0, 300, style)).toEqual({ elements: [], height: 0 });
  });
});

describe('layoutBlock', () => {
  it('sets a paragraph in the style’s colour, links in the theme’s link colour, within the width', () => {
    const block: Block = { type: 'paragraph', spans: [{ text: `${words(20)} ` }, { text: 'spool.example', href: 'https://spool.example' }] };
    const [set] = texts(layoutBlock(block, ctx, 10, 0, 200, style).elements);
    const runs = set.lines.flatMap((l) => l.line.runs);
    expect(runs.find((r) => r.text.includes('spool.example'))?.color).toBe(ctx.theme.link);
    expect(runs[0].color).toBe('#222222');
    for (const l of set.lines) expect(l.x + l.line.width).toBeLessThanOrEqual(10 + 200);
  });

  it('sets headings bolder and larger than the body, level 1 largest, in the title colour', () => {
    const size = (level: number) => texts(layoutBlock({ type: 'heading', level, spans: [{ text: 'Part one' }] }, ctx, 0, 0, 400, style).elements)[0].lines[0].line.runs[0];
    expect(size(1).size).toBeGreaterThan(size(2).size);
    expect(size(2).size).toBeGreaterThan(20);
    expect(size(3).size).toBe(size(2).size);
    expect(size(1).color).toBe(ctx.theme.title);
  });

  it('hangs a list marker: every line of the item starts at one indent, right of the marker', () => {
    const [mark, body] = texts(layoutBlock(item(12, words(40)), ctx, 30, 0, 300, style).elements);
    expect(lineText(mark)).toEqual(['12.']);
    expect(mark.lines[0].line.runs[0].color).toBe(ctx.accent);
    expect(mark.lines[0].x).toBe(30);
    expect(body.lines.length).toBeGreaterThan(2);
    const indents = new Set(body.lines.map((l) => l.x));
    expect(indents.size).toBe(1);
    const [x] = indents;
    expect(x).toBeGreaterThanOrEqual(30 + mark.lines[0].line.width);
    for (const l of body.lines) expect(l.x + l.line.width).toBeLessThanOrEqual(30 + 300);
  });

  it('marks an unordered item with a bullet and an ordered one without a number as 1', () => {
    expect(lineText(texts(layoutBlock(item(undefined, 'a point', false), ctx, 0, 0, 300, style).elements)[0])).toEqual(['•']);
    expect(lineText(texts(layoutBlock(item(undefined, 'a step'), ctx, 0, 0, 300, style).elements)[0])).toEqual(['1.']);
  });

  it('sets a quote beside an accent rule that runs along the text', () => {
    const flow = layoutBlock({ type: 'quote', spans: [{ text: words(40) }] }, ctx, 30, 100, 300, style);
    const bar = flow.elements.find((e): e is LaidRect => e.type === 'rect')!;
    const [body] = texts(flow.elements);
    expect(bar).toMatchObject({ x: 30, fill: ctx.accent });
    expect(bar.y).toBeGreaterThan(100);
    expect(bar.y + bar.h).toBeLessThan(100 + flow.height);
    expect(bar.h).toBeGreaterThan(flow.height / 2);
    for (const l of body.lines) expect(l.x).toBeGreaterThan(30 + bar.w);
  });
});
