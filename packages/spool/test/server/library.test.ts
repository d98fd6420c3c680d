import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { defaultDesign } from '../../src/design/defaults.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.stop();
});

describe('brand kits API', () => {
  it('starts with the Spool kit', async () => {
    const kits = await server.json('GET', '/api/brand-kits');
    expect(kits.map((k: any) => k.name)).toEqual(['Spool']);
    expect(kits[0].kit).toMatchObject({ name: 'Spool', handle: 'spoolstudio' });
  });

  it('creates, reads, updates and deletes', async () => {
    const res = await server.call('POST', '/api/brand-kits', {
      name: 'Agency client',
      kit: { name: 'Ada Lovelace', handle: 'ada', website: 'ada.dev', accent: '#0A66C2', show: { swipeHint: false } },
    });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ name: 'Agency client', kit: { handle: 'ada', show: { swipeHint: false } } });
    expect(created.id).toMatch(/^kit_/);
    expect(await server.json('GET', `/api/brand-kits/${created.id}`)).toEqual(created);

    const updated = await server.json('PUT', `/api/brand-kits/${created.id}`, { kit: { ...created.kit, fonts: { title: 'display' } } });
    expect(updated).toMatchObject({ name: 'Agency client', kit: { fonts: { title: 'display' } } });

    expect((await server.json('GET', '/api/brand-kits')).map((k: any) => k.name)).toEqual(['Agency client', 'Spool']);
    expect((await server.call('DELETE', `/api/brand-kits/${created.id}`)).status).toBe(204);
    expect((await server.call('GET', `/api/brand-kits/${created.id}`)).status).toBe(404);
  });

  it('marks one profile at most as the default for new projects', async () => {
    const a = await server.json('POST', '/api/brand-kits', { name: 'Client A', kit: { name: 'A', handle: 'a' }, isDefault: true });
    expect(a.isDefault).toBe(true);
    const b = await server.json('POST', '/api/brand-kits', { name: 'Client B', kit: { name: 'B', handle: 'b' } });
    expect(b.isDefault).toBe(false);
    const defaults = async () => (await server.json('GET', '/api/brand-kits')).filter((k: any) => k.isDefault).map((k: any) => k.name);
    expect(await defaults()).toEqual(['Client A']);
    // Marking B takes the mark from A; editing B's kit alone leaves it.
    await server.json('PUT', `/api/brand-kits/${b.id}`, { isDefault: true });
    expect(await defaults()).toEqual(['Client B']);
    await server.json('PUT', `/api/brand-kits/${b.id}`, { kit: { name: 'B', handle: 'bee' } });
    expect(await defaults()).toEqual(['Client B']);
    // Unmarking it, or deleting it, leaves no default.
    await server.json('PUT', `/api/brand-kits/${b.id}`, { isDefault: false });
    expect(await defaults()).toEqual([]);
    await server.json('PUT', `/api/brand-kits/${a.id}`, { isDefault: true });
    await server.call('DELETE', `/api/brand-kits/${a.id}`);
    expect(await defaults()).toEqual([]);
    await server.call('DELETE', `/api/brand-kits/${b.id}`);
  });

  it('names the bad field of a kit', async () => {
    const res = await server.call('POST', '/api/brand-kits', { kit: { accent: 'blue', fonts: { body: 'custom:nope' } } });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toMatch(/^kit\.accent: expected /);
    expect(error).toContain('kit.fonts.body: unknown font "custom:nope"');
  });
});

describe('presets API', () => {
  it('starts with one preset', async () => {
    const presets = await server.json('GET', '/api/presets');
    expect(presets).toHaveLength(1);
    expect(presets[0].design).toMatchObject({ theme: 'midnight', layout: 'post-card' });
  });

  it('creates from a full design or the short form, updates and deletes', async () => {
    const full = await server.json('POST', '/api/presets', { name: 'Forest', design: { ...defaultDesign(), theme: 'forest' } });
    expect(full.design).toEqual({ ...defaultDesign(), theme: 'forest' });
    const short = await server.json('POST', '/api/presets', { name: 'Square noir', design: { theme: 'noir', ratio: 'instagram-square', typography: { titleSize: 44 } } });
    expect(short.design).toMatchObject({ theme: 'noir', ratio: { id: 'instagram-square' }, typography: { titleSize: 44, bodySize: 18 } });

    const renamed = await server.json('PUT', `/api/presets/${short.id}`, { name: 'Noir square' });
    expect(renamed).toMatchObject({ name: 'Noir square', design: short.design });
    expect((await server.call('DELETE', `/api/presets/${full.id}`)).status).toBe(204);
    expect((await server.json('GET', '/api/presets')).map((p: any) => p.name)).toEqual(['Midnight post cards', 'Noir square']);
  });

  it('refuses a preset without a name or with sizes out of range', async () => {
    const noName = await server.call('POST', '/api/presets', { design: {} });
    expect(noName.status).toBe(400);
    expect((await noName.json()).error).toBe('name: required');
    const big = await server.call('POST', '/api/presets', { name: 'x', design: { typography: { titleSize: 500 } } });
    expect(big.status).toBe(400);
    expect((await big.json()).error).toBe('design.typography.titleSize: 500 is outside 16..96');
  });
});
