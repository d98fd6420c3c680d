import { memo } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Slide } from 'spool/core';
import { ontoId, slideDragId, type DragData, type DropData } from '../../dnd/drag-ids.js';
import { SvgImage } from '../common/graphics.js';

interface SlideThumbProps {
  slide: Slide;
  index: number;
  /** SVG of the slide's first page, painted by the engine. */
  svg?: string;
  pages: number;
  aspect: number;
  selected: boolean;
  postOver: boolean;
  onSelect(id: string): void;
}

const KIND_LABEL: Record<Slide['kind'], string> = { cover: 'Cover', content: 'Slide', section: 'Section', image: 'Image', outro: 'Outro' };

/**
 * A slide in the strip: sortable among slides, and a drop target for posts. Both come from
 * dnd-kit, on the same element; the collision rules decide which one a drag sees.
 */
export const SlideThumb = memo(function SlideThumb({ slide, index, svg, pages, aspect, selected, postOver, onSelect }: SlideThumbProps) {
  const data: DragData = { type: 'slide', slideId: slide.id };
  const sortable = useSortable({ id: slideDragId(slide.id), data });
  const drop: DropData = { type: 'onto', slideId: slide.id };
  const droppable = useDroppable({ id: ontoId(slide.id), data: drop });
  const style = { transform: CSS.Transform.toString(sortable.transform), transition: sortable.transition };
  const classes = ['thumb', selected && 'is-selected', sortable.isDragging && 'is-dragging', postOver && droppable.isOver && 'is-drop-target'];
  const label = `${KIND_LABEL[slide.kind]} ${index + 1}${pages > 1 ? `, ${pages} pages` : ''}`;
  return (
    <div
      ref={(el) => {
        sortable.setNodeRef(el);
        droppable.setNodeRef(el);
      }}
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
          {svg ? <SvgImage svg={svg} alt="" className="thumb-img" /> : <span className="thumb-skeleton" />}
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
