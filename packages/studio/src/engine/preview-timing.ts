/**
 * How long an edit takes to reach the large preview, as performance marks and measures named
 * `spool:preview` (to the preview's DOM) and `spool:frame` (to the frame after it), with the last one
 * kept on `window.spoolPreview` for tests and curious users.
 */

export interface PreviewTiming {
  /** Edit to the preview's DOM being replaced (layout, scene, SVG and React commit). */
  ms: number;
  /** Edit to the frame after it, so the browser's own style and paint are counted too. */
  frameMs?: number;
  /** Of which the engine: laying out the changed slide, and building and painting its pages. */
  layoutMs?: number;
  paintMs?: number;
  /** Slides whose thumbnails React rendered for the edit: one (the edited slide) when the strip is incremental. */
  thumbs: number;
  count: number;
}

declare global {
  interface Window {
    spoolPreview?: PreviewTiming;
  }
}

let started = false;
let count = 0;
const thumbs = new Set<string>();

/** Called where an edit starts (a keystroke in a slide's text, a slider moving). */
export function markEditStart(): void {
  performance.mark('spool:edit');
  started = true;
  thumbs.clear();
}

/** Called by each slide thumbnail as it renders; the strip may follow the preview by a frame. */
export function countThumbRender(slideId: string): void {
  thumbs.add(slideId);
  if (window.spoolPreview && !started) window.spoolPreview.thumbs = thumbs.size;
}

/** Called once the preview shows the edited slide, with the engine's share of the work. */
export function measurePreview(engineMs?: { layout: number; paint: number }): void {
  if (!started) return;
  started = false;
  const measure = performance.measure('spool:preview', 'spool:edit');
  const timing: PreviewTiming = { ms: round(measure.duration), layoutMs: engineMs && round(engineMs.layout), paintMs: engineMs && round(engineMs.paint), thumbs: thumbs.size, count: ++count };
  window.spoolPreview = timing;
  requestAnimationFrame(() => {
    setTimeout(() => {
      const frame = performance.measure('spool:frame', { start: measure.startTime, end: performance.now() });
      timing.frameMs = round(frame.duration);
    }, 0);
  });
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
