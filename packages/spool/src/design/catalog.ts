import { FONT_FAMILIES } from './fonts.js';
import { LAYOUTS, PATTERNS } from './layouts.js';
import { RATIOS } from './ratios.js';
import { THEMES } from './themes.js';

/** One entry of a design list: its id, a name for people, a line about it, and the record itself. */
export interface CatalogRow {
  id: string;
  label: string;
  description: string;
  data: unknown;
}

/** What a design may be made of, list by list, as `spool list` prints it. */
export const DESIGN_LISTS = {
  themes: () => THEMES.map((t) => ({ id: t.id, label: t.label, description: `${t.background} / ${t.accent}, ${t.titleFont} titles`, data: t })),
  layouts: () => LAYOUTS.map((l) => ({ id: l.id, label: l.label, description: l.description, data: l })),
  ratios: () => RATIOS.map((r) => ({ id: r.id, label: r.label, description: `${r.width}x${r.height}`, data: r })),
  patterns: () => PATTERNS.map((p) => ({ id: p.id, label: p.label, description: '', data: p })),
  fonts: () => FONT_FAMILIES.map((f) => ({ id: f.id, label: f.label, description: f.role, data: f })),
} satisfies Record<string, () => CatalogRow[]>;

export type DesignListName = keyof typeof DESIGN_LISTS;

export const DESIGN_LIST_NAMES = Object.keys(DESIGN_LISTS) as DesignListName[];

export function isDesignListName(name: string): name is DesignListName {
  return Object.hasOwn(DESIGN_LISTS, name);
}
