import Fastify, { type FastifyInstance } from 'fastify';
import { errorAnswer } from './http-errors.js';
import { isLoopbackHost, type ServerContext } from './options.js';
import { registerSecurity } from './security.js';
import { registerCatalogRoutes } from './routes-catalog.js';
import { registerProjectRoutes } from './routes-projects.js';
import { registerLibraryRoutes } from './routes-library.js';
import { registerUploadRoutes } from './routes-uploads.js';
import { registerRenderRoutes } from './render.js';
import { registerStudio } from './static-site.js';

/** JSON bodies (decks, documents, kits): a 300-slide deck is well under this. */
export const JSON_LIMIT = 5 * 1024 * 1024;

/** The Fastify app over a store: security checks, the JSON API under /api, and the studio's files. */
export async function buildApp(ctx: ServerContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: ctx.options.logRequests ? { level: 'info' } : false,
    bodyLimit: JSON_LIMIT,
    // Closing waits for requests in flight, and drops idle keep-alive connections so it can finish.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });

  app.setErrorHandler(async (err, request, reply) => {
    const answer = errorAnswer(err, {
      method: request.method,
      path: request.routeOptions.url ?? request.url.split('?')[0],
      bodyLimit: request.routeOptions.bodyLimit,
      contentType: request.headers['content-type'],
    });
    if (answer.status >= 500 && answer.status !== 503 && answer.status !== 507) request.log.error(err);
    return reply.code(answer.status).headers(answer.headers).send(answer.body);
  });

  // Requests still running when close begins keep their keep-alive sockets afterwards, and the
  // server would wait on those forever; telling the client to close makes shutdown finish.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  registerSecurity(app, { token: ctx.options.token, loopback: isLoopbackHost(ctx.options.host) });
  registerCatalogRoutes(app, ctx);
  registerProjectRoutes(app, ctx);
  registerLibraryRoutes(app, ctx);
  registerUploadRoutes(app, ctx);
  registerRenderRoutes(app, ctx);
  await registerStudio(app, ctx.options.studioDir);
  return app;
}
