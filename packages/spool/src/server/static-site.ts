import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { errorAnswer, HttpError } from './http-errors.js';

/**
 * The studio's built files. Vite names its bundles by content hash under /assets, so those are
 * cached for good; index.html is revalidated so a rebuilt studio is picked up on reload. Any other
 * page path is the single-page app's own route and gets index.html.
 */
export async function registerStudio(app: FastifyInstance, studioDir: string): Promise<void> {
  const built = existsSync(path.join(studioDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: studioDir,
      index: ['index.html'],
      dotfiles: 'ignore',
      setHeaders: (res, file) => {
        const hashed = path.relative(studioDir, file).split(path.sep)[0] === 'assets';
        res.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  } else {
    app.get('/', async (_request, reply) => reply.code(503).type('text/html; charset=utf-8').send(notBuiltPage(studioDir)));
  }

  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    const page = request.method === 'GET' && !request.url.startsWith('/api/') && /text\/html/.test(request.headers.accept ?? '');
    if (page && built) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    if (page) return reply.code(503).type('text/html; charset=utf-8').send(notBuiltPage(studioDir));
    const answer = errorAnswer(new HttpError(404, `no such endpoint: ${request.method} ${request.url.split('?')[0]}`));
    return reply.code(answer.status).send(answer.body);
  });
}

function notBuiltPage(studioDir: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Spool: the studio is not built yet</title>
<style>
  body { font: 16px/1.6 system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1.5rem; color: #1f2328; background: #faf7f2; }
  h1 { font-size: 1.5rem; }
  code { background: #efe9df; padding: 0.1rem 0.35rem; border-radius: 4px; }
</style>
</head>
<body>
<h1>The Spool studio has not been built yet</h1>
<p>The server is running, but it found no built studio in <code>${escapeHtml(studioDir)}</code>.</p>
<p>Run <code>npm run build</code> in the Spool folder (or <code>npm start</code>, which builds first), then reload this page.</p>
<p>The HTTP API works already: try <a href="/api/health"><code>/api/health</code></a>.</p>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
