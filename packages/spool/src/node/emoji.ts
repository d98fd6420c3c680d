import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { resolveEmojiKey } from '../text/emoji.js';

/**
 * The Twemoji SVGs bundled with @twemoji/svg, one file per key (`1f44d-1f3fd.svg`). Lookups are
 * cached for the life of the process: the set never changes while we run.
 */

let dir: string | undefined;
const resolved = new Map<string, string | null>();
const svgs = new Map<string, Uint8Array>();

function emojiDir(): string {
  dir ??= dirname(createRequire(import.meta.url).resolve('@twemoji/svg/package.json'));
  return dir;
}

function readSvg(key: string): Uint8Array | undefined {
  if (!/^[0-9a-f]+(-[0-9a-f]+)*$/.test(key)) return undefined;
  try {
    return new Uint8Array(readFileSync(join(emojiDir(), `${key}.svg`)));
  } catch {
    return undefined;
  }
}

/** The key of the bundled image for an emoji key, by the rule the studio shares (`resolveEmojiKey`). */
export function emojiKey(key: string): string | undefined {
  const known = resolved.get(key);
  if (known !== undefined) return known ?? undefined;
  const found = resolveEmojiKey(key, (candidate) => {
    const bytes = svgs.get(candidate) ?? readSvg(candidate);
    if (bytes) svgs.set(candidate, bytes);
    return bytes !== undefined;
  });
  resolved.set(key, found ?? null);
  return found;
}

export function hasEmoji(key: string): boolean {
  return emojiKey(key) !== undefined;
}

/** SVG bytes of an emoji by Twemoji key, undefined when the set has no image for it. */
export function emojiSvg(key: string): Uint8Array | undefined {
  const actual = emojiKey(key);
  return actual === undefined ? undefined : svgs.get(actual);
}
