import type { Deck } from '../../src/model/deck.js';
import type { Post } from '../../src/model/document.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { defaultDesign } from '../../src/design/defaults.js';
import { doc, para, post } from '../helpers/documents.js';

export const image = { type: 'image' as const, src: 'asset:img1', alt: 'chart' };

/** cover s1, content s2, content s3 (with an image), outro s4. */
export function sampleDeck(): Deck {
  const posts = [post('1', [para('The hook')]), post('2', [para('Second post')]), post('3', [para('Third post')], [image])];
  return deepFreeze(planDeck(doc(posts), defaultDesign()));
}

export function newPost(id = 'p9', text = 'Dropped text', media: Post['media'] = []): Post {
  return post(id, [para(text)], media);
}

export function texts(deck: Deck): string[] {
  return deck.slides.map((s) => [...(s.title ?? []), ...s.blocks.flatMap((b) => b.spans)].map((x) => x.text).join(''));
}

/** Actions must never mutate their input; a frozen deck makes any attempt throw. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
