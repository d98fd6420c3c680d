/**
 * How long an edit takes to reach the large preview, as performance marks and measures named
 * `spool:preview`, with the last one kept on `window.spoolPreview` for tests and curious users.
 */

export interface PreviewTiming {
  /** Edit to the preview's DOM being replaced (layout, scene, SVG and React commit). */
  ms: number;
  /** Edit to the frame after it, so the browser's own style and paint are counted too. */
  frameMs?: number;
  /** Of which the engine: laying out the changed slide, and building and painting its pages. */
  layoutMs?: number;
  paintMs?: number;
  count: number;
}

declare global {
  interface Window {
    spoolPreview?: PreviewTiming;
  }
}

let started = false;
let count = 0;

/** Called where an edit starts (a keystroke in a slide's text, a slider moving). */
export function markEditStart(): void {
  performance.mark('spool:edit');
  started = true;
}

/** Called once the preview shows the edited slide, with the engine's share of the work. */
export function measurePreview(engineMs?: { layout: number; paint: number }): void {
  if (!started) return;
  started = false;
  const measure = performance.measure('spool:preview', 'spool:edit');
  const timing: PreviewTiming = { ms: round(measure.duration), layoutMs: engineMs && round(engineMs.layout), paintMs: engineMs && round(engineMs.paint), count: ++count };
  window.spoolPreview = timing;
  requestAnimationFrame(() => {
    setTimeout(() => {
      timing.frameMs = round(performance.now() - measure.startTime);
    }, 0);
  });
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
