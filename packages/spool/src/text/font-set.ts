import type { FontFamilyId } from '../design/types.js';
import { cjkFamilyFor, fallbacksFor } from './cjk.js';
import { Face, faceKey, parseFaceKey } from './face.js';
import type { FontProvider, FontStyle, FontWeight, Shaper } from './types.js';

const WEIGHTS: readonly FontWeight[] = [400, 500, 600, 700, 800];

/**
 * Weights to try for a requested one, nearest first, following CSS font matching: up to 500 look
 * lighter first, above 500 look heavier first, so bold never quietly turns into regular.
 */
export function weightOrder(weight: FontWeight): FontWeight[] {
  const lighter = WEIGHTS.filter((w) => w < weight).reverse();
  const heavier = WEIGHTS.filter((w) => w > weight);
  if (weight === 500) return [500, 400, ...heavier];
  return weight < 500 ? [weight, ...lighter, ...heavier] : [weight, ...heavier, ...lighter];
}

/**
 * A style's faces: the primary face, then the fallback families' nearest faces without repeats.
 * Fallbacks are loaded only when text reaches them, so a post the primary face covers reads no
 * other font file (the bundled fallbacks are 5 MB).
 */
export class FaceChain implements Iterable<Face> {
  readonly primary: Face;
  private readonly loaded: Face[];
  private next = 0;

  constructor(
    private readonly families: readonly FontFamilyId[],
    private readonly find: (family: FontFamilyId) => Face | undefined,
    what: string,
  ) {
    this.loaded = [];
    const first = this.at(0);
    if (!first) throw new Error(`No font available for ${what} or its fallbacks (${families.slice(1).join(', ')})`);
    this.primary = first;
  }

  /** The i-th face, loading families in order until it exists; undefined past the last. */
  private at(i: number): Face | undefined {
    while (this.loaded.length <= i && this.next < this.families.length) {
      // Moved past only once found: a provider that throws for a face still on its way (the
      // studio's) is asked for the same family again when layout runs again.
      const face = this.find(this.families[this.next]);
      this.next++;
      if (face && !this.loaded.includes(face)) this.loaded.push(face);
    }
    return this.loaded[i];
  }

  *[Symbol.iterator](): Iterator<Face> {
    for (let i = 0, face = this.at(0); face; face = this.at(++i)) yield face;
  }

  /** The first face, in chain order, that passes `test`; later fallbacks stay unloaded. */
  first(test: (face: Face) => boolean): Face | undefined {
    for (const face of this) if (test(face)) return face;
    return undefined;
  }
}

/**
 * Resolves styles to loaded faces. Faces are created once per exact key and kept for the life of
 * the set, so their shaping caches survive across documents.
 */
export class FontSet {
  private readonly exact = new Map<string, Face | null>();
  private readonly nearestCache = new Map<string, Face | null>();
  private readonly chains = new Map<string, FaceChain>();

  constructor(
    private readonly provider: FontProvider,
    private readonly shaper: Shaper,
  ) {}

  /** The face a style is set in before any per-character fallback. */
  primary(style: FontStyle): Face {
    return this.chain(style).primary;
  }

  /**
   * Primary face then the fallback families' nearest faces, without repeats, loaded on demand; the
   * language puts its own CJK face first among the CJK ones.
   */
  chain(style: FontStyle, lang?: string): FaceChain {
    const own = cjkFamilyFor(lang);
    const key = faceKey(style.family, style.weight, style.italic) + (own ? `|${own}` : '');
    let chain = this.chains.get(key);
    if (chain) return chain;
    const families = [style.family, ...fallbacksFor(this.provider.fallbacks, lang)];
    chain = new FaceChain(families, (family) => this.nearest(family, style.weight, style.italic), key);
    this.chains.set(key, chain);
    return chain;
  }

  /** A face by the key a ShapedRun carries. */
  byKey(key: string): Face {
    const parts = parseFaceKey(key);
    const face = parts && this.load(parts.family, parts.weight, parts.italic);
    if (!face) throw new Error(`Unknown font face ${key}`);
    return face;
  }

  /** Nearest face of one family: same slant at the nearest weight, else the other slant. */
  nearest(family: FontFamilyId, weight: FontWeight, italic: boolean): Face | undefined {
    const key = faceKey(family, weight, italic);
    const cached = this.nearestCache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    let found: Face | undefined;
    for (const slant of [italic, !italic]) {
      for (const w of weightOrder(weight)) {
        found = this.load(family, w, slant);
        if (found) break;
      }
      if (found) break;
    }
    this.nearestCache.set(key, found ?? null);
    return found;
  }

  private load(family: FontFamilyId, weight: FontWeight, italic: boolean): Face | undefined {
    const key = faceKey(family, weight, italic);
    let face = this.exact.get(key);
    if (face === undefined) {
      const bytes = this.provider.faceBytes(family, weight, italic);
      face = bytes ? new Face(key, family, weight, italic, bytes, this.shaper) : null;
      this.exact.set(key, face);
    }
    return face ?? undefined;
  }
}
