import { useState } from 'react';
import { applyRewrittenSlides, slidesForRewrite } from 'spool/core';
import { useStudioActions } from '../../state/studio-context.js';
import { useNotify } from '../../state/toasts.js';
import { act } from '../../state/deck-actions.js';
import { SparkIcon } from '../common/graphics.js';

/**
 * Rewrite: the server's language model writes the hook and tightens each prose slide, every answer
 * checked against the article; what it invented is refused and said. Shown only when the server has
 * a model configured. One undo takes it back.
 */
export function RewriteButton() {
  const actions = useStudioActions();
  const { services, edit } = actions;
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  if (!services.catalog.rewrite) return null;

  const run = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const { deck, document } = actions.current();
      const sent = slidesForRewrite(deck, document);
      const result = await services.backend.rewrite(sent);
      // Applied to the deck as it is when the answer comes, so edits made while waiting stay.
      const now = actions.current().deck;
      const next = applyRewrittenSlides(now, result.document);
      if (next !== now) edit(act.applyRewrite({ deck: next }));
      // The server names the slides it was sent by their place in that list; the user knows them by number.
      const slideName = (i: string) => `Slide ${now.slides.findIndex((s) => s.id === sent.posts[Number(i)]?.id) + 1}`;
      for (const warning of result.warnings) notify(warning.replace(/^rewrite: /, '').replace(/^posts\[(\d+)\]/, (_m, i: string) => slideName(i)), 'error');
      const changed = result.rewritten + (result.hook ? 1 : 0);
      notify(changed > 0 ? `Rewrote ${result.rewritten} slide${result.rewritten === 1 ? '' : 's'}${result.hook ? ' and the hook' : ''}; undo to go back` : 'Nothing was rewritten: every slide keeps the article’s words', changed > 0 ? 'success' : 'info');
    } catch (err) {
      notify(`Rewrite failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <button type="button" className="btn btn-sm" onClick={run} disabled={busy} aria-busy={busy}
      title="Ask the language model to write the hook and tighten each slide; numbers, names and quotations must be the article’s">
      <SparkIcon /> {busy ? 'Rewriting…' : 'Rewrite'}
    </button>
  );
}
