import { memo, useCallback, useMemo } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { PaintResources, Slide } from 'spool/core';
import { ontoId, slideDragId, type DragData, type DropData } from '../../dnd/drag-ids.js';
import { SceneImage } from '../common/graphics.js';
import type { RenderedPage } from '../../engine/deck-renderer.js';
import { countThumbRender } from '../../engine/preview-timing.js';

export interface SlideThumbProps {
  slide: Slide;
  index: number;
  /** The slide's first page as the engine painted it: the same object while it does not change. */
  page?: RenderedPage;
  pages: number;
  aspect: number;
  /** The fonts and pictures the page's scene names. */
  resources: PaintResources;
  selected: boolean;
  postOver: boolean;
  onSelect(id: string): void;
}

/** A thumbnail's width in CSS pixels, as `.thumb` sets it. */
const THUMB_WIDTH = 76;

const KIND_LABEL: Record<Slide['kind'], string> = { cover: 'Cover', content: 'Slide', section: 'Section', image: 'Image', outro: 'Outro' };

/**
 * A slide in the strip: sortable among slides, and a drop target for posts. Both come from
 * dnd-kit, on the same element; the collision rules decide which one a drag sees.
 */
export const SlideThumb = memo(function SlideThumb({ slide, index, page, pages, aspect, resources, selected, postOver, onSelect }: SlideThumbProps) {
  countThumbRender(slide.id);
  const data = useMemo((): DragData => ({ type: 'slide', slideId: slide.id }), [slide.id]);
  const sortable = useSortable({ id: slideDragId(slide.id), data });
  const drop = useMemo((): DropData => ({ type: 'onto', slideId: slide.id }), [slide.id]);
  const droppable = useDroppable({ id: ontoId(slide.id), data: drop });
  const { setNodeRef: setSortableRef } = sortable;
  const { setNodeRef: setDroppableRef } = droppable;
  const ref = useCallback((el: HTMLElement | null) => {
    setSortableRef(el);
    setDroppableRef(el);
  }, [setSortableRef, setDroppableRef]);
  const style = { transform: CSS.Transform.toString(sortable.transform), transition: sortable.transition };
  const classes = ['thumb', selected && 'is-selected', sortable.isDragging && 'is-dragging', postOver && droppable.isOver && 'is-drop-target'];
  const label = `${KIND_LABEL[slide.kind]} ${index + 1}${pages > 1 ? `, ${pages} pages` : ''}`;
  return (
    <div
      ref={ref}
      style={style}
      className={classes.filter(Boolean).join(' ')}
      data-slide-id={slide.id}
    >
      <button
        {...sortable.attributes}
        {...sortable.listeners}
        type="button"
        className="thumb-button"
        aria-label={`${label}${selected ? ' (selected)' : ''}`}
        aria-pressed={selected}
        aria-roledescription="sortable slide"
        onClick={() => onSelect(slide.id)}
      >
        <span className="thumb-frame" style={{ aspectRatio: String(aspect) }}>
          {page ? <SceneImage scene={page.scene} version={page.svg} resources={resources} alt="" className="thumb-img" width={THUMB_WIDTH} /> : <span className="thumb-skeleton" />}
        </span>
      </button>
      <span className="thumb-meta" aria-hidden="true">
        <span className="thumb-num">{index + 1}</span>
        {slide.kind !== 'content' && <span className="thumb-kind">{KIND_LABEL[slide.kind]}</span>}
        {pages > 1 && <span className="thumb-kind">+{pages - 1}</span>}
      </span>
    </div>
  );
});
