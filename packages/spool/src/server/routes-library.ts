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
  const kitOut = ({ body, ...rest }: NamedRecord<StoredBrandKit>) => ({ ...rest, kit: body, isDefault: ctx.store.defaultBrandKit() === rest.id });
  // Marking one profile the default for new projects takes the mark from any other.
  const markDefault = (id: string, isDefault: boolean | undefined) => {
    if (isDefault === true) ctx.store.setDefaultBrandKit(id);
    else if (isDefault === false && ctx.store.defaultBrandKit() === id) ctx.store.setDefaultBrandKit(undefined);
  };
  registerNamed(app, '/api/brand-kits', kits, kitOut, {
    create: (raw) => {
      const { name, kit, isDefault } = parseBody(createBrandKitBody, raw);
      return { name: name ?? kit.name ?? 'Brand kit', body: kit, saved: (id) => markDefault(id, isDefault) };
    },
    update: (raw) => {
      const { name, kit, isDefault } = parseBody(updateBrandKitBody, raw);
      return { name, body: kit, saved: (id) => markDefault(id, isDefault) };
    },
    deleted: (id) => markDefault(id, false),
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
  /** `saved`: what else to record once the record is stored. */
  create: (raw: unknown) => { name: string; body: T; saved?: (id: string) => void };
  update: (raw: unknown) => { name?: string; body?: T; saved?: (id: string) => void };
  deleted?: (id: string) => void;
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
    const { name, body, saved } = read.create(request.body ?? {});
    const record = table.create(name, body);
    saved?.(record.id);
    return reply.code(201).send(out(record));
  });

  app.get<IdParams>(`${base}/:id`, async (request) => out(table.get(request.params.id)));

  app.put<IdParams>(`${base}/:id`, async (request) => {
    const { saved, ...changes } = read.update(request.body ?? {});
    const record = table.update(request.params.id, changes);
    saved?.(record.id);
    return out(record);
  });

  app.delete<IdParams>(`${base}/:id`, async (request, reply) => {
    table.delete(request.params.id);
    read.deleted?.(request.params.id);
    return reply.code(204).send();
  });
}
