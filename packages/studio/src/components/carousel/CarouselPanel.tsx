import { useCallback, useMemo, useRef } from 'react';
import { RewriteButton } from './RewriteButton.js';
import { nextSlideId } from 'spool/core';
import { useRender, useStudio } from '../../state/studio-context.js';
import { CopyIcon, PlusIcon, TrashIcon } from '../common/graphics.js';
import { SlideEditor } from './SlideEditor.js';
import { SlideStage } from './SlideStage.js';
import { SlideStrip } from './SlideStrip.js';
import { SplitWarning } from './SplitWarning.js';
import { act } from '../../state/deck-actions.js';

/** The centre column: the selected slide large, its edit form, and the strip of all slides. */
export function CarouselPanel() {
  const studio = useStudio();
  const { deck, selected, edit, select } = studio;
  const { render, loading, error } = useRender();
  const pages = useMemo(() => render?.pages ?? [], [render]);
  const aspect = deck.design.ratio.width / deck.design.ratio.height;
  const index = selected ? deck.slides.indexOf(selected) : -1;
  const selectedPages = useMemo(() => pages.filter((p) => p.slideId === selected?.id), [pages, selected?.id]);

  // Stable across edits, so the strip (memoised) is not rendered again for a new callback.
  const latest = useRef({ deck, selectedId: selected?.id });
  latest.current = { deck, selectedId: selected?.id };
  const add = useCallback(() => {
    const { deck: now, selectedId } = latest.current;
    edit(act.addSlideAfter({ after: selectedId }), { select: nextSlideId(now) });
  }, [edit]);

  return (
    <main id="carousel" tabIndex={-1} className="column column-centre" aria-labelledby="carousel-title">
      <div className="column-head">
        <h2 id="carousel-title" className="column-title">Build Your Carousel</h2>
        <span className="muted" aria-live="polite">
          {deck.slides.length} slide{deck.slides.length === 1 ? '' : 's'}
          {pages.length !== deck.slides.length && ` · ${pages.length} pages`}
        </span>
        <span className="spacer" />
        <div className="toolbar" role="toolbar" aria-label="Slide actions">
          <RewriteButton />
          <button type="button" className="btn btn-sm" onClick={add}><PlusIcon /> Add slide</button>
          <button type="button" className="btn btn-sm" disabled={!selected}
            onClick={() => selected && edit(act.duplicateSlide({ slideId: selected.id }), { select: nextSlideId(deck) })}>
            <CopyIcon /> Duplicate
          </button>
          <button type="button" className="btn btn-sm btn-danger-ghost" disabled={!selected}
            onClick={() => selected && edit(act.deleteSlide({ slideId: selected.id }))}>
            <TrashIcon /> Delete
          </button>
        </div>
      </div>
      <SplitWarning pages={pages} />
      {error && <p className="banner banner-error" role="alert">The preview failed: {error}</p>}
      <div className="workbench">
        {selected ? (
          <>
            <SlideStage slideId={selected.id} slideNumber={index + 1} pages={selectedPages} aspect={aspect} loading={loading} engineMs={render?.ms} />
            <SlideEditor key={selected.id} slide={selected} index={index} />
          </>
        ) : (
          <div className="stage stage-empty">
            <div className="empty">
              <p className="empty-title">{render ? 'Your carousel has no slides yet' : 'Preparing the preview…'}</p>
              <p>Import a thread, drag posts here, or start with a blank slide.</p>
              <button type="button" className="btn btn-primary" onClick={add}><PlusIcon /> Add a slide</button>
            </div>
          </div>
        )}
      </div>
      <SlideStrip slides={deck.slides} pages={pages} aspect={aspect} resources={studio.services.renderer.resources} selectedId={studio.state.selectedId} onSelect={select} onAdd={add} />
    </main>
  );
}
