import { describe, expect, it } from 'vitest';
import { kitFontAssets, parseStoredBrandKit } from '../../src/store/brand-kit.js';
import { SpoolInputError } from '../../src/errors/input-error.js';

const assetId = '0123456789abcdef01234567';

describe('parseStoredBrandKit', () => {
  it('takes a brand kit file with bundled or uploaded fonts for title and body', () => {
    expect(parseStoredBrandKit({ name: 'Acme', fonts: { title: 'display', body: `custom:${assetId}` } }, 'kit')).toEqual({
      name: 'Acme', fonts: { title: 'display', body: `custom:${assetId}` },
    });
  });

  it('wants an uploaded font named by a whole asset id', () => {
    for (const body of ['custom:0123abcd', `custom:${assetId}0`, `custom:${assetId.toUpperCase()}`, 'comic']) {
      expect(() => parseStoredBrandKit({ fonts: { body } }, 'kit k1'), body).toThrow(SpoolInputError);
    }
    expect(() => parseStoredBrandKit({ fonts: { body: 'comic' } }, 'kit k1')).toThrow(/^kit k1: fonts\.body: unknown font "comic"/);
  });

  it('refuses a fonts part with keys it does not know', () => {
    expect(() => parseStoredBrandKit({ fonts: { heading: 'sans' } }, 'kit')).toThrow(SpoolInputError);
  });
});

describe('kitFontAssets', () => {
  it('lists the asset ids of the uploaded fonts a kit uses, and no bundled ones', () => {
    expect(kitFontAssets({ fonts: { title: `custom:${assetId}`, body: 'serif' } })).toEqual([assetId]);
    expect(kitFontAssets({ fonts: { title: 'sans' } })).toEqual([]);
    expect(kitFontAssets({})).toEqual([]);
  });
});
