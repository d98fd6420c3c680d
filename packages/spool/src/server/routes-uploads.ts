import type { FastifyInstance } from 'fastify';
import { ASSET_ID_PATTERN } from '../store/ids.js';
import { FONT_TYPES, IMAGE_TYPES, storeUpload, uploadName } from './asset-ingest.js';
import { transferablesOf } from './worker-jobs.js';
import { HttpError, wrongTypeMessage } from './http-errors.js';
import { importBody, parseBody } from './body-schemas.js';
import { importForStudio } from './import-request.js';
import type { ServerContext } from './options.js';

const MB = 1024 * 1024;
/** Raw uploads: images and fonts. */
export const UPLOAD_LIMIT = 25 * MB;
/** Imports carry a file as base64 inside JSON, a third larger than the file itself. */
export const IMPORT_LIMIT = 36 * MB;

/** Uploads and imports: everything that brings outside bytes into the store. */
export function registerUploadRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // Raw bodies only on this route; everywhere else JSON stays the one accepted type.
  app.register(async (scope) => {
    scope.addContentTypeParser([...IMAGE_TYPES, ...FONT_TYPES, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_req, body, done) => {
      done(null, body);
    });

    scope.post<{ Querystring: { name?: string } }>('/api/assets', { bodyLimit: UPLOAD_LIMIT }, async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) {
        throw new HttpError(415, wrongTypeMessage({ method: 'POST', path: '/api/assets', contentType: request.headers['content-type'] }));
      }
      const contentType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      const name = uploadName(request.query.name, 'upload');
      const body = request.body;
      const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
      // Decoding and checking run in a worker; a view into a shared slab is copied so it can move there.
      const own = transferablesOf([bytes]).length > 0 ? bytes : new Uint8Array(bytes);
      const checked = await ctx.pool.run({ type: 'asset', bytes: own, contentType, name });
      const asset = storeUpload(ctx.store, checked, name);
      const { createdAt: _createdAt, ...shown } = asset;
      return reply.code(201).send(shown);
    });
  });

  app.get<{ Params: { id: string } }>('/api/assets/:id', async (request, reply) => {
    const { id } = request.params;
    if (!ASSET_ID_PATTERN.test(id)) throw new HttpError(404, `asset ${JSON.stringify(id)} not found`);
    const asset = ctx.store.assets.get(id);
    // Content-addressed: the bytes at this URL can never change.
    return reply
      .type(asset.mime)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', `"${asset.id}"`)
      .send(Buffer.from(asset.bytes.buffer, asset.bytes.byteOffset, asset.bytes.byteLength));
  });

  app.post('/api/import', { bodyLimit: IMPORT_LIMIT }, async (request) => {
    const body = parseBody(importBody, request.body ?? {});
    return importForStudio(body, ctx.store, ctx.options.fetch, ctx.pool);
  });
}
