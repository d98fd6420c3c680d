/**
 * Bluesky posts as Document posts. A post's text is plain; its links are facets over UTF-8 byte
 * ranges of that text (not UTF-16 indices: an emoji or an accented letter before a link moves them),
 * and the link text is usually a shortened form of the address. Images, link cards and quoted posts
 * arrive as embed views beside the text.
 */
import type { Author, Block, MediaRef, Span } from '../model/document.js';
import {
  bskyExternalViewSchema, bskyImagesViewSchema, bskyRecordViewSchema, bskyRecordWithMediaViewSchema, bskyViewRecordSchema, type BskyFacet,
  type BskyPostRecord, type BskyPostView, type BskyProfile,
} from './bluesky-types.js';
import { safeHref } from './inline-html.js';
import { isObject } from './social-api.js';
import { lineBlocks, linkLine, linkSpan, quotation, quotedAddress, webAddress, withoutThreadMarkers, type BuiltPost } from './social-posts.js';

const MAX_IMAGES = 4;
/** Labels an author puts on their own post to warn of what it shows. */
const SELF_WARNINGS = new Set(['porn', 'sexual', 'nudity', 'graphic-media']);

/** The handle, or the DID of an account whose handle no longer checks out (as the app shows it). */
export function actorOf(profile: BskyProfile): string {
  return profile.handle && profile.handle !== 'handle.invalid' ? profile.handle : profile.did;
}

/** The author with a bare handle (`mira.bsky.social`), as handles are stored; an avatar only when it is a web address. */
export function blueskyAuthor(profile: BskyProfile): { author: Author; warning?: string } {
  const author: Author = { name: profile.displayName?.trim() ?? '', handle: actorOf(profile) };
  if (profile.avatar === undefined || profile.avatar === null || profile.avatar === '') return { author };
  const avatar = webAddress(profile.avatar);
  if (avatar) author.avatar = avatar;
  else return { author, warning: `the avatar of ${author.handle} is not a web address (${quotedAddress(profile.avatar)}); left out` };
  return { author };
}

/** The record key, the last part of an `at://` URI: the id in the post's web address. */
export function rkeyOf(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}

/** The DID (or handle) an `at://` URI names, whose repository holds the record. */
export function repoOf(uri: string): string {
  return /^at:\/\/([^/]+)/.exec(uri)?.[1] ?? '';
}

/** The text as spans, with each link facet a real link; mentions and tags stay text. */
export function facetSpans(text: string, facets: readonly BskyFacet[] | undefined): Span[] {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const links = (facets ?? [])
    .flatMap((facet) => {
      const feature = facet.features?.find((f) => f.$type === 'app.bsky.richtext.facet#link') as { uri?: string } | undefined;
      const href = safeHref(feature?.uri);
      const { byteStart, byteEnd } = facet.index ?? {};
      return href && Number.isInteger(byteStart) && Number.isInteger(byteEnd) ? [{ start: byteStart, end: byteEnd, href }] : [];
    })
    .sort((a, b) => a.start - b.start);
  const spans: Span[] = [];
  let at = 0;
  for (const link of links) {
    if (link.start < at || link.end <= link.start || link.end > bytes.length) continue;
    let before: string;
    let inner: string;
    try {
      // A range that does not fall on character boundaries is a broken facet: its text stays plain.
      before = decoder.decode(bytes.subarray(at, link.start));
      inner = decoder.decode(bytes.subarray(link.start, link.end));
    } catch {
      continue;
    }
    if (before !== '') spans.push({ text: before });
    spans.push(linkSpan(inner, link.href));
    at = link.end;
  }
  if (at < bytes.length) spans.push({ text: new TextDecoder().decode(bytes.subarray(at)) });
  return spans;
}

function recordBlocks(record: BskyPostRecord): Block[] {
  return lineBlocks(facetSpans(record.text ?? '', record.facets));
}

const IMAGES = 'app.bsky.embed.images#view';
const EXTERNAL = 'app.bsky.embed.external#view';
const VIDEO = 'app.bsky.embed.video#view';
const RECORD = 'app.bsky.embed.record#view';
const RECORD_WITH_MEDIA = 'app.bsky.embed.recordWithMedia#view';

