import type { ReactNode } from 'react';
import type { Block, Span } from 'spool/core';

/**
 * Post text as React elements. Posts come from anywhere, so their text is only ever a text node:
 * `<script>` in a post is shown as the characters it is, never parsed as markup.
 */
export function PostText({ blocks, limit }: { blocks: readonly Block[]; limit?: number }) {
  const shown = limit ? blocks.slice(0, limit) : blocks;
  return (
    <div className="post-text">
      {shown.map((block, i) => (
        <BlockView key={i} block={block} />
      ))}
      {limit && blocks.length > limit && <p className="post-more">+{blocks.length - limit} more</p>}
    </div>
  );
}

/** Each block takes its direction from its first strong character, so Arabic and Hebrew read right to left. */
function BlockView({ block }: { block: Block }) {
  const spans = <Spans spans={block.spans} />;
  switch (block.type) {
    case 'heading':
      return <p className="post-heading" dir="auto">{spans}</p>;
    case 'listItem':
      return (
        <p className="post-li" dir="auto">
          <span className="post-bullet" aria-hidden="true">{block.ordered ? `${block.ordinal ?? 1}.` : '•'}</span>
          <span>{spans}</span>
        </p>
      );
    case 'quote':
      return <blockquote className="post-quote" dir="auto">{spans}</blockquote>;
    case 'code':
      // Its lines and indents as written, as text.
      return <pre className="post-code" dir="ltr">{block.spans.map((s) => s.text).join('')}</pre>;
    default:
      return <p dir="auto">{spans}</p>;
  }
}

export function Spans({ spans }: { spans: readonly Span[] }) {
  return (
    <>
      {spans.map((span, i) => {
        let node: ReactNode = span.text;
        if (span.code) node = <code>{node}</code>;
        if (span.italic) node = <em>{node}</em>;
        if (span.bold) node = <strong>{node}</strong>;
        if (span.href || span.tag) node = <span className="post-link">{node}</span>;
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}
