import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compress } from 'wawoff2';
import { startTestServer, type TestServer } from './harness.js';
import { readSfnt } from '../../src/formats/sfnt.js';
import { textShaper } from '../../src/node/fonts.js';
import { sfntTables, toWoff } from '../helpers/web-fonts.js';

const require = createRequire(import.meta.url);
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ starterContent: false });
});

afterAll(async () => {
  await server.stop();
});

async function png(width: number, height: number): Promise<Uint8Array> {
  return new Uint8Array(await sharp({ create: { width, height, channels: 3, background: '#C2410C' } }).png().toBuffer());
}

/** A PNG whose header claims a huge size; the pixels are never there. */
function pngBomb(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', Buffer.alloc(0)), chunk('IEND', Buffer.alloc(0))]));
}

/** The font with one table's tag changed, so readers no longer find that table. */
function retag(sfnt: Uint8Array, from: string, to: string): Uint8Array {
  const out = sfnt.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i < view.getUint16(4); i++) {
    const at = 12 + i * 16;
    if (String.fromCharCode(...out.subarray(at, at + 4)) === from) out.set([...to].map((c) => c.charCodeAt(0)), at);
  }
  return out;
}

describe('assets API', () => {
  it('stores a PNG once and serves it back', async () => {
    const bytes = await png(120, 80);
    const res = await server.call('POST', '/api/assets?name=chart.png', bytes, { 'content-type': 'image/png' });
    expect(res.status).toBe(201);
    const asset = await res.json();
    expect(asset).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/), kind: 'image', mime: 'image/png', name: 'chart.png', width: 120, height: 80, size: expect.any(Number) });
    const again = await (await server.call('POST', '/api/assets?name=other.png', bytes, { 'content-type': 'application/octet-stream' })).json();
    expect(again.id).toBe(asset.id);
    const none = await server.call('POST', '/api/assets', bytes);
    expect(none.status).toBe(415);
    expect((await none.json()).error).toBe('that file is not an image or a font: upload a PNG, JPEG, WebP, GIF, AVIF, TIFF or SVG image, or a TTF, OTF, WOFF or WOFF2 font (it was sent with no Content-Type)');
    const got = await server.call('GET', `/api/assets/${asset.id}`);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('cache-control')).toContain('immutable');
    expect((await sharp(new Uint8Array(await got.arrayBuffer())).metadata()).width).toBe(120);
  });

  it('rasterises SVG uploads', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="red"/></svg>';
    const asset = await (await server.call('POST', '/api/assets?name=logo.svg', svg, { 'content-type': 'image/svg+xml' })).json();
    // Stored as a bitmap, never as SVG: the studio and the exports only ever see pixels.
    expect(asset).toMatchObject({ kind: 'image', mime: 'image/png' });
    expect(asset.width / asset.height).toBe(2);
    const served = await server.call('GET', `/api/assets/${asset.id}`);
    expect(served.headers.get('content-type')).toBe('image/png');
  });

  it('refuses images above 50 megapixels before decoding them', async () => {
    const res = await server.call('POST', '/api/assets?name=bomb.png', pngBomb(10000, 10000), { 'content-type': 'image/png' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe('bomb.png: 10000x10000 (100 MP) is above the 50 MP limit');
  });

  it('refuses a file that is not an image', async () => {
    const res = await server.call('POST', '/api/assets?name=notes.png', 'hello', { 'content-type': 'image/png' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/^notes\.png: not a readable image/);
  });

  it('refuses a fake font with 400', async () => {
    const res = await server.call('POST', '/api/assets?name=brand.ttf', 'this is not a font at all', { 'content-type': 'font/ttf' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe('brand.ttf: not a font (expected a TTF, OTF, WOFF or WOFF2 file)');
    // The right signature with nothing behind it is refused too.
    const truncated = new Uint8Array([0, 1, 0, 0, 0, 9, 0, 0]);
    const res2 = await server.call('POST', '/api/assets?name=broken.ttf', truncated, { 'content-type': 'application/octet-stream' });
    expect(res2.status).toBe(400);
    expect((await res2.json()).error).toMatch(/^broken\.ttf: not a usable font/);
  });

  it('accepts a real font and serves it as a custom family', async () => {
    const ttf = readFileSync(require.resolve('@expo-google-fonts/space-grotesk/700Bold/SpaceGrotesk_700Bold.ttf'));
    const res = await server.call('POST', '/api/assets?name=SpaceGrotesk-Bold.ttf', new Uint8Array(ttf), { 'content-type': 'application/octet-stream' });
    expect(res.status).toBe(201);
    const font = await res.json();
    expect(font).toMatchObject({ kind: 'font', mime: 'font/ttf', family: 'Space Grotesk', weight: 700, italic: false, size: ttf.length });
    const served = await server.call('GET', `/api/fonts/custom:${font.id}/400/normal`);
    expect(served.status).toBe(200);
    expect(served.headers.get('x-spool-face')).toBe(`custom:${font.id}-700`);
    expect(Buffer.from(await served.arrayBuffer()).equals(ttf)).toBe(true);
    // The font list names it as the font names itself, not by its file or as "Uploaded font".
    const listed = await server.json('GET', '/api/fonts');
    expect(listed).toContainEqual({ id: `custom:${font.id}`, label: 'Space Grotesk Bold', family: 'Space Grotesk', weight: 700, italic: false });
  });

  it('stores WOFF and WOFF2 uploads as the TrueType font they carry', async () => {
    const ttf = new Uint8Array(readFileSync(require.resolve('@expo-google-fonts/space-grotesk/700Bold/SpaceGrotesk_700Bold.ttf')));
    for (const [name, bytes, type] of [
      ['brand.woff', toWoff(ttf), 'font/woff'],
      ['brand.woff2', await compress(ttf), 'application/octet-stream'],
    ] as const) {
      const res = await server.call('POST', `/api/assets?name=${name}`, bytes, { 'content-type': type });
      expect(res.status, name).toBe(201);
      const font = await res.json();
      expect(font, name).toMatchObject({ kind: 'font', mime: 'font/ttf', name, family: 'Space Grotesk', weight: 700, italic: false });
      const served = new Uint8Array(await (await server.call('GET', `/api/assets/${font.id}`)).arrayBuffer());
      expect(readSfnt(served)).toEqual(readSfnt(ttf));
      // WOFF keeps every table byte for byte; WOFF2 rebuilds the glyph table, with the same outlines.
      if (name.endsWith('.woff')) expect(sfntTables(served)).toEqual(sfntTables(ttf));
      const outlines = (bytes: Uint8Array) => [36, 68, 100, 150].map((id) => textShaper.inspect({ key: 'test', bytes }).path(id));
      expect(outlines(served)).toEqual(outlines(ttf));
      expect(outlines(served).every((d) => d.length > 20)).toBe(true);
    }
    const broken = toWoff(ttf).subarray(0, 400);
    const res = await server.call('POST', '/api/assets?name=cut.woff', broken, { 'content-type': 'font/woff' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe("cut.woff: not a usable font (truncated WOFF: the 'GDEF' table runs past the end)");
  });

  it('refuses a font the engine could not set: no outlines, or no letters it draws', async () => {
    const ttf = new Uint8Array(readFileSync(require.resolve('@expo-google-fonts/space-grotesk/700Bold/SpaceGrotesk_700Bold.ttf')));
    // Outlines gone: a bitmap-only font, as far as the engine can tell.
    const noOutlines = retag(ttf, 'glyf', 'zzzz');
    const res = await server.call('POST', '/api/assets?name=bitmap.ttf', noOutlines, { 'content-type': 'font/ttf' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe("bitmap.ttf: not a usable font (it has no 'glyf', 'CFF ' or 'CFF2' outlines)");
    // Character map gone: every character would be a box.
    const noCmap = retag(ttf, 'cmap', 'zzzz');
    const res2 = await server.call('POST', '/api/assets?name=blank.ttf', noCmap, { 'content-type': 'font/ttf' });
    expect(res2.status).toBe(400);
    expect((await res2.json()).error).toMatch(/^blank\.ttf: not a usable font \(it draws none of the letters and digits it was tried with: A a 0 /);
  });

  it('refuses other content types with 415', async () => {
    const res = await server.call('POST', '/api/assets', 'x', { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
    expect((await res.json()).error).toMatch(/^that file is not an image or a font: .* \(it was sent as text\/plain\)$/);
    const json = await server.call('POST', '/api/assets', '{}', { 'content-type': 'application/json' });
    expect(json.status).toBe(415);
    expect((await json.json()).error).toMatch(/^that file is not an image or a font: .* \(it was sent as application\/json\)$/);
    const project = await server.call('POST', '/api/projects', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(project.status).toBe(415);
    expect((await project.json()).error).toBe('POST /api/projects takes JSON (Content-Type: application/json); it was sent as application/x-www-form-urlencoded');
  });

  it('answers 404 for an unknown asset', async () => {
    expect((await server.call('GET', '/api/assets/0123456789abcdef01234567')).status).toBe(404);
    expect((await server.call('GET', '/api/assets/..%2F..%2Fetc')).status).toBe(404);
  });
});

describe('catalog, fonts and emoji', () => {
  it('reports health and the catalog', async () => {
    expect(await server.json('GET', '/api/health')).toMatchObject({ ok: true, version: '0.1.0', pool: { waiting: 0 }, publish: {} });
    const catalog = await server.json('GET', '/api/catalog');
    expect(catalog.themes.map((t: any) => t.id)).toContain('midnight');
    expect(catalog.layouts.map((l: any) => l.id)).toContain('post-card');
    expect(catalog.ratios.map((r: any) => r.id)).toContain('instagram-portrait');
    expect(catalog.patterns.map((p: any) => p.id)).toContain('dots');
    expect(catalog.defaults.typography).toEqual({ titleSize: 36, bodySize: 18, chromeSize: 12 });
    const sans = catalog.fonts.find((f: any) => f.id === 'sans');
    expect(sans).toMatchObject({ label: 'Inter', selectable: true });
    expect(sans.faces).toContainEqual({ weight: 700, italic: true });
    expect(catalog.fonts.find((f: any) => f.id === 'noto')).toMatchObject({ selectable: false });
    expect(catalog.fontFallbacks).toEqual(['noto', 'sans', 'noto-thai', 'noto-arabic', 'noto-hebrew', 'noto-devanagari', 'noto-sc', 'noto-jp', 'noto-kr', 'noto-tc']);
  });

  it('serves the engine’s font bytes, nearest face first', async () => {
    const bold = await server.call('GET', '/api/fonts/sans/700/italic');
    expect(bold.headers.get('content-type')).toBe('font/ttf');
    expect(bold.headers.get('x-spool-face')).toBe('sans-700-italic');
    const expected = readFileSync(require.resolve('@expo-google-fonts/inter/700Bold_Italic/Inter_700Bold_Italic.ttf'));
    expect(Buffer.from(await bold.arrayBuffer()).equals(expected)).toBe(true);
    // Space Grotesk has no italics and no 800: the nearest upright face answers.
    const near = await server.call('GET', '/api/fonts/grotesk/900/italic');
    expect(near.headers.get('x-spool-face')).toBe('grotesk-700');
    expect((await server.call('GET', '/api/fonts/comic/400/normal')).status).toBe(404);
    expect((await server.call('GET', '/api/fonts/sans/400/oblique')).status).toBe(400);
  });

  it('lists and serves emoji', async () => {
    const { keys } = await server.json('GET', '/api/emoji');
    expect(keys.length).toBeGreaterThan(3000);
    expect(keys).toContain('1f9f5');
    const svg = await server.call('GET', '/api/emoji/1f9f5.svg');
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(await svg.text()).toMatch(/^<svg/);
    expect((await server.call('GET', '/api/emoji/zzz.svg')).status).toBe(404);
  });
});
