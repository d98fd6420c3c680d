import type { Author, SpoolDocument } from '../model/document.js';
import type { Deck, Slide } from '../model/deck.js';
import type { Design, Ratio } from '../design/types.js';
import { resolveDesign } from '../design/resolve.js';
import type { DesignInput } from '../design/resolve.js';
import { resolveRatio } from '../design/ratios.js';
import { ctaBlocks } from '../plan/outro.js';
import { planDeck } from '../plan/plan-deck.js';
import { nextSlideId, withSlides } from './slide-actions.js';
import { definedOnly } from '../design/defined-only.js';

/**
 * A change to part of the design. Inside the nested parts a key given as `undefined` is removed
 * (a logo taken away, a pattern colour back to the theme's), which a plain merge could not say.
 */
export type DesignPatch = Omit<DesignInput, 'ratio' | 'colors'> & { ratio?: Ratio | string; colors?: DesignInput['colors'] | null };

export function setDesign(deck: Deck, patch: DesignPatch): Deck {
  const d = deck.design;
  const merged: Design = {
    ratio: patch.ratio === undefined ? d.ratio : typeof patch.ratio === 'string' ? resolveRatio(patch.ratio) : { ...patch.ratio },
    theme: patch.theme ?? d.theme,
    layout: patch.layout ?? d.layout,
    typography: mergePart(d.typography, patch.typography),
    pattern: mergePart(d.pattern, patch.pattern),
    brand: { ...mergePart(d.brand, omitShow(patch.brand)), show: { ...d.brand.show, ...definedOnly(patch.brand?.show) } },
    cta: mergePart(d.cta, patch.cta),
    plan: mergePart(d.plan, patch.plan),
    // Picking a preset theme leaves the custom colours; `colors: null` clears them too.
    ...definedOnly({ progress: patch.progress ?? d.progress, colors: patch.colors === null || (patch.theme && !patch.colors) ? undefined : (patch.colors ?? d.colors), align: patch.align ?? d.align, coverStyle: patch.coverStyle ?? d.coverStyle }),
  };
  // The one validating door for designs: unknown ids and sizes out of range fail here, by name.
  const design = resolveDesign({}, merged);
  return syncOutro({ ...deck, design });
}

/** A saved preset: every design choice at once. */
export function applyPreset(deck: Deck, args: { design: Design }): Deck {
  return syncOutro({ ...deck, design: resolveDesign({}, structuredClone(args.design)) });
}

/**
 * Keeps the outro in step with the call to action: its lines (with the brand's name filled in)
 * when it is on, no outro when it is off, and an outro at the end when it is turned on.
 */
export function syncOutro(deck: Deck): Deck {
  const { cta } = deck.design;
  const author = firstAuthor(deck);
  if (!cta.enabled) {
    const slides = deck.slides.filter((s) => s.kind !== 'outro');
    return slides.length === deck.slides.length ? deck : withSlides(deck, slides);
  }
  const blocks = ctaBlocks(deck.design, author);
  if (!deck.slides.some((s) => s.kind === 'outro')) {
    const outro: Slide = { id: nextSlideId(deck), kind: 'outro', blocks, media: [], postIds: [], ...(author ? { author } : {}) };
    return withSlides(deck, [...deck.slides, outro]);
  }
  let changed = false;
  const slides = deck.slides.map((s) => {
    if (s.kind !== 'outro' || JSON.stringify(s.blocks) === JSON.stringify(blocks)) return s;
    changed = true;
    return { ...s, blocks };
  });
  return changed ? withSlides(deck, slides) : deck;
}

/** Slides planned afresh from the source posts, keeping the deck's design. */
export function planFromDocument(deck: Deck, args: { document: SpoolDocument }): Deck {
  const planned = planDeck(args.document, deck.design);
  return { ...planned, title: planned.title ?? deck.title };
}

function firstAuthor(deck: Deck): Author | undefined {
  return deck.slides.find((s) => s.author)?.author;
}

function mergePart<T extends object>(base: T, patch: Partial<T> | undefined): T {
  if (!patch) return base;
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete out[key];
    else out[key] = value;
  }
  return out as T;
}

function omitShow<T extends { show?: unknown }>(brand: T | undefined): Omit<T, 'show'> | undefined {
  if (!brand) return undefined;
  const { show: _show, ...rest } = brand;
  return rest;
}
