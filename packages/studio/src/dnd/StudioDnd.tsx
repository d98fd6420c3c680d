import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  closestCenter, DndContext, DragOverlay, KeyboardSensor, pointerWithin, PointerSensor, useSensor, useSensors,
  type Announcements, type CollisionDetection, type DragEndEvent, type DragStartEvent, type KeyboardCoordinateGetter, type UniqueIdentifier,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { nextSlideId, type Post } from 'spool/core';
import { useStudioActions } from '../state/studio-context.js';
import { PostDragPreview } from '../components/source/PostCard.js';
import { dragData, dropData, type DragData } from './drag-ids.js';
import { act } from '../state/deck-actions.js';

const ActiveDragContext = createContext<DragData | undefined>(undefined);

/** What is being dragged right now, so drop zones can show themselves. */
export function useActiveDrag(): DragData | undefined {
  return useContext(ActiveDragContext);
}

/** Alt or Shift held while dropping a post appends it instead of replacing the slide. */
function useAppendModifier() {
  const held = useRef(false);
  useEffect(() => {
    const track = (e: KeyboardEvent | PointerEvent) => {
      held.current = e.altKey || e.shiftKey;
    };
    window.addEventListener('keydown', track, true);
    window.addEventListener('keyup', track, true);
    window.addEventListener('pointermove', track, true);
    return () => {
      window.removeEventListener('keydown', track, true);
      window.removeEventListener('keyup', track, true);
      window.removeEventListener('pointermove', track, true);
    };
  }, []);
  return held;
}

export function StudioDnd({ children }: { children: ReactNode }) {
  // Actions only: the drag context must not change on every edit, or every draggable post and
  // sortable slide under it would render again for each keystroke. Handlers read the deck as it is.
  const studio = useStudioActions();
  const [active, setActive] = useState<DragData | undefined>();
  const append = useAppendModifier();
  const sensors = useSensors(useSensor(PointerSensor, POINTER_OPTIONS), useSensor(KeyboardSensor, KEYBOARD_OPTIONS));
  const postById = (id: string): Post | undefined => studio.current().document.posts.find((p) => p.id === id);

  const onDragEnd = useCallback(({ active: a, over }: DragEndEvent) => {
    keyboardTarget = undefined;
    setActive(undefined);
    const { deck, document } = studio.current();
    const drag = dragData(a);
    const drop = dropData(over);
    if (!drag) return;
    if (drag.type === 'slide') {
      const to = deck.slides.findIndex((s) => `slide:${s.id}` === over?.id);
      if (to >= 0) studio.edit(act.moveSlide({ slideId: drag.slideId, to }), { select: drag.slideId });
      return;
    }
    const post = document.posts.find((p) => p.id === drag.postId);
    if (!post || !drop) return;
    if (drop.type === 'gap') {
      const id = nextSlideId(deck);
      studio.edit(act.insertPost({ post, at: drop.index }), { select: id });
    } else {
      const mode = drop.type === 'zone' ? drop.mode : append.current ? 'append' : 'replace';
      studio.edit(act.applyPostToSlide({ post, slideId: drop.slideId, mode }), { select: drop.slideId });
    }
  }, [studio, append]);

  const accessibility = useMemo(() => {
    const slideNumber = (id: string) => studio.current().deck.slides.findIndex((s) => s.id === id) + 1;
    const describe = (id: string | number | undefined): string => {
      const s = String(id ?? '');
      if (s.startsWith('onto:')) return `slide ${slideNumber(s.slice(5))}`;
      if (s.startsWith('gap:')) return `a new slide at position ${Number(s.slice(4)) + 1}`;
      if (s.startsWith('zone:append')) return 'the end of the selected slide';
      if (s.startsWith('zone:replace')) return 'the selected slide, replacing it';
      if (s.startsWith('slide:')) return `position ${slideNumber(s.slice(6))}`;
      if (s.startsWith('post:')) return `post ${s.slice(5)}`;
      return 'nothing';
    };
    const announcements: Announcements = {
      onDragStart: ({ active: a }) => `Picked up ${describe(a.id)}.`,
      onDragOver: ({ active: a, over }) => `${describe(a.id)} is over ${describe(over?.id)}.`,
      onDragEnd: ({ active: a, over }) => (over ? `Dropped ${describe(a.id)} on ${describe(over.id)}.` : `${describe(a.id)} was not dropped.`),
      onDragCancel: ({ active: a }) => `Moving ${describe(a.id)} was cancelled.`,
    };
    return {
      announcements,
      screenReaderInstructions: {
        draggable: 'Press space to pick up. Use the arrow keys to move over a slide or between slides, then press space or enter to drop. Hold Shift while dropping a post to append it. Press escape to cancel.',
      },
    };
  }, [studio]);
  const onDragStart = useCallback(({ active: a }: DragStartEvent) => {
    keyboardTarget = undefined;
    setActive(dragData(a));
  }, []);
  const onDragCancel = useCallback(() => {
    keyboardTarget = undefined;
    setActive(undefined);
  }, []);

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={studioCollisions}
      onDragStart={onDragStart}
      onDragCancel={onDragCancel}
      onDragEnd={onDragEnd}
      accessibility={accessibility}
    >
      <ActiveDragContext.Provider value={active}>{children}</ActiveDragContext.Provider>
      <DragOverlay dropAnimation={null}>
        {active?.type === 'post' && postById(active.postId) ? <PostDragPreview post={postById(active.postId)!} /> : null}
      </DragOverlay>
    </DndContext>
  );
}

