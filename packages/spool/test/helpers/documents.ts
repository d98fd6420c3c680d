import type { Block, Post, SpoolDocument } from '../../src/model/document.js';

export const author = { name: 'Ada Lovelace', handle: 'ada' };

export function para(text: string): Block {
  return { type: 'paragraph', spans: [{ text }] };
}

export function post(id: string, blocks: Block[], media: Post['media'] = []): Post {
  return { id, author, blocks, media };
}

export function doc(posts: Post[]): SpoolDocument {
  return { schemaVersion: 1, posts };
}

/** Words of a made-up post, long enough to be realistic. */
export function words(n: number, seed = 1): string {
  const vocab = ['model', 'teacher', 'student', 'learns', 'soft', 'targets', 'the', 'of', 'distillation', 'a', 'temperature', 'logits.'];
  return Array.from({ length: n }, (_, i) => vocab[(i * 7 + seed) % vocab.length]).join(' ');
}
