import { fontsWith } from '../node/fonts.js';
import { emojiKey } from '../node/emoji.js';
import { createTextEngine } from '../text/engine.js';
import type { FontWeight, TextEngine } from '../text/types.js';
import type { Deck } from '../model/deck.js';
import type { Store } from '../store/store.js';
import { NotFoundError } from '../store/errors.js';
import { describeFont, type FontDescription } from './asset-ingest.js';

/** Engines kept for reuse: each holds parsed faces and shaping caches worth keeping between exports. */
const MAX_ENGINES = 8;

/**
 * Text engines that know the user's uploaded fonts (`custom:<asset id>` families) besides the bundled
 * ones, so a brand font appears in the export exactly as in the preview.
 */
export class CustomFonts {
  private readonly engines = new Map<string, TextEngine>();

  constructor(private readonly store: Store) {}

  /** Asset ids of the uploaded fonts a deck's design names. */
  static fontAssets(deck: Deck): string[] {
    const { titleFont, bodyFont } = deck.design.typography;
    const ids = [titleFont, bodyFont].filter((f): f is string => !!f?.startsWith('custom:')).map((f) => f.slice(7));
    return [...new Set(ids)].sort();
  }

  /** Undefined when the deck uses bundled fonts only: the default engine then serves it. */
  engineFor(deck: Deck): TextEngine | undefined {
    const ids = CustomFonts.fontAssets(deck);
    if (ids.length === 0) return undefined;
    const key = ids.join(',');
    let engine = this.engines.get(key);
    if (engine) {
      this.engines.delete(key);
    } else {
      const faces = new Map(ids.map((id) => [`custom:${id}`, this.loadFace(id)]));
      engine = createTextEngine({
        fonts: fontsWith({
          // An uploaded file is one face: it answers only for its own weight and slant, and the
          // engine's nearest-face matching uses it for every other weight of that family.
          faceBytes: (family, weight: FontWeight, italic) => {
            const face = faces.get(family);
            return face && face.weight === weight && face.italic === italic ? face.bytes : undefined;
          },
        }),
        emojiKey,
      });
      if (this.engines.size >= MAX_ENGINES) this.engines.delete(this.engines.keys().next().value!);
    }
    this.engines.set(key, engine);
    return engine;
  }

  private loadFace(id: string): FontDescription & { bytes: Uint8Array } {
    let asset;
    try {
      asset = this.store.assets.get(id);
    } catch (err) {
      if (err instanceof NotFoundError) throw new RangeError(`design.typography: font custom:${id} is not among the uploaded fonts`);
      throw err;
    }
    if (asset.kind !== 'font') throw new RangeError(`design.typography: custom:${id} is an image, not a font`);
    return { ...describeFont(asset.bytes, asset.name), bytes: asset.bytes };
  }
}
