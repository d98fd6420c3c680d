import { isAbsolute } from 'node:path';
import type { SpoolDocument } from '../model/document.js';
import type { Deck } from '../model/deck.js';
import type { Design } from '../design/types.js';
import type { ImageResource, PaintResources } from '../scene/types.js';
import type { ImageLookup, Warning } from '../layout/types.js';
import type { TextEngine } from '../text/types.js';
import { SpoolInputError } from '../errors/input-error.js';
import { kindFromName } from '../sources/detect.js';
import { stageImage } from './images.js';
import type { LoadImageOptions, StagedImage } from './images.js';
import { emojiSvg } from './emoji.js';
import { ImageNotFoundError, ImageUnavailableError } from './image-unavailable.js';

/** Every image a document and design refer to, with the place to name when one fails. */
export function imageRefs(document: SpoolDocument, design: Design): { src: string; place: string }[] {
  const refs: { src: string; place: string }[] = [];
  document.posts.forEach((post, i) => {
    post.media.forEach((m, j) => refs.push({ src: m.src, place: `posts[${i}].media[${j}].src` }));
    if (post.author.avatar) refs.push({ src: post.author.avatar, place: `posts[${i}].author.avatar` });
  });
  if (design.brand.avatar) refs.push({ src: design.brand.avatar, place: 'brand.avatar' });
  if (design.brand.logo) refs.push({ src: design.brand.logo, place: 'brand.logo' });
  return refs;
}

/** Every image a deck shows: slide media, slide authors' avatars, the brand kit's avatar and logo. */
export function deckImageRefs(deck: Deck): { src: string; place: string }[] {
  const refs: { src: string; place: string }[] = [];
  deck.slides.forEach((slide, i) => {
    slide.media.forEach((m, j) => refs.push({ src: m.src, place: `slides[${i}].media[${j}].src` }));
    if (slide.author?.avatar) refs.push({ src: slide.author.avatar, place: `slides[${i}].author.avatar` });
  });
  if (deck.design.brand.avatar) refs.push({ src: deck.design.brand.avatar, place: 'brand.avatar' });
  if (deck.design.brand.logo) refs.push({ src: deck.design.brand.logo, place: 'brand.logo' });
  return refs;
}

/**
 * Loads each distinct image once. An image that cannot be had (a file not on disk, an address that
 * cannot be fetched) is left out with a warning naming the place that named it, the one way every
 * build says so; a broken image is bad input, and fails the build with that place. `source` names
 * the input (`article.md`) in both. Sizes are known when this resolves; conversions may still be
 * running (see `readyImages`), so layout can go ahead.
 */
export async function loadImages(
  refs: readonly { src: string; place: string }[],
  baseDir: string,
  source: string | undefined,
  options: LoadImageOptions = {},
): Promise<{ staged: StagedImages; warnings: Warning[] }> {
  const where = source ?? 'input';
  const out: StagedImages = new Map();
  const warnings: Warning[] = [];
  const pending = new Map<string, string>();
  for (const ref of refs) if (!pending.has(ref.src)) pending.set(ref.src, ref.place);
  const named = (place: string) => (err: unknown): never => {
    const reason = err instanceof Error ? err.message : String(err);
    throw new SpoolInputError(where, [{ path: place, message: reason }]);
  };
  await Promise.all(
    [...pending].map(async ([src, place]) => {
      const staged = await stageImage(src, baseDir, options).catch((err: unknown) => {
        // A file that is not there, an image on the web that is gone: the slide goes without it.
        if (!(err instanceof ImageUnavailableError)) return named(place)(err);
        warnings.push({ code: 'image-missing', src, message: leftOutMessage(place, src, leftOutReason(err, src, baseDir, source)) });
        return undefined;
      });
      if (!staged) return;
      const ready = staged.ready.catch(named(place));
      ready.catch(() => undefined);
      out.set(src, { ...staged, ready });
    }),
  );
  return { staged: out, warnings };
}

/** `posts[3]: image "diagrams/fig2.png" was not found next to article.md; left out`. */
function leftOutMessage(place: string, src: string, reason: string): string {
  const owned = /^(.+?)\.(?:media\[\d+\]\.src|author\.(avatar))$/.exec(place);
  const [owner, what] = owned ? [owned[1], owned[2] ?? 'image'] : place.startsWith('brand.') ? ['brand kit', place.slice(6)] : [place, 'image'];
  return `${owner}: ${what} "${src}" ${reason}; left out`;
}

/** What became of an image that could not be had; a missing file is said of where it was looked for. */
function leftOutReason(err: ImageUnavailableError, src: string, baseDir: string, source: string | undefined): string {
  if (!(err instanceof ImageNotFoundError)) return err.reason;
  const written = src.trim();
  // `/images/x.png` in a page or a Markdown file names a file on the site it was written for.
  const kind = source && kindFromName(source);
  if (/^\/(?!\/)/.test(written) && (kind === 'markdown' || kind === 'html')) {
    return `is a path on a website, and ${source} has no site to resolve it against`;
  }
  if (isAbsolute(written) || /^file:/i.test(written)) return err.reason;
  return source && source !== 'stdin' ? `${err.reason} next to ${source}` : `${err.reason} in ${baseDir}`;
}

export type StagedImages = Map<string, StagedImage>;

/** Waits for every conversion; the bytes the painters embed. */
export async function readyImages(staged: StagedImages): Promise<Map<string, ImageResource>> {
  const entries = await Promise.all([...staged].map(async ([src, image]) => [src, await image.ready] as const));
  return new Map(entries);
}

export function imageLookup(images: ReadonlyMap<string, { width: number; height: number; alpha?: boolean; photo?: boolean }>): ImageLookup {
  return (src) => {
    const image = images.get(src);
    if (!image) return undefined;
    return { width: image.width, height: image.height, ...(image.alpha ? { alpha: true } : {}), ...(image.photo ? { photo: true } : {}) };
  };
}

/** Fonts from the text engine, images by source, emoji from the bundled Twemoji set. */
export function paintResources(engine: TextEngine, images: ReadonlyMap<string, ImageResource>): PaintResources {
  const emoji = new Map<string, ImageResource | undefined>();
  return {
    face: (key) => engine.face(key),
    image: (key) => {
      if (!key.startsWith('emoji:')) return images.get(key);
      if (!emoji.has(key)) {
        const bytes = emojiSvg(key.slice(6));
        emoji.set(key, bytes && { key, mime: 'image/svg+xml', bytes, width: 36, height: 36 });
      }
      return emoji.get(key);
    },
  };
}
