import { useEffect, useMemo, useRef, useState } from 'react';
import type { Deck } from 'spool/core';
import type { DeckRender } from '../engine/deck-renderer.js';
import { FaceNotLoaded } from '../engine/font-library.js';
import type { Services } from '../engine/services.js';

export interface RenderState {
  /** The latest finished render; while fonts load it is the previous one. */
  render?: DeckRender;
  /** True while fonts or images the deck needs are being fetched. */
  loading: boolean;
  error?: string;
}

/**
 * Renders the deck on every change, synchronously, so a keystroke reaches the preview in the same
 * frame. Faces and images that are not here yet are fetched and the deck rendered again.
 */
export function useDeckRender(services: Services, deck: Deck): RenderState {
  const [arrivals, setArrivals] = useState(0);
  const last = useRef<DeckRender | undefined>(undefined);

  const attempt = useMemo(() => {
    void arrivals;
    try {
      const render = services.renderer.render(deck);
      last.current = render;
      return { render };
    } catch (err) {
      if (err instanceof FaceNotLoaded) return { face: err };
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }, [services, deck, arrivals]);

  useEffect(() => {
    let live = true;
    const again = () => live && setArrivals((n) => n + 1);
    if (attempt.face) {
      attempt.face.load().then(again, again);
    } else if (services.renderer.mathLoading) {
      services.renderer.mathLoading.then(again, again);
    } else if (services.images.hasPending()) {
      services.images.loadPending().then((changed) => changed && again(), () => undefined);
    }
    return () => {
      live = false;
    };
  }, [attempt, services]);

  // One object per attempt: the render store wakes its readers only when this changes.
  return useMemo(() => {
    const loading = !!attempt.face || (attempt.render ? !attempt.render.complete : false);
    return { render: attempt.render ?? last.current, loading, error: attempt.error };
  }, [attempt]);
}
