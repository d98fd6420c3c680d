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
    const map = new Map<string, { first: RenderedPage; pages: number }>();
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
        <ol className="strip-list">
          {props.slides.map((slide, i) => (
            <StripItem key={slide.id} slide={slide} index={i} page={bySlide.get(slide.id)?.first} pages={bySlide.get(slide.id)?.pages ?? 1}
              aspect={props.aspect} resources={props.resources} selected={slide.id === props.selectedId} postDrag={postDrag} onSelect={props.onSelect} />
          ))}
          <li className="strip-item">
            <Gap index={props.slides.length} active={postDrag} />
            <button type="button" className="thumb-add" style={{ aspectRatio: String(props.aspect) }} onClick={props.onAdd} aria-label="Add slide">
              <PlusIcon />
            </button>
          </li>
        </ol>
      </SortableContext>
    </div>
  );
});

type StripItemProps = Omit<SlideThumbProps, 'postOver'> & { postDrag: boolean };

/**
 * A slide's place in the strip: the gap before it and its thumbnail, as one memoised piece, so an edit
 * to one slide leaves React one comparison per other slide rather than three components to visit.
 */
const StripItem = memo(function StripItem({ postDrag, ...thumb }: StripItemProps) {
  return (
    <li className="strip-item">
      <Gap index={thumb.index} active={postDrag} />
      <SlideThumb {...thumb} postOver={postDrag} />
    </li>
  );
});

const Gap = memo(function Gap({ index, active }: { index: number; active: boolean }) {
  const data: DropData = { type: 'gap', index };
  const { setNodeRef, isOver } = useDroppable({ id: gapId(index), data, disabled: !active });
  return <div ref={setNodeRef} className={isOver ? 'gap is-over' : 'gap'} aria-hidden="true" data-gap={index} />;
});
