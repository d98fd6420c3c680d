import { memo, useDeferredValue, useMemo } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, horizontalListSortingStrategy } from '@dnd-kit/sortable';
import type { PaintResources, Slide } from 'spool/core';
import type { RenderedPage } from '../../engine/deck-renderer.js';
import { gapId, slideDragId, type DropData } from '../../dnd/drag-ids.js';
import { useActiveDrag } from '../../dnd/StudioDnd.js';
import { PlusIcon } from '../common/graphics.js';
import { SlideThumb, type SlideThumbProps } from './SlideThumb.js';

interface SlideStripProps {
  slides: Slide[];
  pages: RenderedPage[];
  aspect: number;
  resources: PaintResources;
  selectedId: string | null;
  onSelect(id: string): void;
  onAdd(): void;
}

/**
 * The reorderable row of slides, with gaps a post can be dropped into as a new slide. An edit to one
 * slide renders only that slide's thumbnail again: the others get the same props (their SVG string is
 * kept by the renderer) and the sortable list the same ids, so their memo holds.
 */
export const SlideStrip = memo(function SlideStrip(props: SlideStripProps) {
  // Typing updates the big preview first; the strip's one changed thumbnail follows a frame later.
  const pages = useDeferredValue(props.pages);
  const drag = useActiveDrag();
  const postDrag = drag?.type === 'post';
  const bySlide = useMemo(() => {
    const map: PagesBySlide = new Map();
    for (const p of pages) {
      const known = map.get(p.slideId);
      if (known) known.pages++;
      else map.set(p.slideId, { first: p, pages: 1 });
    }
    return map;
  }, [pages]);
  const idKey = props.slides.map((s) => s.id).join('\u0000');
  // The ids, not the slide objects, decide the list: an edit inside a slide keeps it.
  const items = useMemo(() => props.slides.map((s) => slideDragId(s.id)), [idKey]);

  return (
    <div className={postDrag ? 'strip is-post-drag' : 'strip'} role="region" aria-label="Slides">
      <SortableContext items={items} strategy={horizontalListSortingStrategy}>
        <div className="strip-list" role="list">
          {runsOf(props.slides).map((run, r) => (
            <StripRun key={r} slides={run} from={r * SLIDES_PER_RUN} bySlide={bySlide} aspect={props.aspect} resources={props.resources}
              selectedId={props.selectedId} postDrag={postDrag} onSelect={props.onSelect} />
          ))}
          <div className="strip-item strip-end" role="listitem">
            <Gap index={props.slides.length} active={postDrag} />
            <button type="button" className="thumb-add" style={{ aspectRatio: String(props.aspect) }} onClick={props.onAdd} aria-label="Add slide">
              <PlusIcon />
            </button>
          </div>
        </div>
      </SortableContext>
    </div>
  );
});

/**
 * Thumbnails in runs of this many: the browser skips a run out of view as a whole (content-visibility),
 * so a 300-slide deck leaves it 15 runs to track and hit-test on every frame, not 300 thumbnails.
 */
export const SLIDES_PER_RUN = 20;

type PagesBySlide = Map<string, { first: RenderedPage; pages: number }>;

interface StripRunProps {
  slides: Slide[];
  /** The index of the run's first slide in the deck. */
  from: number;
  bySlide: PagesBySlide;
  aspect: number;
  resources: PaintResources;
  selectedId: string | null;
  postDrag: boolean;
  onSelect(id: string): void;
}

/** A run of thumbnails, rendered again only when one of its own slides, pages or selection changed. */
const StripRun = memo(function StripRun({ slides, from, bySlide, selectedId, ...rest }: StripRunProps) {
  return (
    <div className="strip-run">
      {slides.map((slide, j) => (
        <StripItem key={slide.id} slide={slide} index={from + j} page={bySlide.get(slide.id)?.first} pages={bySlide.get(slide.id)?.pages ?? 1}
          selected={slide.id === selectedId} {...rest} />
      ))}
    </div>
  );
}, sameRun);

/** Typing in one slide gives the strip new slide and page lists; the other runs compare their own items. */
function sameRun(a: StripRunProps, b: StripRunProps): boolean {
  if (a.from !== b.from || a.aspect !== b.aspect || a.resources !== b.resources || a.postDrag !== b.postDrag || a.onSelect !== b.onSelect) return false;
  if (a.slides.length !== b.slides.length) return false;
  return a.slides.every((slide, i) => {
    const other = b.slides[i];
    if (slide !== other) return false;
    const was = a.bySlide.get(slide.id);
    const now = b.bySlide.get(slide.id);
    return was?.first === now?.first && was?.pages === now?.pages && (slide.id === a.selectedId) === (slide.id === b.selectedId);
  });
}

function runsOf(slides: Slide[]): Slide[][] {
  const runs: Slide[][] = [];
  for (let i = 0; i < slides.length; i += SLIDES_PER_RUN) runs.push(slides.slice(i, i + SLIDES_PER_RUN));
  return runs;
}

type StripItemProps = Omit<SlideThumbProps, 'postOver'> & { postDrag: boolean };

/**
 * A slide's place in the strip: the gap before it and its thumbnail, as one memoised piece, so an edit
 * to one slide leaves React one comparison per other slide rather than three components to visit.
 */
const StripItem = memo(function StripItem({ postDrag, ...thumb }: StripItemProps) {
  return (
    <div className="strip-item" role="listitem">
      <Gap index={thumb.index} active={postDrag} />
      <SlideThumb {...thumb} postOver={postDrag} />
    </div>
  );
});

const Gap = memo(function Gap({ index, active }: { index: number; active: boolean }) {
  const data: DropData = { type: 'gap', index };
  const { setNodeRef, isOver } = useDroppable({ id: gapId(index), data, disabled: !active });
  return <div ref={setNodeRef} className={isOver ? 'gap is-over' : 'gap'} aria-hidden="true" data-gap={index} />;
});
