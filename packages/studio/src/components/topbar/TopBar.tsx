import { useEffect, useState } from 'react';
import { blockText, type Deck, type SpoolDocument } from 'spool/core';
import { useStudio } from '../../state/studio-context.js';
import { useNotify } from '../../state/toasts.js';
import { CheckIcon, ClipboardIcon, RedoIcon, UndoIcon } from '../common/graphics.js';
import type { ConnectReturn } from '../../engine/connect-return.js';
import { PublishButton } from '../publish/PublishButton.js';
import { ExportMenu } from './ExportMenu.js';
import { ProjectMenu } from './ProjectMenu.js';
import { ConflictDialog } from './ConflictDialog.js';
import type { Project } from '../../api/types.js';

const STATUS_TEXT = { saved: 'Saved', unsaved: 'Unsaved changes', saving: 'Saving…', error: 'Not saved — retrying', conflict: 'Not saved — changed elsewhere' } as const;

export function TopBar({ connectReturn }: { connectReturn?: ConnectReturn } = {}) {
  const studio = useStudio();
  const notify = useNotify();
  const [name, setName] = useState(studio.state.name);
  // The dialog can be put aside; the save status then opens it again. A newer conflict shows itself.
  const [putAside, setPutAside] = useState<Project | null>(null);
  const conflictShown = studio.conflict !== null && studio.conflict !== putAside;
  useEffect(() => setName(studio.state.name), [studio.state.name, studio.state.projectId]);
  const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
  const mod = isMac ? '⌘' : 'Ctrl+';

  const commitName = () => {
    const clean = name.trim();
    if (clean && clean !== studio.state.name) studio.rename(clean);
    else setName(studio.state.name);
  };

  const copyCaption = async () => {
    const caption = captionFor(studio.document, studio.deck);
    try {
      await navigator.clipboard.writeText(caption);
      notify('Caption copied — first post and hashtags', 'success');
    } catch {
      notify('The browser blocked the clipboard. Select and copy the caption from the first post instead.', 'error');
    }
  };

  return (
    <header className="topbar">
      <h1 className="brand-mark">
        <svg width="22" height="22" viewBox="0 0 32 32" aria-hidden="true"><rect width="32" height="32" rx="8" fill="#5B5BD6" /><rect x="8" y="9" width="11" height="14" rx="2" fill="#fff" opacity=".55" /><rect x="13" y="7" width="11" height="14" rx="2" fill="#fff" /></svg>
        <span>Spool</span>
      </h1>
      <span className="topbar-sep" aria-hidden="true" />
      <input className="project-name" aria-label="Project name" value={name} onChange={(e) => setName(e.target.value)} onBlur={commitName}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
          if (e.key === 'Escape') setName(studio.state.name);
        }} />
      <ProjectMenu />
      <span className={`save-status save-${studio.saveStatus}`} role="status" aria-live="polite" data-testid="save-status">
        {studio.saveStatus === 'saved' && <CheckIcon />}
        {studio.conflict && !conflictShown ? (
          <button type="button" className="btn btn-sm btn-ghost save-resolve" onClick={() => setPutAside(null)}>{STATUS_TEXT.conflict}</button>
        ) : STATUS_TEXT[studio.saveStatus]}
      </span>
      {studio.conflict && conflictShown && (
        <ConflictDialog theirs={studio.conflict} onKeepMine={studio.keepMine} onKeepTheirs={studio.keepTheirs} onClose={() => setPutAside(studio.conflict)} />
      )}
      <span className="spacer" />
      <div className="toolbar" role="toolbar" aria-label="History">
        <button type="button" className="icon-button icon-button-lg" onClick={studio.undo} disabled={!studio.canUndo} aria-label="Undo" title={`Undo (${mod}Z)`}>
          <UndoIcon />
        </button>
        <button type="button" className="icon-button icon-button-lg" onClick={studio.redo} disabled={!studio.canRedo} aria-label="Redo" title={`Redo (${isMac ? '⇧⌘' : 'Shift+Ctrl+'}Z)`}>
          <RedoIcon />
        </button>
      </div>
      <span className="topbar-sep" aria-hidden="true" />
      <button type="button" className="btn btn-sm btn-ghost" onClick={() => void copyCaption()} aria-label="Copy caption" title="Copy caption">
        <ClipboardIcon /> <span className="topbar-label">Copy caption</span>
      </button>
      <ExportMenu />
      <PublishButton connectReturn={connectReturn} />
    </header>
  );
}

/**
 * The post caption: the thread's first post as written, then its hashtags (from every post, in
 * order, without repeats) on a line of their own, ready to paste.
 */
export function captionFor(document: SpoolDocument, deck: Deck): string {
  const first = document.posts.find((p) => p.blocks.length > 0);
  const fallback = deck.slides.find((s) => s.kind === 'cover' || s.kind === 'content');
  const blocks = first?.blocks ?? fallback?.blocks ?? [];
  const titleText = !first && fallback?.title ? fallback.title.map((s) => s.text).join('') : '';
  const text = [titleText, ...blocks.map(blockText)].filter((t) => t.trim()).join('\n').trim();
  const tags: string[] = [];
  const seen = new Set<string>();
  const spans = [...document.posts.flatMap((p) => p.blocks), ...deck.slides.flatMap((s) => s.blocks)].flatMap((b) => b.spans);
  for (const span of spans) {
    const tag = span.text.trim();
    if (span.tag !== 'hashtag' || !tag) continue;
    const key = tag.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      tags.push(tag);
    }
  }
  const missing = tags.filter((t) => !text.toLowerCase().includes(t.toLowerCase()));
  return missing.length ? `${text}\n\n${missing.join(' ')}` : text;
}