const POINTER_OPTIONS = { activationConstraint: { distance: 5 } };

const POST_TARGET = /^(onto|gap|zone):/;

/**
 * Posts only land on post targets and slides only sort among slides. With a pointer, a post lands
 * only where the pointer is (zones and gaps before the slide under them); from the keyboard there
 * is no pointer, so the nearest target wins.
 */
export const studioCollisions: CollisionDetection = (args) => {
  const kind = dragData(args.active)?.type;
  const droppableContainers = args.droppableContainers.filter((c) =>
    kind === 'post' ? POST_TARGET.test(String(c.id)) : String(c.id).startsWith('slide:'),
  );
  const scoped = { ...args, droppableContainers };
  if (kind === 'post' && !args.pointerCoordinates && keyboardTarget !== undefined) {
    const held = droppableContainers.find((c) => c.id === keyboardTarget);
    if (held) return [{ id: held.id, data: { droppableContainer: held, value: 0 } }];
  }
  if (kind === 'post' && args.pointerCoordinates) {
    const hits = pointerWithin(scoped);
    const rank = (id: string) => (id.startsWith('zone:') ? 0 : id.startsWith('gap:') ? 1 : 2);
    return hits.sort((a, b) => rank(String(a.id)) - rank(String(b.id)));
  }
  return closestCenter(scoped);
};

const KEY_STEP: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/** The place a post held from the keyboard is over, chosen by the arrow keys (one drag at a time). */
let keyboardTarget: UniqueIdentifier | undefined;

/**
 * Arrow keys while a post is held step through the places it can land, in the strip's order: the
 * gap before the first slide, the first slide, the gap after it, and so on. The step is chosen
 * here and `studioCollisions` reports it; measuring distances would not do, since the post starts
 * in another panel and the strip scrolls under it. Slides keep the sortable behaviour.
 */
export const studioKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  const { active, droppableRects, droppableContainers, over } = args.context;
  if (dragData(active)?.type !== 'post') return sortableKeyboardCoordinates(event, args);
  const step = KEY_STEP[event.code];
  if (step === undefined) return undefined;
  event.preventDefault();
  const targets = droppableContainers
    .getEnabled()
    .filter((c) => /^(onto|gap):/.test(String(c.id)) && droppableRects.has(c.id))
    .map((c) => ({ container: c, rect: droppableRects.get(c.id)! }))
    .sort((a, b) => (Math.abs(a.rect.top - b.rect.top) > 40 ? a.rect.top - b.rect.top : a.rect.left - b.rect.left));
  if (targets.length === 0) return undefined;
  const at = targets.findIndex((t) => t.container.id === (keyboardTarget ?? over?.id));
  const next = targets[at < 0 ? (step > 0 ? 0 : targets.length - 1) : Math.min(targets.length - 1, Math.max(0, at + step))];
  keyboardTarget = next.container.id;
  next.container.node.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  // A one-pixel nudge on both axes makes dnd-kit move the held post (a move on one axis alone it
  // may turn into scrolling the strip) and so ask for collisions again.
  const { x, y } = args.currentCoordinates;
  return { x: x + step, y: y + (Math.round(y) % 2 === 0 ? 1 : -1) };
};

// Enter keeps its meaning (select, press); Space lifts and drops, as dnd-kit's instructions say.
const KEYBOARD_OPTIONS = {
  coordinateGetter: studioKeyboardCoordinates,
  keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
};
