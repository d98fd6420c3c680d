import { memo, type KeyboardEventHandler, type PointerEventHandler } from 'react';
import { useDraggable } from '@dnd-kit/core';
import type { Post } from 'spool/core';
import { mediaUrl } from '../../api/client.js';
import { postDragId, type DragData } from '../../dnd/drag-ids.js';
import { Avatar, GripIcon, ImageIcon, InsertIcon } from '../common/graphics.js';
import { PostText } from './PostText.js';

interface PostCardProps {
  post: Post;
  index: number;
  /** Slide numbers that already show this post, as `2, 5`. */
  usedOn: string;
  canApplyImage: boolean;
  onInsert(post: Post): void;
  onApplyImage(post: Post): void;
}

/**
 * One source post. The whole card can be dragged with a pointer; the grip is the keyboard handle
 * (space to lift, arrows to move, space to drop), so the buttons inside keep their own keys.
 */
export const PostCard = memo(function PostCard({ post, index, usedOn, canApplyImage, onInsert, onApplyImage }: PostCardProps) {
  const data: DragData = { type: 'post', postId: post.id };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: postDragId(post.id), data });
  const label = `Post ${index + 1} by ${post.author.name}`;
  // dnd-kit types its listeners loosely; they are plain React event handlers.
  const onPointerDown = listeners?.onPointerDown as PointerEventHandler | undefined;
  const onKeyDown = listeners?.onKeyDown as KeyboardEventHandler | undefined;
  return (
    <article
      ref={setNodeRef}
      className={isDragging ? 'post-card is-dragging' : 'post-card'}
      aria-label={label}
      data-post-id={post.id}
      onPointerDown={onPointerDown}
    >
      <header className="post-head">
        <Avatar name={post.author.name} src={post.author.avatar} size={28} />
        <div className="post-who">
          <span className="post-name">{post.author.name}</span>
          <span className="post-handle">@{post.author.handle}</span>
        </div>
        {usedOn ? (
          <span className="badge" title="Slides that show this post">{usedOn.includes(',') ? `Slides ${usedOn}` : `Slide ${usedOn}`}</span>
        ) : (
          <span className="post-index">#{index + 1}</span>
        )}
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="icon-button drag-handle"
          {...attributes}
          onKeyDown={onKeyDown}
          aria-label={`Drag post ${index + 1} onto a slide`}
          aria-roledescription="draggable post"
        >
          <GripIcon />
        </button>
      </header>
      <PostText blocks={post.blocks} limit={6} />
      {post.media.length > 0 && (
        <div className={`post-media post-media-${Math.min(post.media.length, 4)}`}>
          {post.media.slice(0, 4).map((m, i) => {
            const url = mediaUrl(m.src);
            return url ? <img key={i} src={url} alt={m.alt ?? ''} loading="lazy" draggable={false} /> : <span key={i} className="media-missing"><ImageIcon /></span>;
          })}
        </div>
      )}
      <footer className="post-actions">
        <button type="button" className="btn btn-xs btn-ghost" onClick={() => onInsert(post)} aria-label={`Insert as slide: post ${index + 1}`}>
          <InsertIcon /> Insert as slide
        </button>
        <button
          type="button"
          className="btn btn-xs btn-ghost"
          onClick={() => onApplyImage(post)}
          disabled={!canApplyImage || post.media.length === 0}
          aria-label={`Apply image: post ${index + 1}`}
          title={post.media.length === 0 ? 'This post has no image' : 'Use this post’s image on the selected slide'}
        >
          <ImageIcon /> Apply image
        </button>
      </footer>
    </article>
  );
});

/** The card that follows the pointer while a post is dragged. */
export function PostDragPreview({ post }: { post: Post }) {
  return (
    <div className="post-card post-card-overlay">
      <div className="post-head">
        <Avatar name={post.author.name} src={post.author.avatar} size={24} />
        <span className="post-name">{post.author.name}</span>
      </div>
      <PostText blocks={post.blocks} limit={2} />
      <div className="overlay-hint">Drop on a slide · Shift appends</div>
    </div>
  );
}
