import type { FastifyInstance, FastifyReply } from 'fastify';
import { exportQuery, parseBody, renderBody } from './body-schemas.js';
import type { ServerContext } from './options.js';
import type { RenderedFile } from './render.js';

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
