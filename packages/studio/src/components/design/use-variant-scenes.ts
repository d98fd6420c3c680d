import { useEffect, useState } from 'react';
import { buildScene, layoutDeck, type Deck, type Scene, type Slide, setDesign, type DesignPatch } from 'spool/core';
import { FaceNotLoaded } from '../../engine/font-library.js';
import type { Services } from '../../engine/services.js';

export interface Variant {
  id: string;
  patch: DesignPatch;
}

const SETTLE_MS = 200;

/**
 * Scenes for thumbnails of one slide under several designs (each theme, each layout), so the
 * pickers show the real result rather than a mock-up. They are drawn after edits settle, off the
 * typing path, and again once any font they need has arrived.
 */
export function useVariantScenes(services: Services, deck: Deck, slide: Slide | undefined, variants: readonly Variant[]): Map<string, Scene> {
  const [scenes, setScenes] = useState<Map<string, Scene>>(new Map());
  const [arrivals, setArrivals] = useState(0);
  const key = variants.map((v) => v.id).join('|');

  useEffect(() => {
    if (!slide) {
      setScenes(new Map());
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      const out = new Map<string, Scene>();
      const loads: Promise<void>[] = [];
      for (const v of variants) {
        try {
          out.set(v.id, sceneOfVariant(services, deck, slide, v.patch));
        } catch (err) {
          // Themes with other fonts wait for them; the rest are shown now, all missing faces fetched at once.
          if (err instanceof FaceNotLoaded) loads.push(err.load());
        }
      }
      if (!live) return;
      setScenes((old) => {
        for (const v of variants) if (!out.has(v.id) && old.has(v.id)) out.set(v.id, old.get(v.id)!);
        return out;
      });
      if (loads.length) Promise.allSettled(loads).then(() => live && setArrivals((n) => n + 1));
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // Variants are rebuilt each render; their ids say when they really changed.
  }, [services, deck.design, slide, key, arrivals]);

  return scenes;
}

function sceneOfVariant(services: Services, deck: Deck, slide: Slide, patch: DesignPatch): Scene {
  const design = setDesign({ ...deck, slides: [] }, patch).design;
  const { highlight, math } = services.renderer;
  const laidOut = layoutDeck({ ...deck, design, slides: [slide] }, services.fonts.engine, services.images.lookup, { ...(highlight ? { highlight } : {}), ...(math ? { math } : {}) });
  return buildScene(laidOut, laidOut.pages[0]);
}
