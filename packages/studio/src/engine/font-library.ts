import { createTextEngine, faceKey, resolveEmojiKey, type FontProvider, type FontWeight, type Shaper, type TextEngine } from 'spool/core';
import { api } from '../api/client.js';
import type { CatalogFont } from '../api/types.js';

/** The export's fallback order (src/node/fonts.ts): Noto Sans, then Inter. */
const DEFAULT_FALLBACKS = ['noto', 'sans'];
const WEIGHTS: readonly FontWeight[] = [400, 500, 600, 700, 800];

/**
 * Thrown by the font provider when layout asks for a face the server may have but the page has
 * not fetched yet. The engine caches nothing on the way out of a throw, so the same engine simply
 * runs again once the bytes are here: the preview ends up with exactly the faces the export uses,
 * each fetched only when a slide needs it.
 */
export class FaceNotLoaded extends Error {
  constructor(readonly family: string, readonly weight: FontWeight, readonly italic: boolean, private readonly library: FontLibrary) {
    super(`font ${faceKey(family, weight, italic)} is not loaded yet`);
  }

  /** Fetches the face this was thrown for, so what needed it can run again. */
  load(): Promise<void> {
    return this.library.load(this.family, this.weight, this.italic);
  }
}

/** Font bytes for the in-page text engine, from /api/fonts: bundled families and uploaded fonts. */
export class FontLibrary {
  private readonly bytes = new Map<string, Uint8Array>();
  /** Faces each family has; a family not here yet (an uploaded font) is asked about once. */
  private readonly faces: Map<string, Set<string>>;
  private readonly inflight = new Map<string, Promise<void>>();
  readonly engine: TextEngine;
  private readonly fallbacks: readonly string[];

  constructor(fonts: readonly CatalogFont[], emojiKeys: ReadonlySet<string>, shaper: Shaper, fallbacks: readonly string[] = DEFAULT_FALLBACKS) {
    this.fallbacks = fallbacks;
    this.faces = new Map(fonts.map((f) => [f.id, new Set(f.faces.map((x) => faceKey(f.id, x.weight as FontWeight, x.italic)))]));
    const provider: FontProvider = { faceBytes: (family, weight, italic) => this.faceBytes(family, weight, italic), fallbacks };
    this.engine = createTextEngine({ fonts: provider, shaper, emojiKey: (key) => emojiKeyIn(emojiKeys, key) });
  }

  private faceBytes(family: string, weight: FontWeight, italic: boolean): Uint8Array | undefined {
    const key = faceKey(family, weight, italic);
    const have = this.bytes.get(key);
    if (have) return have;
    const known = this.faces.get(family);
    // A face the family does not have is absent here exactly as in the export's provider.
    if (known && !known.has(key)) return undefined;
    throw new FaceNotLoaded(family, weight, italic, this);
  }

  /** Fetches one face (or, for a family not yet known, learns which face it has). */
  load(family: string, weight: FontWeight, italic: boolean): Promise<void> {
    const known = this.faces.get(family);
    const key = faceKey(family, weight, italic);
    if (this.bytes.has(key) || (known && !known.has(key))) return Promise.resolve();
    const job = known ? key : `family:${family}`;
    let pending = this.inflight.get(job);
    if (!pending) {
      pending = api
        .fontFace(family, weight, italic)
        .then((found) => {
          if (!found) {
            this.faces.set(family, new Set());
            return;
          }
          this.bytes.set(found.face, found.bytes);
          if (this.fallbacks.includes(family) && family !== 'sans') installInterfaceFallback(family, weight, italic, found.bytes);
          if (!known) this.faces.set(family, new Set([found.face]));
          else if (found.face !== key) known.delete(key);
        })
        .finally(() => this.inflight.delete(job));
      this.inflight.set(job, pending);
    }
    return pending;
  }

  /**
   * The upright faces nearly every slide asks for, fetched together before the first layout: the
   * design's families and the Latin fallbacks. The script fallbacks (Arabic, Hebrew, Thai,
   * Devanagari, and the CJK faces at 10 MB each) come when text needs them.
   */
  preload(families: readonly string[]): Promise<void> {
    const jobs: Promise<void>[] = [];
    for (const family of new Set([...families, ...this.fallbacks.filter((f) => !f.startsWith('noto-'))])) {
      const known = this.faces.get(family);
      if (!known) jobs.push(this.load(family, 400, false));
      else for (const w of WEIGHTS) if (known.has(faceKey(family, w, false))) jobs.push(this.load(family, w, false));
    }
    return Promise.all(jobs).then(() => undefined);
  }

  /** Bytes of a loaded face, for the studio's own interface text. */
  loaded(family: string, weight: FontWeight, italic = false): Uint8Array | undefined {
    return this.bytes.get(faceKey(family, weight, italic));
  }
}

/** The export's rule, over the keys the server lists. */
export function emojiKeyIn(keys: ReadonlySet<string>, key: string): string | undefined {
  return resolveEmojiKey(key, (candidate) => keys.has(candidate));
}

const UI_WEIGHTS: readonly FontWeight[] = [400, 500, 600, 700];
const uiFallbacks: string[] = [];

/**
 * A fallback face the preview fetched (Noto Sans for a script Inter lacks: Chinese, Japanese,
 * Korean, Arabic, Hebrew…) also sets the interface's own text in that script, after Inter: the
 * project's name and the posts' text read in the studio as on the slides, whatever fonts the
 * computer has.
 */
function installInterfaceFallback(family: string, weight: FontWeight, italic: boolean, bytes: Uint8Array): void {
  // The regular only (the interface's bold is synthesised from it for these scripts): each is a copy,
  // since the browser may take the bytes it is given from the engine, and a CJK face is 10 MB.
  if (typeof FontFace === 'undefined' || italic || weight !== 400) return;
  const name = `Spool UI ${family}`;
  const face = new FontFace(name, bytes.slice().buffer, { weight: '100 900', style: 'normal', display: 'swap' });
  document.fonts.add(face);
  face.load().catch(() => undefined);
  if (uiFallbacks.includes(name)) return;
  uiFallbacks.push(name);
  const stack = ["'Spool UI'", ...uiFallbacks.map((f) => `'${f}'`), "'Inter'", 'system-ui', '-apple-system', "'Segoe UI'", 'Roboto', 'sans-serif'];
  document.documentElement.style.setProperty('--font', stack.join(', '));
}

/**
 * The studio's own text is set in the Inter the carousels use. Its bytes are already here for the
 * preview, so the interface registers them instead of downloading the font a second time.
 */
export function installInterfaceFont(fonts: FontLibrary): void {
  if (typeof FontFace === 'undefined') return;
  for (const weight of UI_WEIGHTS) {
    const bytes = fonts.loaded('sans', weight);
    if (!bytes) continue;
    const face = new FontFace('Spool UI', bytes.slice().buffer, { weight: String(weight), style: 'normal', display: 'swap' });
    document.fonts.add(face);
    face.load().catch(() => undefined);
  }
}
