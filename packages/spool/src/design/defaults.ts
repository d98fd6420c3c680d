import type { BrandKit, CallToAction, Design, PlanOptions, Typography } from './types.js';
import { DEFAULT_RATIO_ID, resolveRatio } from './ratios.js';
import { DEFAULT_THEME_ID } from './themes.js';
import { DEFAULT_LAYOUT_ID } from './layouts.js';

export const DEFAULT_TYPOGRAPHY: Typography = { titleSize: 36, bodySize: 18, chromeSize: 12 };

/** `{name}` and `{handle}` are filled from the brand kit, or the thread's author. */
export const DEFAULT_CTA_LINES = ['Found this useful?', 'Follow {name} for more', 'Repost ♻️ to share it with your network'];
/** What a subscribe outro says when the lines are still the defaults. */
export const SUBSCRIBE_CTA_LINES = ['Want the next one?', 'One carousel like this in your inbox every week', 'Subscribe — it’s free'];

export function defaultBrand(): BrandKit {
  return {
    show: {
      header: true, footer: true, avatar: true, name: true, handle: true,
      logo: true, website: true, pageNumbers: true, swipeHint: true,
    },
  };
}

export function defaultCta(): CallToAction {
  return { enabled: true, lines: [...DEFAULT_CTA_LINES] };
}

export function defaultPlanOptions(): PlanOptions {
  return { headings: 'section', images: 'slide', cover: true };
}

export function defaultDesign(): Design {
  return {
    ratio: resolveRatio(DEFAULT_RATIO_ID),
    theme: DEFAULT_THEME_ID,
    layout: DEFAULT_LAYOUT_ID,
    typography: { ...DEFAULT_TYPOGRAPHY },
    pattern: { id: 'dots' },
    brand: defaultBrand(),
    cta: defaultCta(),
    plan: defaultPlanOptions(),
  };
}
