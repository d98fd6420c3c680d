import type { SpoolDocument } from '../model/document.js';
import type { Deck } from '../model/deck.js';
import type { Design } from '../design/types.js';
import type { ImageResource, PaintResources } from '../scene/types.js';
import type { ImageLookup, Warning } from '../layout/types.js';
import type { TextEngine } from '../text/types.js';
import { SpoolInputError } from '../errors/input-error.js';
import { stageImage } from './images.js';
import type { LoadImageOptions, StagedImage } from './images.js';
import { emojiSvg } from './emoji.js';
import { RemoteImageError } from './remote-images.js';

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
 * Loads each distinct image once. A missing or broken image is bad input: it fails the build
 * with the place that named it, rather than quietly leaving a hole in a slide. Sizes are known when
 * this resolves; conversions may still be running (see `readyImages`), so layout can go ahead.
 */
export async function loadImages(
  refs: readonly { src: string; place: string }[],
  baseDir: string,
  where: string,
  options: LoadImageOptions = {},
): Promise<{ staged: StagedImages; warnings: Warning[] }> {
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
        // An image on the web that is gone, or this machine offline: the slide goes without it.
        if (!(err instanceof RemoteImageError)) return named(place)(err);
        warnings.push({ code: 'image-missing', src, message: `${where}: ${place}: image ${src} left out: ${err.message}` });
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

export type StagedImages = Map<string, StagedImage>;

/** Waits for every conversion; the bytes the painters embed. */
export async function readyImages(staged: StagedImages): Promise<Map<string, ImageResource>> {
  const entries = await Promise.all([...staged].map(async ([src, image]) => [src, await image.ready] as const));
  return new Map(entries);
}

export function imageLookup(images: ReadonlyMap<string, { width: number; height: number; alpha?: boolean }>): ImageLookup {
  return (src) => {
    const image = images.get(src);
    if (!image) return undefined;
    return image.alpha ? { width: image.width, height: image.height, alpha: true } : { width: image.width, height: image.height };
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
