import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { renderDeck, type OutputFormat } from '../node/build.js';
import type { LoadImageOptions } from '../node/images.js';
import type { Deck } from '../model/deck.js';
import { fetchGuarded, type FetchGuardOptions } from '../sources/fetch-guard.js';
import type { Store } from '../store/store.js';
import { NotFoundError } from '../store/errors.js';
import { CustomFonts } from './custom-fonts.js';
import { HttpError } from './http-errors.js';
import { exportQuery, parseBody, renderBody } from './body-schemas.js';
import type { ServerContext } from './options.js';

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
 */
export class ServerRenderer {
  private readonly fonts: CustomFonts;
  private readonly gate = new RenderGate();

  constructor(
    private readonly store: Store,
    private readonly fetchOptions: FetchGuardOptions,
  ) {
    this.fonts = new CustomFonts(store);
  }

  async render(request: RenderRequest): Promise<RenderedFile> {
    const { deck, format, page } = request;
    if (page !== undefined && format === 'pdf') throw new HttpError(400, 'page: a single page can be exported as png, jpeg or svg, not pdf');
    const zip = format !== 'pdf' && (page === undefined || request.zip === true);
    const engine = this.fonts.engineFor(deck);
    const result = await this.gate.run(() =>
      renderDeck(deck, { format, page, zip, engine, source: 'deck', images: this.imageOptions() }),
    );
    const file = result.files[0];
    const slug = slugify(deck.title || request.fallbackName || 'carousel');
    const ext = path.extname(file.name).slice(1);
    const name = page !== undefined ? `${slug}-${String(page).padStart(2, '0')}.${ext}` : `${slug}.${ext}`;
    return {
      name,
      mime: MIME[ext === 'jpg' ? 'jpeg' : ext] ?? 'application/octet-stream',
      bytes: file.bytes,
      pages: result.scenes.length,
      warnings: result.warnings.map((w) => w.message),
    };
  }

  private imageOptions(): LoadImageOptions {
    return {
      resolve: async (src) => {
        if (src.startsWith('asset:')) return this.assetImage(src.slice(6));
        if (/^(data:|https?:\/\/)/i.test(src)) return undefined;
        throw new Error(`${src}: the server reads images only from uploads (asset:<id>), data: URIs and http(s) URLs`);
      },
      fetchBytes: async (url) => (await fetchGuarded(url, { maxBytes: MAX_REMOTE_IMAGE, accept: 'image/*', ...this.fetchOptions })).bytes,
    };
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

/**
 * Bounds the renders in progress and waiting. Layout runs on the event loop and painting holds whole
 * pages in memory, so a burst of exports must queue, and past a point be turned away with 503 and
 * Retry-After, rather than slow every request or swell the process.
 */
export class RenderGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly maxActive = 2,
    readonly maxWaiting = 16,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.maxActive) {
      if (this.waiting.length >= this.maxWaiting) {
        throw new HttpError(503, 'busy rendering other carousels; try again in a few seconds', { 'retry-after': '5' });
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next waiter, so it cannot be taken by a newcomer in between.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }

  get busy(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }
}

/** Exports: any deck sent in the body, or a saved project's deck. */
export function registerRenderRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/render', async (request, reply) => {
    const body = parseBody(renderBody, request.body);
    return sendFile(reply, await ctx.renderer.render(body));
  });

  app.get<{ Params: { id: string }; Querystring: Record<string, string> }>('/api/projects/:id/export', async (request, reply) => {
    const query = parseBody(exportQuery, request.query, 'query');
    const project = ctx.store.projects.get(request.params.id);
    const file = await ctx.renderer.render({ deck: project.deck, format: query.format, page: query.page, fallbackName: project.name });
    return sendFile(reply, file);
  });
}

/**
 * Sends an export as a download. Page count and warnings travel in headers so a script (or the
 * studio) can report them without a second request; the warnings are URI-encoded JSON because
 * header values must be ASCII.
 */
function sendFile(reply: FastifyReply, file: RenderedFile): FastifyReply {
  return reply
    .type(file.mime)
    .header('content-disposition', `attachment; filename="${file.name}"`)
    .header('cache-control', 'no-store')
    .header('x-spool-pages', String(file.pages))
    .header('x-spool-warnings', encodeURIComponent(JSON.stringify(file.warnings)))
    .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}
