import { describe, expect, it } from 'vitest';
import { centerIn, extentY, shiftY } from '../../src/layout/shift.js';
import type { LaidElement } from '../../src/layout/types.js';

const rect = (y: number, h: number): LaidElement => ({ type: 'rect', x: 0, y, w: 10, h, fill: '#000000' });
const text = (baseline: number, ascent = 8, descent = 2): LaidElement => ({
  type: 'text',
  lines: [{ x: 0, baseline, line: { width: 10, ascent, descent, runs: [], hardBreak: true } }],
});

describe('extentY', () => {
  it('spans rectangles by their box and text by ascent above and descent below the baseline', () => {
    expect(extentY([rect(50, 10), text(100)])).toEqual({ top: 50, bottom: 102 });
    expect(extentY([text(20)])).toEqual({ top: 12, bottom: 22 });
  });

  it('is undefined when nothing is drawn', () => {
    expect(extentY([])).toBeUndefined();
    expect(extentY([{ type: 'text', lines: [] }])).toBeUndefined();
  });
});

describe('shiftY', () => {
  it('moves boxes and baselines, not x, and leaves the original alone', () => {
    const original = text(20);
    expect(shiftY(rect(5, 10), 7)).toMatchObject({ y: 12, x: 0, h: 10 });
    expect(extentY([shiftY(original, -4)])).toEqual({ top: 8, bottom: 18 });
    expect(extentY([original])).toEqual({ top: 12, bottom: 22 });
  });
});

describe('centerIn', () => {
  it('moves a group into the vertical middle of the box', () => {
    const moved = centerIn([rect(100, 20), rect(130, 10)], { x: 0, y: 100, w: 100, h: 200 });
    const { top, bottom } = extentY(moved)!;
    expect(top - 100).toBeCloseTo(300 - bottom, 10);
  });

  it('never lifts a group above the top of the box', () => {
    const moved = centerIn([rect(40, 300)], { x: 0, y: 50, w: 100, h: 200 });
    expect(extentY(moved)!.top).toBe(50);
  });

  it('leaves a group that is already centred where it is', () => {
    const group = [rect(140, 20)];
    expect(centerIn(group, { x: 0, y: 100, w: 100, h: 100 })).toEqual(group);
    expect(centerIn([], { x: 0, y: 0, w: 10, h: 10 })).toEqual([]);
  });
});