/**
 * `avatarsWarned` carries the accounts whose avatar has had its warning, so a thread says it once,
 * on the first post it concerns.
 */
export function blueskyPost(view: BskyPostView, position: number, avatarsWarned = new Set<string>()): BuiltPost {
  const id = rkeyOf(view.uri);
  const place = `post ${id}`;
  const body = withoutThreadMarkers(recordBlocks(view.record), position, place);
  const warnings = [...body.warnings];
  const blocks = body.blocks;
  const media: MediaRef[] = [];
  const linked = new Set(blocks.flatMap((b) => b.spans.flatMap((s) => (s.href ? [s.href] : []))));
  const unreadable = (what: string) => warnings.push(`${place}: ${what} that cannot be read was left out`);
  const addMedia = (embed: unknown) => {
    const type = typeOf(embed);
    if (type === IMAGES) {
      const read = bskyImagesViewSchema.safeParse(embed);
      if (!read.success) return unreadable('an image embed');
      for (const image of read.data.images) {
        if (media.length >= MAX_IMAGES) continue;
        const src = webAddress(image.fullsize);
        if (!src) {
          warnings.push(`${place}: an image was left out: its address is not a web address (${quotedAddress(image.fullsize)})`);
          continue;
        }
        media.push(image.alt?.trim() ? { type: 'image', src, alt: image.alt.trim() } : { type: 'image', src });
      }
    } else if (type === EXTERNAL) {
      const read = bskyExternalViewSchema.safeParse(embed);
      if (!read.success) return unreadable('a link card');
      const href = safeHref(read.data.external.uri);
      if (href && !linked.has(href)) blocks.push(linkLine(href));
    } else if (type === VIDEO) {
      warnings.push(`${place}: a video was left out; only images become slides`);
    }
  };
  const type = typeOf(view.embed);
  if (type === RECORD) {
    blocks.push(...quoted(view.embed, place, warnings));
  } else if (type === RECORD_WITH_MEDIA) {
    const read = bskyRecordWithMediaViewSchema.safeParse(view.embed);
    if (read.success) {
      addMedia(read.data.media);
      blocks.push(...quoted(read.data.record, place, warnings));
    } else {
      unreadable('a quoted post with media');
    }
  } else {
    addMedia(view.embed);
  }
  for (const label of view.labels ?? []) {
    if (label.src === view.author.did && SELF_WARNINGS.has(label.val)) {
      warnings.push(`${place}: its author labelled it “${label.val}”; the slides do not carry the label`);
    }
  }
  const { author, warning } = blueskyAuthor(view.author);
  if (warning && !avatarsWarned.has(view.author.did)) {
    avatarsWarned.add(view.author.did);
    warnings.push(`${place}: ${warning}`);
  }
  return { post: { id, author, blocks, media }, warnings };
}

function typeOf(embed: unknown): string | undefined {
  return isObject(embed) && typeof embed.$type === 'string' ? embed.$type : undefined;
}

/** A quoted post as a quotation with its author; a quote that cannot be shown is said. */
function quoted(embed: unknown, place: string, warnings: string[]): Block[] {
  const view = bskyRecordViewSchema.safeParse(embed);
  if (!view.success) {
    warnings.push(`${place}: a quoted post that cannot be read was left out`);
    return [];
  }
  const record = view.data.record;
  if (record.$type === 'app.bsky.embed.record#viewRecord') {
    const read = bskyViewRecordSchema.safeParse(record);
    if (read.success) return quotation(blueskyAuthor(read.data.author).author, recordBlocks(read.data.value));
    warnings.push(`${place}: a quoted post that cannot be read was left out`);
  } else if (record.$type === 'app.bsky.embed.record#viewNotFound') warnings.push(`${place}: the post it quotes has been deleted`);
  else if (record.$type === 'app.bsky.embed.record#viewBlocked') warnings.push(`${place}: the post it quotes is hidden by a block between the accounts`);
  else if (record.$type === 'app.bsky.embed.record#viewDetached') warnings.push(`${place}: the post it quotes was detached by its author`);
  else warnings.push(`${place}: a quoted feed, list or starter pack was left out`);
  return [];
}
