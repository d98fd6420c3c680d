import type { DesignInput } from '../design/resolve.js';
import { definedOnly } from '../design/defined-only.js';
import type { SpoolDocument } from '../model/document.js';
import { readBrandKit } from './brand-file.js';

/** Reads a brand kit file into the design; what the caller set (shown parts, colours) wins over the kit. */
export async function withBrandKit(design: DesignInput, kitFile: string | undefined): Promise<DesignInput> {
  if (!kitFile) return design;
  const { brand: kit, colors } = await readBrandKit(kitFile);
  design.brand = { ...kit, show: { ...kit.show, ...definedOnly(design.brand?.show) } };
  design.colors ??= colors;
  return design;
}

/** A condensed article's outro sends readers to the whole piece, unless an outro was chosen. */
export function linkOutroForArticles(design: DesignInput, document: SpoolDocument, outroChosen: boolean): void {
  if (!outroChosen && document.source && document.url) design.cta = { ...design.cta, style: 'link' };
}
