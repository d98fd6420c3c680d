import { describe, expect, it } from 'vitest';
import { ctaBlocks } from '../../src/plan/outro.js';
import { defaultDesign } from '../../src/design/defaults.js';
import type { Design } from '../../src/design/types.js';
import { blockText } from '../../src/model/document.js';
import { author } from '../helpers/documents.js';

function design(lines: string[], brand: Partial<Design['brand']> = {}): Design {
  const d = defaultDesign();
  return { ...d, brand: { ...d.brand, ...brand }, cta: { enabled: true, lines } };
}

const texts = (d: Design, a = author as typeof author | undefined) => ctaBlocks(d, a).map(blockText);

describe('ctaBlocks', () => {
  it('fills the default lines from the author: a level-1 headline, then paragraphs', () => {
    const blocks = ctaBlocks(defaultDesign(), author);
    expect(blocks.map(blockText)).toEqual(['Found this useful?', 'Follow Ada Lovelace for more', 'Repost ♻️ to share it with your network']);
    expect(blocks.map((b) => [b.type, b.level])).toEqual([['heading', 1], ['paragraph', undefined], ['paragraph', undefined]]);
  });

  it('prefers the brand kit’s name and handle to the author’s', () => {
    expect(texts(design(['{name}', 'by {handle}'], { name: 'Acme', handle: 'acme_hq' }))).toEqual(['Acme', 'by @acme_hq']);
  });

  it('writes a handle with one @ whether or not it was given with one', () => {
    expect(texts(design(['Follow {handle}'], { handle: '@acme' }))).toEqual(['Follow @acme']);
  });

  it('stands in the handle for a missing name and the name for a missing handle', () => {
    expect(texts(design(['Follow {name}']), { name: '', handle: 'ada' })).toEqual(['Follow @ada']);
    expect(texts(design(['Follow {handle}']), { name: 'Ada', handle: '' })).toEqual(['Follow Ada']);
  });

  it('drops the lines that name someone when there is nobody to name, and the headline moves up', () => {
    const blocks = ctaBlocks(design(['Follow {name}', 'Thanks for reading', 'Share it']), undefined);
    expect(blocks.map(blockText)).toEqual(['Thanks for reading', 'Share it']);
    expect(blocks[0].type).toBe('heading');
  });

  it('drops blank lines and trims the rest', () => {
    expect(texts(design(['  Liked it?  ', '   ', 'Follow {handle}']))).toEqual(['Liked it?', 'Follow @ada']);
  });

  it('uses at most three lines', () => {
    expect(texts(design(['one', 'two', 'three', 'four']))).toEqual(['one', 'two', 'three']);
  });
});
