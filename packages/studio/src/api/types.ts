import type { BrandKit, Deck, Design, LayoutTemplate, PatternDef, Ratio, SpoolDocument, Theme } from 'spool/core';

/** Shapes of the JSON the server's /api speaks. */

export interface CatalogFont {
  id: string;
  label: string;
  /** False for families that are only fallbacks (Noto Sans); the others can be chosen. */
  selectable?: boolean;
  faces: { weight: number; italic: boolean }[];
}

export interface Catalog {
  themes: Theme[];
  layouts: LayoutTemplate[];
  ratios: Ratio[];
  patterns: PatternDef[];
  fonts: CatalogFont[];
  fontFallbacks?: string[];
  defaults: Design;
  /** The server has a language model for Rewrite. */
  rewrite?: boolean;
}

// The server sends its store's records as they are.
export type { Project, ProjectSummary } from 'spool/api';

export interface ProjectChanges {
  name?: string;
  document?: SpoolDocument;
  deck?: Deck;
}

/** A brand profile as stored: the brand kit file format plus the fonts it brings. */
export type StoredBrandKit = Partial<Omit<BrandKit, 'show'>> & {
  show?: Partial<BrandKit['show']>;
  colors?: { accent?: string };
  fonts?: { title?: string; body?: string };
};

export interface BrandKitRecord {
  id: string;
  name: string;
  kit: StoredBrandKit;
  updatedAt?: string;
  /** The profile new projects start with. */
  isDefault?: boolean;
}

export interface PresetRecord {
  id: string;
  name: string;
  design: Design;
  updatedAt?: string;
}

export interface AssetInfo {
  id: string;
  kind: 'image' | 'font';
  mime: string;
  name: string;
  width?: number;
  height?: number;
  size: number;
}

export interface ImportRequest {
  kind?: string;
  text?: string;
  url?: string;
  filename?: string;
  contentBase64?: string;
  author?: string;
  handle?: string;
  /** Articles: condensed to key points (true, or about `slides` slides), or every paragraph (false). */
  condense?: boolean | { slides?: number };
}

export interface RewriteResult {
  document: SpoolDocument;
  warnings: string[];
  rewritten: number;
  hook: boolean;
}

export interface ImportResult {
  document: SpoolDocument;
  warnings: string[];
}

export type ExportFormat = 'pdf' | 'png' | 'jpeg' | 'svg';

export type {
  Platform, PreflightCheck, PreflightReport, PublishPreview, PublishJobState, PublishJob, PublishRequest, Account, AccountList, ConnectRequest,
} from 'spool/api';
