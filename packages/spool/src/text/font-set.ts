import type { FontFamilyId } from '../design/types.js';
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
 * Resolves styles to loaded faces. Faces are created once per exact key and kept for the life of
 * the set, so their shaping caches survive across documents.
 */
export class FontSet {
  private readonly exact = new Map<string, Face | null>();
  private readonly nearestCache = new Map<string, Face | null>();
  private readonly chains = new Map<string, Face[]>();

  constructor(
    private readonly provider: FontProvider,
    private readonly shaper: Shaper,
  ) {}

  /** The face a style is set in before any per-character fallback. */
  primary(style: FontStyle): Face {
    return this.chain(style)[0];
  }

  /** Primary face then the fallback families' nearest faces, without repeats. */
  chain(style: FontStyle): Face[] {
    const key = faceKey(style.family, style.weight, style.italic);
    let chain = this.chains.get(key);
    if (chain) return chain;
    chain = [];
    for (const family of [style.family, ...this.provider.fallbacks]) {
      const face = this.nearest(family, style.weight, style.italic);
      if (face && !chain.includes(face)) chain.push(face);
    }
    if (chain.length === 0) {
      throw new Error(`No font available for ${key} or its fallbacks (${this.provider.fallbacks.join(', ')})`);
    }
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
