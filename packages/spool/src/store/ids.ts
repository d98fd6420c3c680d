import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * Random record ids such as `prj_4k9x2m7q8r1t`: 60 bits is plenty for one user's data, and the
 * prefix tells a reader of logs or URLs what kind of record it is.
 */
export function newId(prefix: string): string {
  const bytes = randomBytes(12);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte & 31];
  return `${prefix}_${id}`;
}

/**
 * Assets are named by their content, so uploading the same file twice stores it once. 96 bits of
 * SHA-256 keeps ids short in URLs while collisions stay out of reach.
 */
export function contentId(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 24);
}

export const ASSET_ID_PATTERN = /^[0-9a-f]{24}$/;

export function now(): string {
  return new Date().toISOString();
}
