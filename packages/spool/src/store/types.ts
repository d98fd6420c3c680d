import type { SpoolDocument } from '../model/document.js';
import type { Deck } from '../model/deck.js';
import type { Design } from '../design/types.js';
import type { StoredBrandKit } from './brand-kit.js';

/** A carousel being made: the source posts and the deck built from them. */
export interface Project {
  id: string;
  name: string;
  document: SpoolDocument;
  deck: Deck;
  createdAt: string;
  updatedAt: string;
  /** Goes up by one on every save; a save naming an older revision is refused. */
  revision: number;
}

/** What the project list shows, without loading whole decks. */
export interface ProjectSummary {
  id: string;
  name: string;
  updatedAt: string;
  slides: number;
  title: string;
}

export interface NewProject {
  name: string;
  document: SpoolDocument;
  deck: Deck;
}

export interface ProjectChanges {
  name?: string;
  document?: SpoolDocument;
  deck?: Deck;
}

export interface BrandKitRecord {
  id: string;
  name: string;
  kit: StoredBrandKit;
  createdAt: string;
  updatedAt: string;
}

export interface PresetRecord {
  id: string;
  name: string;
  design: Design;
  createdAt: string;
  updatedAt: string;
}

export type AssetKind = 'image' | 'font';

export interface NewAsset {
  kind: AssetKind;
  mime: string;
  name: string;
  bytes: Uint8Array;
  width?: number;
  height?: number;
  /** Fonts: the face the file says it is. */
  font?: FontFaceInfo;
}

/** An uploaded font's face as its name table and OS/2 say. */
export interface FontFaceInfo {
  family: string;
  weight: number;
  italic: boolean;
}

/** An asset without its bytes. */
export interface AssetInfo {
  id: string;
  kind: AssetKind;
  mime: string;
  name: string;
  width?: number;
  height?: number;
  size: number;
  createdAt: string;
  /** Fonts uploaded since faces were recorded. */
  font?: FontFaceInfo;
}

export interface Asset extends AssetInfo {
  bytes: Uint8Array;
}
