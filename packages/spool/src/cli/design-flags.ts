import type { DesignInput } from '../design/resolve.js';
import type { SpoolDocument } from '../model/document.js';
import { linkOutroForArticles as linkOutro, withBrandKit } from '../node/brand-design.js';
import { designFromFlags, type CliFlags } from './args.js';

/** The design the flags ask for, with `--brand`'s kit read in (the command line wins over the kit). */
export function designWithBrand(flags: CliFlags): Promise<DesignInput> {
  return withBrandKit(designFromFlags(flags), flags.brand);
}

export function linkOutroForArticles(design: DesignInput, document: SpoolDocument, flags: CliFlags): void {
  linkOutro(design, document, flags.outro !== undefined);
}
