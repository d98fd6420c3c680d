import { describe, expect, it } from 'vitest';
import { layoutDeck } from '../../src/layout/layout-deck.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { resolveDesign, type DesignInput } from '../../src/design/resolve.js';
import type { Author, SpoolDocument } from '../../src/model/document.js';
import type { LaidOutPage } from '../../src/layout/types.js';
import { fakeEngine } from '../helpers/fake-engine.js';
import { para } from '../helpers/documents.js';
import { pageText } from '../helpers/inspect.js';

const images = (src: string) => (src.endsWith('.png') ? { width: 400, height: 400 } : undefined);

function thread(author: Author): SpoolDocument {
  return {
    schemaVersion: 1,
    posts: [
      { id: '1', author, blocks: [para('The hook of the thread')], media: [] },
      { id: '2', author, blocks: [para('The second post says one thing.')], media: [] },
    ],
  };
}

function lay(document: SpoolDocument, input: DesignInput) {
  return layoutDeck(planDeck(document, resolveDesign(input)), fakeEngine(), images);
}

const avatarImages = (page: LaidOutPage) => page.elements.filter((e) => e.type === 'image' && e.radius !== undefined).map((e) => (e as { src: string }).src);

describe('one person, one picture', () => {
  const ada = { name: 'Ada Lovelace', handle: 'ada' };
  const brand = { name: 'Ada Lovelace', handle: '@Ada', avatar: 'ada.png' };

  it('shows the brand kit’s avatar on the cover and post cards when the kit is the author’s', () => {
    const deck = lay(thread(ada), { brand, layout: 'post-card' });
    const [cover, card] = deck.pages;
    expect(avatarImages(cover)).toEqual(['ada.png']);
    expect(avatarImages(card)).toEqual(['ada.png']);
  });

  it('prints the name once on a post card: the card says who, the header does not repeat it', () => {
    const deck = lay(thread(ada), { brand, layout: 'post-card' });
    const card = deck.pages[1];
    expect(pageText(card).split('@ada').length - 1).toBe(1);
    expect(pageText(card).split('Ada Lovelace').length - 1).toBe(1);
  });

  it('never gives another person the brand’s picture', () => {
    const deck = lay(thread({ name: 'Bob Stone', handle: 'bob' }), { brand, layout: 'post-card' });
    const card = deck.pages[1];
    // Bob's card shows his initials; the header, naming Ada's brand, keeps Ada's picture.
    expect(avatarImages(card)).toEqual(['ada.png']);
    expect(pageText(card)).toContain('BS');
    expect(pageText(card)).toContain('@bob');
  });
});
