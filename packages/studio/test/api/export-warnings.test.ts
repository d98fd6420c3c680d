import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Deck } from 'spool/core';
import { api, exportWarnings } from '../../src/api/client.js';
import { exportNotice } from '../../src/components/topbar/ExportMenu.js';

const LOST = [
  'slides[1]: image "https://example.com/gone.png" could not be fetched (HTTP 404 Not Found); left out',
  'slides[3]: avatar "https://example.com/me.jpg" could not be fetched (no complete answer within 15 s); left out',
];
/** As the server sends it: URI-encoded JSON, since header values must be ASCII. */
const header = (value: unknown) => encodeURIComponent(JSON.stringify(value));

afterEach(() => vi.unstubAllGlobals());

describe('export warnings', () => {
  it('are read from x-spool-warnings along with the file', async () => {
    const fetch = vi.fn(async () => new Response(new Uint8Array([37, 80, 68, 70]), { headers: { 'content-type': 'application/pdf', 'x-spool-warnings': header(LOST) } }));
    vi.stubGlobal('fetch', fetch);
    const file = await api.render({ slides: [] } as unknown as Deck, 'pdf');
    expect(file.warnings).toEqual(LOST);
    expect(file.blob.type).toBe('application/pdf');
    expect(new Uint8Array(await file.blob.arrayBuffer())).toEqual(new Uint8Array([37, 80, 68, 70]));
  });

  it('are none when the header is missing, empty or not a list of strings', () => {
    expect(exportWarnings(null)).toEqual([]);
    expect(exportWarnings(header([]))).toEqual([]);
    expect(exportWarnings('%E0%A4%A')).toEqual([]);
    expect(exportWarnings(header({ warning: 'x' }))).toEqual([]);
    expect(exportWarnings(header(['ok', 3, null, '']))).toEqual(['ok']);
    expect(exportWarnings(header(['slides[0]: image "ü.png" could not be fetched; left out']))).toEqual(['slides[0]: image "ü.png" could not be fetched; left out']);
  });

  it('are said after the export, slides counted from 1, the rest counted', () => {
    expect(exportNotice(LOST.slice(0, 1))).toBe('Export ready, but something was left out: Slide 2: image "https://example.com/gone.png" could not be fetched (HTTP 404 Not Found); left out');
    const many = [...LOST, 'slides[4]: image "a" left out', 'slides[5]: image "b" left out', 'slides[6]: image "c" left out'];
    expect(exportNotice(many)).toMatch(/^Export ready, but 5 things were left out: Slide 2: .* · Slide 4: avatar .* · Slide 5: image "a" left out · and 2 more$/);
  });
});
