import type { Block, Post, Span, SpoolDocument } from '../model/document.js';
import { headingAndBody, spansText } from '../model/document.js';
import type { Deck, Slide } from '../model/deck.js';
import { DECK_SCHEMA_VERSION } from '../model/deck.js';
import type { Design } from '../design/types.js';
import { AUTO_LAYOUT_ID } from '../design/layouts.js';
import { classifyPost } from './classify.js';
import { renumberLists } from './renumber.js';
import { splitHook } from './hook.js';
import { ctaBlocks, outroLink } from './outro.js';
import { gatherSteps } from './gather-steps.js';
import { joinLeadIns } from './join-lead-ins.js';
import { joinContinuations } from './join-continuations.js';

/**
 * Document -> Deck. One post per slide, no cap on their number; the design's plan options
 * decide what lone headings and lone images become. Overflow is not decided here: layout
 * measures and continues long slides on further pages.
 */
export function planDeck(document: SpoolDocument, design: Design): Deck {
  const posts = renumberLists(document.posts);
  const slides: Slide[] = [];
  let nextId = 1;
  const newId = () => `s${nextId++}`;
  let pendingTitle: { spans: Span[]; postId: string } | undefined;

  const flushPendingTitle = () => {
    if (!pendingTitle) return;
    slides.push({ id: newId(), kind: 'section', title: pendingTitle.spans, blocks: [], media: [], postIds: [pendingTitle.postId] });
    pendingTitle = undefined;
  };

  posts.forEach((post, index) => {
    const role = classifyPost(post);
    if (role === 'empty') return;
    if (index === 0 && design.plan.cover && role !== 'image') {
      // A document with a title (an article's headline, a thread's name) opens on it; the first
      // post then has a slide of its own. Without one, the first post's opening is the hook.
      const title = document.title?.trim();
      if (!title || opensWith(post, title)) {
        slides.push(...coverSlides(post, newId));
        return;
      }
      slides.push({ id: newId(), kind: 'cover', title: [{ text: title }], blocks: coverLines(document), media: [], postIds: [], author: post.author });
    }
    if (role === 'heading') {
      flushPendingTitle();
      const spans = headingSpans(post.blocks);
      if (design.plan.headings === 'title') pendingTitle = { spans, postId: post.id };
      else slides.push({ id: newId(), kind: 'section', title: spans, blocks: [], media: [], postIds: [post.id], author: post.author });
      return;
    }
    const previous = slides[slides.length - 1];
    if (role === 'image' && design.plan.images === 'attach' && !pendingTitle && previous && canTakeImage(previous.kind)) {
      previous.media = [...previous.media, ...post.media];
      previous.postIds = [...previous.postIds, post.id];
      return;
    }
    const slide: Slide = {
      id: newId(),
      kind: role === 'image' ? 'image' : 'content',
      blocks: post.blocks,
      media: post.media,
      postIds: [post.id],
      author: post.author,
    };
    const { heading, body } = headingAndBody(post.blocks);
    if (!pendingTitle && heading && body.length > 0 && role === 'content') {
      // A post that opens on a heading (a condensed article's section) is titled by it.
      slide.title = heading.spans;
      slide.blocks = body;
    }
    if (pendingTitle) {
      slide.title = pendingTitle.spans;
      slide.postIds.unshift(pendingTitle.postId);
      pendingTitle = undefined;
    }
    slides.push(slide);
  });
  flushPendingTitle();
  // Auto layout composes each slide for what it says; a list split over posts reads as one steps slide.
  // A post that introduces the next (it ends with a colon) becomes that slide's title.
  if (design.layout === AUTO_LAYOUT_ID) slides.splice(0, slides.length, ...joinLeadIns(joinContinuations(gatherSteps(slides))));

  if (design.cta.enabled) {
    const author = document.posts[0]?.author;
    const link = outroLink(design, document.url);
    slides.push({ id: newId(), kind: 'outro', blocks: [...ctaBlocks(design, author), ...(link ? [link] : [])], media: [], postIds: [], author });
  }

  return {
    schemaVersion: DECK_SCHEMA_VERSION,
    title: document.title ?? deckTitle(document),
    url: document.url,
    ...(document.lang ? { lang: document.lang } : {}),
    ...(document.dir ? { dir: document.dir } : {}),
    slides,
    design,
  };
}

/** What a titled cover says under its title: the article's dek and its date. */
function coverLines(document: SpoolDocument): Block[] {
  return [document.subtitle, document.date]
    .map((text) => text?.trim())
    .filter((text): text is string => !!text)
    .map((text): Block => ({ type: 'paragraph', spans: [{ text }] }));
}

function coverSlides(post: Post, newId: () => string): Slide[] {
  const { title, rest } = splitHook(post.blocks);
  // A first post with nothing to title a cover (only a table or code) opens the deck as it is.
  if (title.length === 0) return [{ id: newId(), kind: 'content', blocks: rest, media: post.media, postIds: [post.id], author: post.author }];
  const cover: Slide = { id: newId(), kind: 'cover', title, blocks: [], media: post.media, postIds: [post.id], author: post.author };
  if (rest.length === 0) return [cover];
  return [cover, { id: newId(), kind: 'content', blocks: rest, media: [], postIds: [post.id], author: post.author }];
}

/** Whether the post begins with the title, so a title cover would only say it twice. */
function opensWith(post: Post, title: string): boolean {
  const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  const first = post.blocks[0] ? squash(spansText(post.blocks[0].spans)) : '';
  return first.startsWith(squash(title).replace(/…$/, ''));
}

function headingSpans(blocks: readonly Block[]): Span[] {
  return blocks.flatMap((b, i) => (i === 0 ? b.spans : [{ text: ' ' }, ...b.spans]));
}

function canTakeImage(kind: Slide['kind']): boolean {
  return kind === 'content' || kind === 'cover';
}

function deckTitle(document: SpoolDocument): string | undefined {
  const first = document.posts.find((p) => p.blocks.length > 0);
  if (!first) return undefined;
  const text = spansText(first.blocks[0].spans).trim();
  return text.length > 80 ? `${text.slice(0, 77).trimEnd()}…` : text;
}


