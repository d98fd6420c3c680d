import { fontsWith, textShaper } from '../node/fonts.js';
import { emojiKey } from '../node/emoji.js';
import { createTextEngine } from '../text/engine.js';
import type { FontWeight, TextEngine } from '../text/types.js';
import type { JobFontFace } from './worker-jobs.js';

/** Engines kept for reuse: each holds parsed faces and shaping caches worth keeping between exports. */
const MAX_ENGINES = 8;

/**
 * Text engines over the bundled fonts plus a deck's uploaded faces, kept per set of faces (least
 * recently used dropped first) so a brand font is parsed once per worker, not once per export.
 */
export class FontEngines {
  private readonly engines = new Map<string, TextEngine>();

  /** Undefined when there are no uploaded faces: the default engine then serves the deck. */
  engineFor(faces: readonly JobFontFace[]): TextEngine | undefined {
    if (faces.length === 0) return undefined;
    const key = faces.map((f) => f.id).sort().join(',');
    let engine = this.engines.get(key);
    if (engine) {
      this.engines.delete(key);
    } else {
      const byFamily = new Map(faces.map((f) => [`custom:${f.id}`, f]));
      engine = createTextEngine({
        fonts: fontsWith({
          // An uploaded file is one face: it answers only for its own weight and slant, and the
          // engine's nearest-face matching uses it for every other weight of that family.
          faceBytes: (family, weight: FontWeight, italic) => {
            const face = byFamily.get(family);
            return face && face.weight === weight && face.italic === italic ? face.bytes : undefined;
          },
        }),
        emojiKey,
        shaper: textShaper,
      });
      if (this.engines.size >= MAX_ENGINES) this.engines.delete(this.engines.keys().next().value!);
    }
    this.engines.set(key, engine);
    return engine;
  }
}
