import type { IncomingMessage } from 'node:http';
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

/** Past this much more, or this long, a client still sending an oversized body is cut off. */
const DISCARD_BYTES = 64 * 1024 * 1024;
const DISCARD_MS = 10_000;

/**
 * Node drains a body no handler read, but the body parser stops reading an oversized one halfway.
 * A socket closed with unread data is reset, and a reset can destroy the 413 before the client has
 * read it; so the rest is read and thrown away, within bounds, as Node would have done.
 */
function discardRestOfBody(req: IncomingMessage): void {
  let seen = 0;
  const cutOff = setTimeout(() => req.socket.destroy(), DISCARD_MS);
  cutOff.unref();
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DISCARD_BYTES) req.socket.destroy();
  });
  req.once('close', () => clearTimeout(cutOff));
  req.resume();
}

/** A route as registered: what the security checks and the API description walk. */
export interface RouteSummary {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route the app registered, in order. */
    spoolRoutes: RouteSummary[];
  }
}

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
    if (answer.status === 413) discardRestOfBody(request.raw);
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

  const routes: RouteSummary[] = [];
  app.decorate('spoolRoutes', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
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
