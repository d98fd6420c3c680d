import type { Author, Block, MediaRef, Span, TextDirection } from './document.js';
import type { Design, TextAlign } from '../design/types.js';

export const DECK_SCHEMA_VERSION = 1 as const;

export type SlideKind = 'cover' | 'content' | 'section' | 'image' | 'outro';

/**
 * One planned slide. Layout may still spread a long slide over several pages
 * (continuations), so page numbers are only known after layout.
 */
export interface Slide {
  id: string;
  kind: SlideKind;
  /** Overrides the deck's layout template for this slide. */
  layout?: string;
  /** Overrides the deck's text alignment for this slide. */
  align?: TextAlign;
  title?: Span[];
  blocks: Block[];
  media: MediaRef[];
  /** The posts this slide came from (empty for the outro or slides made by hand). */
  postIds: string[];
  /** Shown by post-card layouts and the cover. */
  author?: Author;
}

export interface Deck {
  schemaVersion: typeof DECK_SCHEMA_VERSION;
  title?: string;
  url?: string;
  /** The source's language and direction (see SpoolDocument), for fonts and the writing direction. */
  lang?: string;
  dir?: TextDirection;
  slides: Slide[];
  design: Design;
}
