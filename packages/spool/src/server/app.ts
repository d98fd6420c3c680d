import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { errorAnswer, type ErrorAnswer } from './http-errors.js';
import { isLoopbackHost, type ServerContext } from './options.js';
import { registerSecurity } from './security.js';
import { registerCatalogRoutes } from './routes-catalog.js';
import { registerRewriteRoutes } from './routes-rewrite.js';
import { registerProjectRoutes } from './routes-projects.js';
import { registerLibraryRoutes } from './routes-library.js';
import { registerUploadRoutes } from './routes-uploads.js';
import { registerRenderRoutes } from './routes-render.js';
import { registerStudio } from './static-site.js';
import { registerPublishRoutes } from './routes-publish.js';
import { openApiDocument, type RouteSummary } from './openapi.js';

/** JSON bodies (decks, documents, kits): a 300-slide deck is well under this. */
export const JSON_LIMIT = 5 * 1024 * 1024;

/** Past this much more, or this long, a client still sending an oversized body is cut off. */
const DISCARD_BYTES = 64 * 1024 * 1024;
const DISCARD_MS = 10_000;

/**
 * A 413 arrives while the client is still sending. Node would close the socket right after the
 * answer, with the client's bytes unread, and a socket closed with unread data is reset: the reset
 * can destroy the 413 before the client has read it. So the answer is written on the socket
 * itself, the rest of the body is read and thrown away (within bounds, as a lingering close does),
 * and only then is the connection closed, cleanly.
 */
function answerThenDrain(request: FastifyRequest, reply: FastifyReply, answer: ErrorAnswer): void {
  const text = JSON.stringify(answer.body);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...reply.getHeaders(), ...answer.headers })) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  Object.assign(headers, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), connection: 'close' });
  reply.hijack();
  const req = request.raw;
  const socket = req.socket;
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  socket.write(`HTTP/1.1 413 Payload Too Large\r\n${lines.join('\r\n')}\r\n\r\n${text}`);
  let seen = 0;
  const cutOff = setTimeout(() => socket.destroy(), DISCARD_MS);
  cutOff.unref();
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DISCARD_BYTES) socket.destroy();
  });
  req.once('end', () => socket.end());
  req.once('close', () => clearTimeout(cutOff));
  req.resume();
}

export type { RouteSummary };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route the app registered, in order. */
    spoolRoutes: RouteSummary[];
  }
}

/** The Fastify app over a store: security checks, the JSON API under /api, and the studio's files. */
export async function buildApp(ctx: ServerContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: ctx.options.logRequests ? { level: 'info', ...(typeof ctx.options.logRequests === 'object' ? { stream: ctx.options.logRequests } : {}) } : false,
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
    if (answer.status === 413 && !request.raw.complete) return answerThenDrain(request, reply, answer);
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

  registerSecurity(app, {
    token: ctx.options.token,
    loopback: isLoopbackHost(ctx.options.host),
    publicHost: ctx.publish.publicUrl ? new URL(ctx.publish.publicUrl).host : undefined,
  });
  registerCatalogRoutes(app, ctx);
  registerProjectRoutes(app, ctx);
  registerLibraryRoutes(app, ctx);
  registerUploadRoutes(app, ctx);
  registerRenderRoutes(app, ctx);
  registerRewriteRoutes(app, ctx);
  registerPublishRoutes(app, ctx);
  app.get('/api/openapi.json', async () => openApiDocument(routes, ctx.version));
  await registerStudio(app, ctx.options.studioDir);
  return app;
}
