import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type Post, nextSlideId } from 'spool/core';
import { useStudio } from '../../state/studio-context.js';
import { PlusIcon } from '../common/graphics.js';
import { ImportBox } from './ImportBox.js';
import { PostCard } from './PostCard.js';
import { act } from '../../state/deck-actions.js';

/** The left column: the imported posts, ready to be dragged or sent to slides. */
export function SourcePanel() {
  const studio = useStudio();
  const { deck, state, selected } = studio;
  const posts = studio.document.posts;
  const [importing, setImporting] = useState(posts.length === 0);
  const importButton = useRef<HTMLButtonElement>(null);
  // Where focus goes once the import form closes: a post (when it has rendered), or the Import button (null).
  const [focusNext, setFocusNext] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (focusNext === undefined) return;
    const target = focusNext === null ? importButton.current : document.querySelector<HTMLElement>(`[data-post-id="${CSS.escape(focusNext)}"] .drag-handle`);
    if (!target) return;
    target.focus();
    target.scrollIntoView({ block: 'nearest' });
    setFocusNext(undefined);
  }, [focusNext, posts]);

  // Slide numbers as text, so a card re-renders only when the slides showing its post change.
  // Kept the same Map while no slide changes which posts it shows, so typing in a slide leaves the
  // post list alone (PostList is memoised) rather than comparing hundreds of cards' props.
  const usedKey = useMemo(() => deck.slides.map((sl) => sl.postIds.join(',')).join('|'), [deck.slides]);
  const usedOn = useMemo(() => {
    const map = new Map<string, number[]>();
    usedKey.split('|').forEach((ids, i) => ids && ids.split(',').forEach((id) => map.set(id, [...(map.get(id) ?? []), i + 1])));
    return new Map([...map].map(([id, nums]) => [id, nums.join(', ')]));
  }, [usedKey]);

  const { edit } = studio;
  const latest = useRef({ deck, selectedId: selected?.id });
  latest.current = { deck, selectedId: selected?.id };
  const onInsert = useCallback(
    (post: Post) => {
      const { deck: now, selectedId } = latest.current;
      edit(act.insertPost({ post, after: selectedId }), { select: nextSlideId(now) });
    },
    [edit],
  );
  const onApplyImage = useCallback(
    (post: Post) => {
      const { selectedId } = latest.current;
      if (selectedId) edit(act.applyImage({ slideId: selectedId, media: post.media }));
    },
    [edit],
  );

  return (
    <aside className="column column-left" aria-labelledby="source-title">
      <div className="column-head">
        <h2 id="source-title" className="column-title">Source Content</h2>
        <span className="count" aria-label={`${posts.length} posts`}>{posts.length}</span>
        <span className="spacer" />
        <button type="button" ref={importButton} className="btn btn-sm" aria-expanded={importing} onClick={() => setImporting(!importing)}>
          <PlusIcon /> Import
        </button>
      </div>
      {importing && (
        <ImportBox
          onDone={(post) => {
            setImporting(false);
            setFocusNext(post ?? null);
          }}
        />
      )}
      <div className="post-list" aria-label="Posts">
        {posts.length === 0 && !importing && (
          <div className="empty">
            <p className="empty-title">No posts yet</p>
            <p>Paste a thread, upload an X archive or Markdown, or give a URL.</p>
            <button type="button" className="btn btn-sm btn-primary" onClick={() => setImporting(true)}>Import posts</button>
          </div>
        )}
        <PostList posts={posts} usedOn={usedOn} canApplyImage={!!selected} onInsert={onInsert} onApplyImage={onApplyImage} />
      </div>
      {posts.length > 0 && <p className="column-foot">Drag a post onto a slide to replace it · hold Shift to append · drop between slides to insert</p>}
    </aside>
  );
}

interface PostListProps {
  posts: Post[];
  usedOn: Map<string, string>;
  canApplyImage: boolean;
  onInsert(post: Post): void;
  onApplyImage(post: Post): void;
}

/**
 * Cards in runs of this many: the browser skips a run out of view as a whole (content-visibility),
 * so a 300-post thread leaves it 15 runs to track and hit-test on every frame, not 300 cards.
 */
export const POSTS_PER_RUN = 20;

const PostList = memo(function PostList({ posts, usedOn, canApplyImage, onInsert, onApplyImage }: PostListProps) {
  const runs: Post[][] = [];
  for (let i = 0; i < posts.length; i += POSTS_PER_RUN) runs.push(posts.slice(i, i + POSTS_PER_RUN));
  return (
    <>
      {runs.map((run, r) => (
        <div key={r} className="post-run">
          {run.map((post, i) => (
            <PostCard key={post.id} post={post} index={r * POSTS_PER_RUN + i} usedOn={usedOn.get(post.id) ?? ''} canApplyImage={canApplyImage}
              onInsert={onInsert} onApplyImage={onApplyImage} />
          ))}
        </div>
      ))}
    </>
  );
});
