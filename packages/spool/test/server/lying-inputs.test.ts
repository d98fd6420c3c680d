import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

/** Inputs that are not what they say: each is refused with a clear 400 and nothing is stored. */
const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ starterContent: false });
});

afterAll(async () => {
  await server.stop();
});

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG signature and IHDR for the given size, and nothing after it unless `rest` is given. */
function pngHeader(width: number, height: number, rest: Buffer[] = []): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), ...rest]);
}

async function assetCount(): Promise<number> {
  return server.store.assets.count();
}

describe('images that are not what they say', () => {
  it('refuses a PNG that is only a header, and stores nothing', async () => {
    const before = await assetCount();
    const bytes = new Uint8Array(pngHeader(640, 480, [Buffer.alloc(7)]));
    expect(bytes.length).toBe(40);
    const res = await server.call('POST', '/api/assets?name=hollow.png', bytes, { 'content-type': 'image/png' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/^hollow\.png: the PNG file is damaged or cut short and cannot be shown/);
    expect(await assetCount()).toBe(before);
  });

  it('refuses a JPEG cut short, which a PDF would carry as invalid data', async () => {
    const jpeg = readFileSync(path.join(fixtures, 'media', 'kd-1.jpg'));
    const res = await server.call('POST', '/api/assets?name=cut.jpg', new Uint8Array(jpeg.subarray(0, Math.floor(jpeg.length / 2))), { 'content-type': 'image/jpeg' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/^cut\.jpg: the JPEG file is damaged or cut short and cannot be shown/);
  });

  it('drops a cut-short image inside an import with a warning naming its post', async () => {
    const jpeg = readFileSync(path.join(fixtures, 'media', 'kd-1.jpg'));
    const src = `data:image/jpeg;base64,${jpeg.subarray(0, 5000).toString('base64')}`;
    const thread = { posts: [{ author: { name: 'Ada', handle: 'ada' }, text: 'A photo.', media: [{ type: 'image', src }] }] };
    const res = await server.call('POST', '/api/import', { text: JSON.stringify(thread), filename: 'thread.json' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.document.posts[0].media).toEqual([]);
    expect(body.warnings.join('\n')).toMatch(/posts\[0\] \(@ada\): image data:image\/jpeg.*dropped: .*damaged or cut short/);
  });

  it('says a 1 x 49,000,000 PNG is too long and thin, not what the encoder said', async () => {
    const res = await server.call('POST', '/api/assets?name=line.png', new Uint8Array(pngHeader(1, 49_000_000, [chunk('IDAT', Buffer.alloc(16)), chunk('IEND', Buffer.alloc(0))])), { 'content-type': 'image/png' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe('line.png: 1x49000000 is too long and thin to show on a slide (at most 100 to 1)');
  });

  it('answers an SVG with a DOCTYPE and entities with the entity message', async () => {
    const svg = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&a;</text></svg>';
    const res = await server.call('POST', '/api/assets?name=e.svg', svg, { 'content-type': 'image/svg+xml' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe('e.svg: SVG with entity declarations is not accepted');
  });

  it('still accepts an SVG with a plain DOCTYPE, as drawing programs write them', async () => {
    const svg = '<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10" fill="red"/></svg>';
    const res = await server.call('POST', '/api/assets?name=ok.svg', svg, { 'content-type': 'image/svg+xml' });
    expect(res.status).toBe(201);
    expect((await res.json()).mime).toBe('image/png');
  });
});

describe('names and addresses a client chooses', () => {
  it.each(['.', '..', '...'])('refuses the file name %j with 400, naming no server path', async (filename) => {
    const res = await server.call('POST', '/api/import', { contentBase64: Buffer.from('Hello there.').toString('base64'), filename });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toBe(`filename: ${JSON.stringify(filename)} is not a file name`);
    expect(error).not.toContain(tmpdir());
  });

  it('names the uploaded file, never the folder it was read in, when it cannot be read', async () => {
    const res = await server.call('POST', '/api/import', { contentBase64: Buffer.from('{ "posts": [ { "text": 1 } ] }').toString('base64'), filename: 'my thread.json' });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toMatch(/^my thread\.json: /);
    expect(error).not.toContain(tmpdir());
    expect(error).not.toContain('spool-import-');
  });

  it.each(['x:/etc/passwd', 'file:///etc/passwd', 'ftp://example.com/a.txt', 'javascript:alert(1)'])('refuses the import url %s: only http and https are addresses', async (url) => {
    const res = await server.call('POST', '/api/import', { url });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toMatch(/url: (only http: and https: addresses can be imported|Invalid url)/);
    expect(error).not.toMatch(/passwd: file not found|not found/);
  });

  it('refuses a file kind for a url, so a url is never read as a local path', async () => {
    const res = await server.call('POST', '/api/import', { url: 'https://example.com/etc/passwd', kind: 'html' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe('kind: html is read from text or a file, not from a URL');
  });
});
