import type { FastifyInstance } from 'fastify';
import { parseBody, rewriteBody } from './body-schemas.js';
import { HttpError } from './http-errors.js';
import type { ServerContext } from './options.js';

/**
 * Rewrite: the studio sends its slides as a document (one post a slide, with the article they came
 * from) and gets back the model's tightened text, every slide through the guard, with its warnings.
 * The request waits on the model, not on this thread: the guard's work is a few string searches.
 */
export function registerRewriteRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/rewrite', async (request) => {
    const body = parseBody(rewriteBody, request.body ?? {});
    const model = ctx.options.model;
    if (!model) throw new HttpError(409, 'no language model is configured: start the studio with SPOOL_LLM_BASE_URL and SPOOL_LLM_MODEL set');
    const { rewriteDocument } = await import('../rewrite/rewrite.js');
    const result = await rewriteDocument(body.document, model);
    return { document: result.document, warnings: result.warnings, rewritten: result.rewritten, hook: result.hook };
  });
}
