import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useDroppable } from '@dnd-kit/core';
import type { RenderedPage } from '../../engine/deck-renderer.js';
import { measurePreview } from '../../engine/preview-timing.js';
import { zoneId, type DropData } from '../../dnd/drag-ids.js';
import { useActiveDrag } from '../../dnd/StudioDnd.js';
import { InlineSvg } from '../common/graphics.js';

interface SlideStageProps {
  slideId: string;
  /** The engine's time for the render these pages come from, for the preview timing. */
  engineMs?: { layout: number; paint: number };
  slideNumber: number;
  pages: RenderedPage[];
  aspect: number;
  loading: boolean;
}

/** The selected slide, large, exactly as it will export; posts can be dropped on it. */
export function SlideStage({ slideId, slideNumber, pages, aspect, loading, engineMs }: SlideStageProps) {
  const [page, setPage] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const size = useFit(box, aspect);
  const drag = useActiveDrag();
  useEffect(() => setPage(0), [slideId]);
  const shown = pages[Math.min(page, pages.length - 1)];
  const timing = useRef(engineMs);
  timing.current = engineMs;
  const onPainted = useCallback(() => measurePreview(timing.current), []);

  return (
    <div className="stage" ref={box}>
      <figure className="stage-paper" style={{ width: size.w, height: size.h }} aria-label={`Preview of slide ${slideNumber}`} data-testid="preview">
        {shown && <InlineSvg svg={shown.svg} className="stage-svg" onPainted={onPainted} />}
        {drag?.type === 'post' && (
          <div className="drop-zones">
            <DropZone slideId={slideId} mode="replace" label="Replace slide content" />
            <DropZone slideId={slideId} mode="append" label="Append to slide" />
          </div>
        )}
        {loading && <span className="stage-loading" role="status">Loading fonts and images…</span>}
      </figure>
      {pages.length > 1 && (
        <div className="pager" role="group" aria-label="Pages of this slide">
          {pages.map((p, i) => (
            <button key={i} type="button" className={i === page ? 'pager-dot is-active' : 'pager-dot'} aria-label={`Page ${i + 1} of ${pages.length}`}
              aria-pressed={i === page} onClick={() => setPage(i)} />
          ))}
          <span className="pager-note">Text continues over {pages.length} pages</span>
        </div>
      )}
    </div>
  );
}

function DropZone({ slideId, mode, label }: { slideId: string; mode: 'replace' | 'append'; label: string }) {
  const data: DropData = { type: 'zone', slideId, mode };
  const { setNodeRef, isOver } = useDroppable({ id: zoneId(mode), data });
  return (
    <div ref={setNodeRef} className={`drop-zone drop-zone-${mode}${isOver ? ' is-over' : ''}`}>
      <span>{label}</span>
    </div>
  );
}

/** Largest box of the slide's aspect that fits the stage, kept up to date as the window resizes. */
function useFit(ref: RefObject<HTMLDivElement | null>, aspect: number) {
  const [area, setArea] = useState({ w: 0, h: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setArea({ w: el.clientWidth, h: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  const pad = 24;
  const maxW = Math.max(0, area.w - pad * 2);
  const maxH = Math.max(0, area.h - pad * 2 - 20);
  const w = Math.min(maxW, maxH * aspect);
  return { w: Math.floor(w), h: Math.floor(w / aspect) };
}
