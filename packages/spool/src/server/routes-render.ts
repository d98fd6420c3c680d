import type { FastifyInstance, FastifyReply } from 'fastify';
import { exportJobBody, exportQuery, parseBody, renderBody } from './body-schemas.js';
import type { ExportJob } from '../store/export-jobs.js';
import type { ServerContext } from './options.js';
import type { RenderedFile } from './render.js';
import { HttpError } from './http-errors.js';

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

  // Exports as jobs, for automation that renders many decks: asked for in one request, fetched in another.
  app.post('/api/exports', async (request, reply) => {
    const body = parseBody(exportJobBody, request.body);
    const project = body.projectId !== undefined ? ctx.store.projects.get(body.projectId) : undefined;
    const deck = project?.deck ?? body.deck!;
    const job = ctx.exports.enqueue({ deck, format: body.format, page: body.page, zip: body.zip, fallbackName: project?.name }, project?.id);
    return reply.code(202).header('location', `/api/exports/${job.id}`).send(jobView(job));
  });

  app.get<{ Params: { id: string } }>('/api/exports/:id', async (request) => jobView(ctx.store.exportJobs.get(request.params.id)));

  app.get<{ Params: { id: string } }>('/api/exports/:id/file', async (request, reply) => {
    const job = ctx.store.exportJobs.get(request.params.id);
    if (job.state !== 'done') {
      throw new HttpError(409, job.state === 'failed' ? `export ${job.id} failed: ${job.error ?? 'no reason given'}` : `export ${job.id} is ${job.state}; its file is ready once its state is done`);
    }
    return sendFile(reply, ctx.store.exportJobs.file(job.id));
  });

  app.delete<{ Params: { id: string } }>('/api/exports/:id', async (request, reply) => {
    if (!ctx.store.exportJobs.delete(request.params.id)) throw new HttpError(409, `export ${request.params.id} is being made; delete it once it is done`);
    return reply.code(204).send();
  });
}

/** A job with the address of its file once there is one. */
function jobView(job: ExportJob): ExportJob & { fileUrl?: string } {
  return job.state === 'done' ? { ...job, fileUrl: `/api/exports/${job.id}/file` } : job;
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
