import { useState } from 'react';
import { INSTAGRAM_SLIDE_LIMIT, splitDeck, isInstagram } from 'spool/core';
import type { RenderedPage } from '../../engine/deck-renderer.js';
import { useStudio } from '../../state/studio-context.js';
import { useNotify } from '../../state/toasts.js';
import { SplitIcon, WarningIcon } from '../common/graphics.js';
import { act } from '../../state/deck-actions.js';

/**
 * Instagram takes 20 items a carousel. Past that, one click keeps the first part here and saves
 * the rest as new projects, each closed by the outro.
 */
export function SplitWarning({ pages }: { pages: RenderedPage[] }) {
  const { deck, document, state, edit, services } = useStudio();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  if (!isInstagram(deck.design.ratio) || pages.length <= INSTAGRAM_SLIDE_LIMIT) return null;

  const counts: Record<string, number> = {};
  for (const p of pages) counts[p.slideId] = (counts[p.slideId] ?? 0) + 1;
  const parts = splitDeck(deck, { max: INSTAGRAM_SLIDE_LIMIT, pages: counts });


  const split = async () => {
    setBusy(true);
    try {
      for (let i = 1; i < parts.length; i++) {
        await services.backend.createProject({ name: `${state.name} (part ${i + 1})`, document, deck: parts[i] });
      }
      edit(act.keepFirstPart({ deck: parts[0] }));
      notify(`Split into ${parts.length} carousels. Parts 2–${parts.length} are in your project list.`, 'success');
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="banner banner-warning" role="alert">
      <WarningIcon />
      <span>
        Instagram allows {INSTAGRAM_SLIDE_LIMIT} slides per carousel; this one has <b>{pages.length}</b>.
      </span>
      <span className="spacer" />
      <button type="button" className="btn btn-sm" onClick={split} disabled={busy}>
        <SplitIcon /> {busy ? 'Splitting…' : `Split into ${parts.length} carousels`}
      </button>
    </div>
  );
}
