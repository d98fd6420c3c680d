import type { FastifyInstance } from 'fastify';
import type { NamedRecord, NamedTable } from '../store/named-records.js';
import type { StoredBrandKit } from '../store/brand-kit.js';
import type { Design } from '../design/types.js';
import {
  createBrandKitBody, createPresetBody, parseBody, updateBrandKitBody, updatePresetBody,
} from './body-schemas.js';
import type { ServerContext } from './options.js';

type IdParams = { Params: { id: string } };

/** Brand kits and presets: the same five endpoints over a name and one validated body each. */
export function registerLibraryRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const kits = ctx.store.brandKits;
  const kitOut = ({ body, ...rest }: NamedRecord<StoredBrandKit>) => ({ ...rest, kit: body });
  registerNamed(app, '/api/brand-kits', kits, kitOut, {
    create: (raw) => {
      const { name, kit } = parseBody(createBrandKitBody, raw);
      return { name: name ?? kit.name ?? 'Brand kit', body: kit };
    },
    update: (raw) => {
      const { name, kit } = parseBody(updateBrandKitBody, raw);
      return { name, body: kit };
    },
  });

  const presets = ctx.store.presets;
  const presetOut = ({ body, ...rest }: NamedRecord<Design>) => ({ ...rest, design: body });
  registerNamed(app, '/api/presets', presets, presetOut, {
    create: (raw) => {
      const { name, design } = parseBody(createPresetBody, raw);
      return { name, body: design };
    },
    update: (raw) => {
      const { name, design } = parseBody(updatePresetBody, raw);
      return { name, body: design };
    },
  });
}

interface BodyReaders<T> {
  create: (raw: unknown) => { name: string; body: T };
  update: (raw: unknown) => { name?: string; body?: T };
}

function registerNamed<T, Out>(
  app: FastifyInstance,
  base: string,
  table: NamedTable<T>,
  out: (record: NamedRecord<T>) => Out,
  read: BodyReaders<T>,
): void {
  app.get(base, async () => table.list().map(out));

  app.post(base, async (request, reply) => {
    const { name, body } = read.create(request.body ?? {});
    return reply.code(201).send(out(table.create(name, body)));
  });

  app.get<IdParams>(`${base}/:id`, async (request) => out(table.get(request.params.id)));

  app.put<IdParams>(`${base}/:id`, async (request) => out(table.update(request.params.id, read.update(request.body ?? {}))));

  app.delete<IdParams>(`${base}/:id`, async (request, reply) => {
    table.delete(request.params.id);
    return reply.code(204).send();
  });
}
