import { describe, expect, it } from 'vitest';
import { encodeBase64, escapeXml } from '../../../src/paint/svg/index.js';
import { placeImage, safeHref } from '../../../src/scene/index.js';
import type { ImageItem } from '../../../src/scene/types.js';

describe('encodeBase64', () => {
  it('matches Node for every padding case and across chunk boundaries', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
    const big = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7919) & 255);
    expect(encodeBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });
});

describe('escapeXml', () => {
  it('escapes markup characters and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u001fc\uffffd\ud800e')).toBe('abcde');
    expect(escapeXml('emoji 👩‍💻 stays')).toBe('emoji 👩‍💻 stays');
  });
});

describe('safeHref', () => {
  it('allows web and mail links only', () => {
    expect(safeHref(' https://x.com/a ')).toBe('https://x.com/a');
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
    expect(safeHref('JaVaScRiPt:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<b>')).toBeUndefined();
  });
});

describe('placeImage', () => {
  const item = (fit: ImageItem['fit'], radius?: number): ImageItem => ({
    type: 'image',
    key: 'k',
    x: 10,
    y: 20,
    w: 100,
    h: 100,
    fit,
    radius,
  });

  it('crops a picture taller than its box where focusY says: the top third kept above the middle', () => {
    const tall = (focusY?: number) => placeImage({ ...item('cover'), ...(focusY !== undefined ? { focusY } : {}) }, 100, 300);
    expect(tall().draw).toEqual({ x: 10, y: -80, w: 100, h: 300 });
    expect(tall(1 / 3).draw.y).toBeCloseTo(20 - 200 / 3, 10);
    expect(tall(0).draw.y).toBe(20);
    expect(tall(5).draw.y).toBe(20 - 200);
    // Contain never crops, whatever the focus.
    expect(placeImage({ ...item('contain'), focusY: 0 }, 100, 300).draw.y).toBe(20);
  });

  it('covers by scaling to fill and clipping the overflow, centred', () => {
    const p = placeImage(item('cover'), 200, 100);
    expect(p.draw).toEqual({ x: -40, y: 20, w: 200, h: 100 });
    expect(p.clip).toEqual({ x: 10, y: 20, w: 100, h: 100 });
    expect(p.overflows).toBe(true);
  });

  it('contains by fitting inside, and rounds the visible image, not the empty box', () => {
    const p = placeImage(item('contain', 80), 200, 100);
    expect(p.draw).toEqual({ x: 10, y: 45, w: 100, h: 50 });
    expect(p.clip).toEqual(p.draw);
    expect(p.overflows).toBe(false);
    expect(p.radius).toBe(25);
  });

  it('fills by stretching to the box', () => {
    const p = placeImage(item('fill'), 200, 100);
    expect(p.draw).toEqual({ x: 10, y: 20, w: 100, h: 100 });
    expect(p.overflows).toBe(false);
  });
});
