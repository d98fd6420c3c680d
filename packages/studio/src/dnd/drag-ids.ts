import type { Active, Over } from '@dnd-kit/core';

/** The names dnd-kit knows drags and drop targets by, shared by the cards, the strip and the context. */

/** What is being dragged: a source post, or a slide in the strip. */
export type DragData = { type: 'post'; postId: string } | { type: 'slide'; slideId: string };

/** Where a post can land: on a slide, in a gap between slides, or on a zone over the preview. */
export type DropData =
  | { type: 'onto'; slideId: string }
  | { type: 'gap'; index: number }
  | { type: 'zone'; slideId: string; mode: 'replace' | 'append' };

export const postDragId = (postId: string) => `post:${postId}`;
export const slideDragId = (slideId: string) => `slide:${slideId}`;
export const ontoId = (slideId: string) => `onto:${slideId}`;
export const gapId = (index: number) => `gap:${index}`;
export const zoneId = (mode: 'replace' | 'append') => `zone:${mode}`;

export function dragData(active: Active | null): DragData | undefined {
  return active?.data.current as DragData | undefined;
}

export function dropData(over: Over | null): DropData | undefined {
  return over?.data.current as DropData | undefined;
}
