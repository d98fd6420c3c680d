import type { FastifyInstance } from 'fastify';
import { DOCUMENT_SCHEMA_VERSION, type SpoolDocument } from '../model/document.js';
import { planDeck } from '../plan/plan-deck.js';
import { resolveDesign } from '../design/resolve.js';
import { createProjectBody, duplicateProjectBody, parseBody, updateProjectBody } from './body-schemas.js';
import { HttpError } from './http-errors.js';
import type { ServerContext } from './options.js';

type IdParams = { Params: { id: string } };

/** Projects: the source document and the deck made from it, saved whole on every change. */
export function registerProjectRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;

  app.get('/api/projects', async () => store.projects.list());

  app.post('/api/projects', async (request, reply) => {
    const body = parseBody(createProjectBody, request.body ?? {});
    const document: SpoolDocument = body.document ?? { schemaVersion: DOCUMENT_SCHEMA_VERSION, posts: [] };
    // A deck given as is wins; otherwise the document is planned with the design asked for.
    const deck = body.deck ?? planDeck(document, body.design ?? resolveDesign());
    const name = body.name ?? deck.title ?? document.title ?? 'Untitled carousel';
    return reply.code(201).send(store.projects.create({ name: name.slice(0, 200), document, deck }));
  });

  app.get<IdParams>('/api/projects/:id', async (request) => store.projects.get(request.params.id));

  app.put<IdParams>('/api/projects/:id', async (request) => {
    const { revision, ...changes } = parseBody(updateProjectBody, request.body ?? {});
    if (changes.name === undefined && changes.document === undefined && changes.deck === undefined) {
      throw new HttpError(400, 'nothing to change: give name, document or deck');
    }
    return store.projects.update(request.params.id, changes, revision);
  });

  app.delete<IdParams>('/api/projects/:id', async (request, reply) => {
    store.projects.delete(request.params.id);
    return reply.code(204).send();
  });

  app.post<IdParams>('/api/projects/:id/duplicate', async (request, reply) => {
    const body = parseBody(duplicateProjectBody, request.body ?? undefined);
    return reply.code(201).send(store.projects.duplicate(request.params.id, body?.name));
  });
}
