import path from 'node:path';
import type { OutputFormat } from '../node/build.js';
import { deckImageRefs } from '../node/resources.js';
import type { Deck } from '../model/deck.js';
import { fetchGuarded, type FetchGuardOptions } from '../sources/fetch-guard.js';
import { unfetchedReason } from '../node/image-unavailable.js';
import type { Store } from '../store/store.js';
import { NotFoundError } from '../store/errors.js';
import { CustomFonts } from './custom-fonts.js';
import { HttpError } from './http-errors.js';
import type { WorkerPool } from './worker-pool.js';
import { ownedCopy, type BundleJobResult, type JobImage } from './worker-jobs.js';

export interface RenderRequest {
  deck: Deck;
  format: OutputFormat;
  page?: number;
  /** Pack a single page into a ZIP too; several pages are always zipped. */
  zip?: boolean;
  /** Used for the file name when the deck has no title. */
  fallbackName?: string;
}

export interface RenderedFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
  pages: number;
  warnings: string[];
}

const MIME: Record<string, string> = {
  pdf: 'application/pdf', png: 'image/png', jpeg: 'image/jpeg', svg: 'image/svg+xml', zip: 'application/zip',
};

/** Largest remote image a deck may name. */
const MAX_REMOTE_IMAGE = 25 * 1024 * 1024;

/**
 * Exports for the server. Decks come from the network, so images are read only from the store
 * (`asset:<id>`), data: URIs and guarded http(s) fetches; a local path is refused, never read.
 * Those bytes are gathered here, where the store and the network are, and the deck is laid out and
 * painted in the render pool's worker threads.
 */
export class ServerRenderer {
  private readonly fonts: CustomFonts;

  constructor(
    private readonly store: Store,
    private readonly fetchOptions: FetchGuardOptions,
    private readonly pool: WorkerPool,
  ) {
    this.fonts = new CustomFonts(store);
  }

  async render(request: RenderRequest): Promise<RenderedFile> {
    const { deck, format, page } = request;
    if (page !== undefined && format === 'pdf') throw new HttpError(400, 'page: a single page can be exported as png, jpeg or svg, not pdf');
    const zip = format !== 'pdf' && (page === undefined || request.zip === true);
    const fonts = this.fonts.facesFor(deck);
    const images = await this.resolveImages(deck);
    const file = await this.pool.run({ type: 'render', deck, format, page, zip, fonts, images });
    const slug = slugify(deck.title || request.fallbackName || 'carousel');
    const ext = path.extname(file.fileName).slice(1);
    const name = page !== undefined ? `${slug}-${String(page).padStart(2, '0')}.${ext}` : `${slug}.${ext}`;
    return {
      name,
      mime: MIME[ext === 'jpg' ? 'jpeg' : ext] ?? 'application/octet-stream',
      bytes: file.bytes,
      pages: file.pages,
      warnings: file.warnings,
    };
  }

  /** The deck's ready-to-post bundle, made in a worker: the PDF and JPEGs, captions, alt text and preflight. */
  async bundle(deck: Deck, caption?: string): Promise<BundleJobResult> {
    const fonts = this.fonts.facesFor(deck);
    const images = await this.resolveImages(deck);
    return this.pool.run({ type: 'bundle', deck, fonts, images, ...(caption !== undefined ? { caption } : {}) });
  }

  /**
   * Bytes for every upload and remote image the deck shows. A failure travels with the source, so
   * the worker reports it exactly as a local render would: naming the slide that showed the image.
   */
  private async resolveImages(deck: Deck): Promise<JobImage[]> {
    const sources = [...new Set(deckImageRefs(deck).map((ref) => ref.src.trim()))];
    const wanted = sources.filter((src) => src.startsWith('asset:') || /^https?:\/\//i.test(src));
    return Promise.all(
      wanted.map(async (src): Promise<JobImage> => {
        if (!src.startsWith('asset:')) {
          return fetchGuarded(src, { maxBytes: MAX_REMOTE_IMAGE, accept: 'image/*', ...this.fetchOptions }).then(
            (response) => ({ src, bytes: ownedCopy(response.bytes) }),
            (err: unknown) => ({ src, error: unfetchedReason(err, src), unavailable: true }),
          );
        }
        try {
          return { src, bytes: ownedCopy(this.assetImage(src.slice(6))) };
        } catch (err) {
          return { src, error: err instanceof Error ? err.message : String(err) };
        }
      }),
    );
  }

  private assetImage(id: string): Uint8Array {
    try {
      const asset = this.store.assets.get(id);
      if (asset.kind !== 'image') throw new Error(`asset ${id} is a font, not an image`);
      return asset.bytes;
    } catch (err) {
      if (err instanceof NotFoundError) throw new Error(`asset:${id} is not among the uploaded images`);
      throw err;
    }
  }
}

/** `Turn a Thread Into… Carousels!` -> `turn-a-thread-into-carousels`. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'carousel';
}
