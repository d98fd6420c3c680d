import type { Block, Span, SpoolDocument } from '../model/document.js';

export interface ThreadFileOut {
  title?: string;
  subtitle?: string;
  date?: string;
  url?: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  posts: { id: string; author: { name: string; handle: string; avatar?: string }; html: string; media?: { type: 'image'; src: string; alt?: string }[] }[];
}

/**
 * Document -> our thread file, for hand editing after an import. Text is escaped and marks use
 * only the limited markup the thread-file reader accepts, so reading it back gives the same posts.
 */
export function documentToThreadFile(document: SpoolDocument): ThreadFileOut {
  return {
    ...(document.title ? { title: document.title } : {}),
    // A condensed article's dek and date go with it: the cover shows them.
    ...(document.subtitle ? { subtitle: document.subtitle } : {}),
    ...(document.date ? { date: document.date } : {}),
    ...(document.url ? { url: document.url } : {}),
    ...(document.lang ? { lang: document.lang } : {}),
    ...(document.dir ? { dir: document.dir } : {}),
    posts: document.posts.map((post) => ({
      id: post.id,
      author: { ...post.author },
      html: post.blocks.map(blockHtml).join('\n'),
      ...(post.media.length ? { media: post.media.map((m) => ({ ...m })) } : {}),
    })),
  };
}

function blockHtml(block: Block): string {
  const inline = block.spans.map(spanHtml).join('');
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(Math.min(2, block.level ?? 2))} ${inline}`;
    case 'listItem':
      return block.ordered ? `${block.ordinal ?? 1}. ${inline}` : `- ${inline}`;
    case 'quote':
      return `&gt; ${inline}`.replace(/^&gt;/, '>');
    case 'code': {
      const lang = block.lang ? ` class="language-${escapeHtml(block.lang)}"` : '';
      return `<pre><code${lang}>${escapeHtml(block.spans.map((s) => s.text).join(''))}</code></pre>`;
    }
    default:
      return inline;
  }
}

function spanHtml(span: Span): string {
  let html = escapeHtml(span.text).replace(/\n/g, '<br>');
  if (span.code) html = `<code>${html}</code>`;
  if (span.italic) html = `<i>${html}</i>`;
  if (span.bold) html = `<b>${html}</b>`;
  // Mentions, hashtags and bare URLs are found again by the reader; only real links need the tag.
  if (span.href && !span.tag) html = `<a href="${escapeHtml(span.href)}">${html}</a>`;
  return html;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
