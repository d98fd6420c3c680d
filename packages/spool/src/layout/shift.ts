import type { Box } from './context.js';
import type { LaidElement } from './types.js';

export function shiftY(e: LaidElement, dy: number): LaidElement {
  if (e.type === 'text') return { ...e, lines: e.lines.map((l) => ({ ...l, baseline: l.baseline + dy })) };
  return { ...e, y: e.y + dy };
}

/** Moves a group sideways so it sits in the horizontal middle of the box. */
export function centreX(elements: readonly LaidElement[], box: Box): LaidElement[] {
  let left = Infinity;
  let right = -Infinity;
  for (const e of elements) {
    if (e.type === 'text') {
      for (const l of e.lines) {
        left = Math.min(left, l.x);
        right = Math.max(right, l.x + l.line.width);
      }
    } else {
      left = Math.min(left, e.x);
      right = Math.max(right, e.x + e.w);
    }
  }
  if (left === Infinity) return [...elements];
  const dx = box.x + (box.w - (right - left)) / 2 - left;
  return elements.map((e) => (e.type === 'text' ? { ...e, lines: e.lines.map((l) => ({ ...l, x: l.x + dx })) } : { ...e, x: e.x + dx }));
}

/** Topmost and lowest points drawn by a group of elements. */
export function extentY(elements: readonly LaidElement[]): { top: number; bottom: number } | undefined {
  let top = Infinity;
  let bottom = -Infinity;
  for (const e of elements) {
    if (e.type === 'text') {
      for (const l of e.lines) {
        top = Math.min(top, l.baseline - l.line.ascent);
        bottom = Math.max(bottom, l.baseline + l.line.descent);
      }
    } else {
      top = Math.min(top, e.y);
      bottom = Math.max(bottom, e.y + e.h);
    }
  }
  return top === Infinity ? undefined : { top, bottom };
}

/** Moves a group so it sits in the vertical middle of the box (never above the box's top). */
export function centerIn(elements: readonly LaidElement[], box: Box): LaidElement[] {
  const extent = extentY(elements);
  if (!extent) return [...elements];
  const dy = Math.max(box.y - extent.top, (box.y + box.h - extent.bottom - (extent.top - box.y)) / 2);
  return dy > 0.5 ? elements.map((e) => shiftY(e, dy)) : [...elements];
}
