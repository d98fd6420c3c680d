import type { Deck } from '../model/deck.js';
import type { Store } from '../store/store.js';
import { NotFoundError } from '../store/errors.js';
import { describeFont } from './asset-ingest.js';
import type { JobFontFace } from './worker-jobs.js';

/**
 * The user's uploaded fonts (`custom:<asset id>` families) a deck names, read from the store so a
 * render worker, which has no store, can lay the deck out with them exactly as the preview does.
 */
export class CustomFonts {
  constructor(private readonly store: Store) {}

  /** Asset ids of the uploaded fonts a deck's design names. */
  static fontAssets(deck: Deck): string[] {
    const { titleFont, bodyFont } = deck.design.typography;
    const ids = [titleFont, bodyFont].filter((f): f is string => !!f?.startsWith('custom:')).map((f) => f.slice(7));
    return [...new Set(ids)].sort();
  }

  /** Empty when the deck uses bundled fonts only. Bad references fail here, before any worker is busy. */
  facesFor(deck: Deck): JobFontFace[] {
    return CustomFonts.fontAssets(deck).map((id) => this.loadFace(id));
  }

  private loadFace(id: string): JobFontFace {
    let asset;
    try {
      asset = this.store.assets.get(id);
    } catch (err) {
      if (err instanceof NotFoundError) throw new RangeError(`design.typography: font custom:${id} is not among the uploaded fonts`);
      throw err;
    }
    if (asset.kind !== 'font') throw new RangeError(`design.typography: custom:${id} is an image, not a font`);
    const { weight, italic } = describeFont(asset.bytes, asset.name);
    return { id, weight, italic, bytes: new Uint8Array(asset.bytes) };
  }
}
