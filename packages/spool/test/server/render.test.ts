import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import { unzipSync } from 'fflate';
import { compress } from 'wawoff2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleProject, startTestServer, type TestServer } from './harness.js';
import { readPdf } from '../paint/pdf/read-pdf.js';

const require = createRequire(import.meta.url);
let server: TestServer;
let sample: any;

beforeAll(async () => {
  server = await startTestServer();
  sample = await sampleProject(server);
});

afterAll(async () => {
  await server.stop();
});

async function bytesOf(res: Response): Promise<Uint8Array> {
  return new Uint8Array(await res.arrayBuffer());
}

describe('export and render API', () => {
  it('exports the sample project as a PDF with one page per slide', async () => {
    const res = await server.call('GET', `/api/projects/${sample.id}/export?format=pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="turn-a-thread-into-a-carousel-people-finish.pdf"');
    const pdf = await bytesOf(res);
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    const read = await readPdf(pdf);
    expect(read.pages.length).toBe(Number(res.headers.get('x-spool-pages')));
    expect(read.pages.length).toBeGreaterThanOrEqual(sample.deck.slides.length);
    // The sample has a title: the cover is set from it, and the first post follows on a slide of its own.
    expect(read.pages[0].text.replace(/\s+/g, ' ')).toMatch(/Turn a thread into a carousel people finish/);
    expect(read.pages[1].text.replace(/\s+/g, ' ')).toMatch(/second life/);
    expect(JSON.parse(decodeURIComponent(res.headers.get('x-spool-warnings')!))).toBeInstanceOf(Array);
  });

  it('exports one slide as a PNG at the exact platform size', async () => {
    const res = await server.call('GET', `/api/projects/${sample.id}/export?format=png&page=2`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="turn-a-thread-into-a-carousel-people-finish-02.png"');
    const meta = await sharp(await bytesOf(res)).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 1080, height: 1350 });
  });

  it('zips every page of a PNG export', async () => {
    const res = await server.call('GET', `/api/projects/${sample.id}/export?format=png`);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(await bytesOf(res));
    expect(Object.keys(files)).toHaveLength(Number(res.headers.get('x-spool-pages')));
    expect(Object.keys(files)[0]).toBe('slide-01.png');
  });

  it('renders a deck sent in the body, with its images read from the store', async () => {
    const deck = { ...sample.deck, design: { ...sample.deck.design, ratio: { id: 'instagram-square', label: 'Square', width: 1080, height: 1080 } } };
    const withImage = deck.slides.findIndex((s: any) => s.media.length > 0);
    expect(withImage).toBeGreaterThanOrEqual(0);
    const res = await server.call('POST', '/api/render', { deck, format: 'jpeg', page: withImage + 1 });
    expect(res.status).toBe(200);
    const meta = await sharp(await bytesOf(res)).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1080, height: 1080 });
  });

  it('names the slide whose image cannot be had, and never reads local files', async () => {
    const deck = structuredClone(sample.deck);
    deck.slides[1].media = [{ type: 'image', src: '/etc/passwd' }];
    const res = await server.call('POST', '/api/render', { deck, format: 'pdf' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe(
      'deck: slides[1].media[0].src: /etc/passwd: the server reads images only from uploads (asset:<id>), data: URIs and http(s) URLs',
    );
    deck.slides[1].media = [{ type: 'image', src: 'asset:0123456789abcdef01234567' }];
    const missing = await server.call('POST', '/api/render', { deck, format: 'pdf' });
    expect((await missing.json()).error).toBe('deck: slides[1].media[0].src: asset:0123456789abcdef01234567 is not among the uploaded images');
  });

  it('refuses an invalid deck, a page out of range and a page of a PDF', async () => {
    const deck = structuredClone(sample.deck);
    delete deck.slides[0].blocks;
    const bad = await server.call('POST', '/api/render', { deck, format: 'pdf' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe('deck.slides[0].blocks: required');
    const far = await server.call('GET', `/api/projects/${sample.id}/export?format=png&page=999`);
    expect(far.status).toBe(400);
    expect((await far.json()).error).toMatch(/^page 999: the carousel has pages 1 to \d+$/);
    const pdfPage = await server.call('GET', `/api/projects/${sample.id}/export?format=pdf&page=1`);
    expect(pdfPage.status).toBe(400);
    const format = await server.call('GET', `/api/projects/${sample.id}/export?format=gif`);
    expect((await format.json()).error).toBe('query: format: expected one of "pdf", "png", "jpeg", "svg"');
  });

  it('embeds an uploaded font in the export', async () => {
    const ttf = readFileSync(require.resolve('@expo-google-fonts/space-grotesk/700Bold/SpaceGrotesk_700Bold.ttf'));
    const font = await (await server.call('POST', '/api/assets?name=brand.ttf', new Uint8Array(ttf), { 'content-type': 'font/ttf' })).json();
    const deck = structuredClone(sample.deck);
    deck.design.typography.titleFont = `custom:${font.id}`;
    deck.slides = deck.slides.slice(0, 2);
    const res = await server.call('POST', '/api/render', { deck, format: 'pdf' });
    expect(res.status).toBe(200);
    const read = await readPdf(await bytesOf(res));
    expect(read.fonts.map((f) => f.name).join(' ')).toMatch(/SpaceGrotesk/);

    // A WOFF2 upload is set and embedded the same way.
    const woff2 = await compress(ttf);
    const web = await (await server.call('POST', '/api/assets?name=brand.woff2', woff2, { 'content-type': 'font/woff2' })).json();
    deck.design.typography.titleFont = `custom:${web.id}`;
    const fromWoff2 = await server.call('POST', '/api/render', { deck, format: 'pdf' });
    expect(fromWoff2.status).toBe(200);
    const readWoff2 = await readPdf(await bytesOf(fromWoff2));
    expect(readWoff2.fonts.map((f) => f.name).join(' ')).toMatch(/SpaceGrotesk/);
    expect(readWoff2.pages.map((p) => p.text)).toEqual(read.pages.map((p) => p.text));

    deck.design.typography.titleFont = 'custom:0123456789abcdef01234567';
    const missing = await server.call('POST', '/api/render', { deck, format: 'pdf' });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toBe('design.typography: font custom:0123456789abcdef01234567 is not among the uploaded fonts');
  });
});
