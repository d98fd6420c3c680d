/**
 * `--rewrite`: a language model writes the hook and tightens each slide, and the guard keeps it
 * honest. Every answer is checked term by term against the source (guard.ts); a slide whose rewrite
 * names a number, name or quotation the source does not keeps its own words, with a warning naming
 * the slide and the term. A timeout, a refusal, a 429 or an answer that is not the JSON asked for
 * leave every slide as it was, with a warning: the build never fails because of the model.
 */
import { z } from 'zod/v3';
import type { Block, Post, SpoolDocument } from '../model/document.js';
import { blockText, headingAndBody } from '../model/document.js';
import { linkify } from '../model/linkify.js';
import { countWords } from '../model/sentences.js';
import { askForJson, type FetchLike } from './chat-client.js';
import { indexSource, inventedTerms } from './guard.js';
import type { ModelConfig } from './model-config.js';

/** A tightened slide is shorter than the extractive one's 40 words. */
const MAX_SLIDE_WORDS = 45;
const MAX_HOOK_WORDS = 16;

const answerSchema = z.object({
  hook: z.string(),
  slides: z.array(z.object({ id: z.string(), text: z.string() })),
});

const ANSWER_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['hook', 'slides'],
  properties: {
    hook: { type: 'string', description: 'The cover line: at most 12 words that make a reader swipe.' },
    slides: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'text'],
        properties: { id: { type: 'string' }, text: { type: 'string', description: 'The slide, tightened: at most 30 words.' } },
      },
    },
  },
};

const SYSTEM = [
  'You edit LinkedIn and Instagram carousel slides made from an article.',
  'Write a hook for the cover (at most 12 words) and tighten each slide (at most 30 words, plain text, no markup, no emoji, no hashtags).',
  'Use only what the article says. Never add a number, percentage, date, name or quotation that is not in the article; keep those you use exactly as written.',
  'Keep every slide id. Answer only with JSON matching the schema.',
].join(' ');

export interface RewriteResult {
  document: SpoolDocument;
  warnings: string[];
  /** Slides whose rewrite was used, and whether the hook was. */
  rewritten: number;
  hook: boolean;
}

/** Posts whose text is prose (with a title heading at most): the slides a rewrite may touch. */
function rewritable(post: Post): boolean {
  const { body } = headingAndBody(post.blocks);
  return body.length > 0 && body.every((b) => b.type === 'paragraph');
}

export async function rewriteDocument(document: SpoolDocument, config: ModelConfig, fetchImpl?: FetchLike): Promise<RewriteResult> {
  const unchanged = (warning: string): RewriteResult => ({ document, warnings: [warning], rewritten: 0, hook: false });
  const sourceText = (document.source?.blocks ?? document.posts.flatMap((p) => p.blocks)).map(blockText).join('\n\n');
  const candidates = document.posts.filter(rewritable);
  const slides = candidates.map((post) => ({ id: post.id, text: headingAndBody(post.blocks).body.map(blockText).join('\n\n') }));
  const user = [
    `Article${document.title ? ` “${document.title}”` : ''}:`,
    '<<<',
    sourceText,
    '>>>',
    '',
    `Current cover: ${document.title ?? '(none)'}`,
    'Slides (JSON):',
    JSON.stringify(slides),
  ].join('\n');
  const answer = await askForJson(config, [{ role: 'system', content: SYSTEM }, { role: 'user', content: user }], { name: 'carousel_rewrite', schema: ANSWER_JSON_SCHEMA }, fetchImpl);
  if (!answer.ok) return unchanged(`rewrite: ${answer.reason}; every slide keeps the article’s words`);
  const parsed = answerSchema.safeParse(answer.json);
  if (!parsed.success) return unchanged('rewrite: the model’s answer did not have the hook and slides asked for; every slide keeps the article’s words');

  const source = indexSource([document.title ?? '', document.subtitle ?? '', sourceText].join('\n'));
  const warnings: string[] = [];
  const byId = new Map(parsed.data.slides.map((s) => [s.id, s.text.trim()]));
  let rewritten = 0;
  const posts = document.posts.map((post, i) => {
    const text = byId.get(post.id);
    if (!rewritable(post) || text === undefined || text === '') return post;
    const place = `posts[${i}] (“${excerpt(headingAndBody(post.blocks).body)}”)`;
    const invented = inventedTerms(text, source);
    if (invented.length > 0) {
      warnings.push(`rewrite: ${place} keeps the article’s words: the model wrote ${invented.map((t) => `“${t.replace(/^“|”$/g, '')}”`).join(', ')}, which the article does not say`);
      return post;
    }
    if (countWords(text) > MAX_SLIDE_WORDS) {
      warnings.push(`rewrite: ${place} keeps the article’s words: the rewrite was longer than ${MAX_SLIDE_WORDS} words`);
      return post;
    }
    rewritten++;
    const { heading } = headingAndBody(post.blocks);
    return { ...post, blocks: [...(heading ? [heading] : []), ...paragraphs(text)] };
  });
  let hook = false;
  let title = document.title;
  const proposed = parsed.data.hook.replace(/\s+/g, ' ').trim();
  if (title && proposed) {
    const invented = inventedTerms(proposed, source);
    if (invented.length > 0) warnings.push(`rewrite: the cover keeps its headline: the model’s hook had ${invented.map((t) => `“${t.replace(/^“|”$/g, '')}”`).join(', ')}, which the article does not say`);
    else if (countWords(proposed) > MAX_HOOK_WORDS) warnings.push(`rewrite: the cover keeps its headline: the model’s hook was longer than ${MAX_HOOK_WORDS} words`);
    else {
      title = proposed;
      hook = true;
    }
  }
  return { document: { ...document, title, posts }, warnings, rewritten, hook };
}

/** Plain text, never markup: paragraphs at blank lines, links and mentions found by linkify. */
function paragraphs(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((p): Block => ({ type: 'paragraph', spans: linkify(p) }));
}

function excerpt(blocks: readonly Block[]): string {
  const text = blocks.map(blockText).join(' ').replace(/\s+/g, ' ').trim();
  // Cut at a word, so the slide is recognisable by its opening words.
  return text.length > 40 ? `${text.slice(0, 41).replace(/\s*\S*$/, '')}…` : text;
}
