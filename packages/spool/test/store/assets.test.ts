import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTempStore } from '../helpers/temp-store.js';
import { NotFoundError } from '../../src/store/errors.js';
import { ASSET_ID_PATTERN } from '../../src/store/ids.js';

const t = useTempStore('spool-assets-');

const font = (bytes: number[], face?: { family: string; weight: number; italic: boolean }) =>
  ({ kind: 'font' as const, mime: 'font/ttf', name: 'Brand.ttf', bytes: new Uint8Array(bytes), ...(face ? { font: face } : {}) });

describe('AssetTable', () => {
  it('names an asset by the first 96 bits of the SHA-256 of its bytes', () => {
    const bytes = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
    const info = t.store.assets.put({ kind: 'image', mime: 'image/png', name: 'x.png', bytes });
    expect(info.id).toBe(createHash('sha256').update(bytes).digest('hex').slice(0, 24));
    expect(info.id).toMatch(ASSET_ID_PATTERN);
  });

  it('stores only the bytes a view covers, not the whole buffer behind it', () => {
    const whole = new Uint8Array([9, 9, 1, 2, 3, 9]);
    const view = whole.subarray(2, 5);
    const info = t.store.assets.put({ kind: 'image', mime: 'image/png', name: 'view.png', bytes: view });
    expect(info.size).toBe(3);
    expect([...t.store.assets.get(info.id).bytes]).toEqual([1, 2, 3]);
    // The same three bytes in a buffer of their own are the same asset.
    expect(t.store.assets.put({ kind: 'image', mime: 'image/png', name: 'copy.png', bytes: new Uint8Array([1, 2, 3]) }).id).toBe(info.id);
    expect(t.store.assets.count()).toBe(1);
  });

  it('keeps the first upload’s name and sizes when the same bytes come again', () => {
    const bytes = new Uint8Array([5, 6, 7]);
    const first = t.store.assets.put({ kind: 'image', mime: 'image/png', name: 'first.png', bytes, width: 40, height: 30 });
    const again = t.store.assets.put({ kind: 'image', mime: 'image/png', name: 'second.png', bytes, width: 1, height: 1 });
    expect(again).toEqual(first);
    expect(again).toMatchObject({ name: 'first.png', width: 40, height: 30 });
  });

  it('leaves width and height out of an asset stored without them', () => {
    const info = t.store.assets.put({ kind: 'image', mime: 'image/svg+xml', name: 'logo.svg', bytes: new Uint8Array([60, 115, 118, 103]) });
    expect(info).not.toHaveProperty('width');
    expect(info).not.toHaveProperty('height');
    expect(info).not.toHaveProperty('font');
  });

  it('records a font’s face, italic as a boolean, and lists only fonts', () => {
    t.store.assets.put({ kind: 'image', mime: 'image/png', name: 'pic.png', bytes: new Uint8Array([1]) });
    const regular = t.store.assets.put(font([1, 0, 0, 0, 1], { family: 'Brand Sans', weight: 400, italic: false }));
    const italic = t.store.assets.put(font([1, 0, 0, 0, 2], { family: 'Brand Sans', weight: 700, italic: true }));
    expect(italic.font).toEqual({ family: 'Brand Sans', weight: 700, italic: true });
    expect(t.store.assets.fonts().map((f) => f.id).sort()).toEqual([regular.id, italic.id].sort());
    expect(t.store.assets.fonts().every((f) => f.kind === 'font')).toBe(true);
  });

  it('does not let a later upload of the same font change a face it already knows', () => {
    const first = t.store.assets.put(font([0, 1, 0, 0, 9], { family: 'Brand Sans', weight: 700, italic: false }));
    const again = t.store.assets.put(font([0, 1, 0, 0, 9], { family: 'Impostor', weight: 100, italic: true }));
    expect(again.id).toBe(first.id);
    expect(t.store.assets.info(first.id).font).toEqual({ family: 'Brand Sans', weight: 700, italic: false });
  });

  it('answers has, info and get for unknown ids without inventing an asset', () => {
    const missing = '0'.repeat(24);
    expect(t.store.assets.has(missing)).toBe(false);
    expect(() => t.store.assets.info(missing)).toThrow(NotFoundError);
    expect(() => t.store.assets.get(missing)).toThrow(`asset "${missing}" not found`);
    const known = t.store.assets.put({ kind: 'image', mime: 'image/png', name: 'a.png', bytes: new Uint8Array([4]) });
    expect(t.store.assets.has(known.id)).toBe(true);
    expect(t.store.assets.info(known.id)).not.toHaveProperty('bytes');
  });
});
