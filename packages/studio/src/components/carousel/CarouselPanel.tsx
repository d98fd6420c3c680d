import { useCallback, useMemo } from 'react';
import { addSlide, deleteSlide, duplicateSlide, nextSlideId, defaultInsertIndex } from 'spool/core';
import { useRender, useStudio } from '../../state/studio-context.js';
import { CopyIcon, PlusIcon, TrashIcon } from '../common/graphics.js';
import { SlideEditor } from './SlideEditor.js';
import { SlideStage } from './SlideStage.js';
import { SlideStrip } from './SlideStrip.js';
import { SplitWarning } from './SplitWarning.js';

/** The centre column: the selected slide large, its edit form, and the strip of all slides. */
export function CarouselPanel() {
  const studio = useStudio();
  const { deck, selected, edit, select } = studio;
  const { render, loading, error } = useRender();
  const pages = useMemo(() => render?.pages ?? [], [render]);
  const aspect = deck.design.ratio.width / deck.design.ratio.height;
  const index = selected ? deck.slides.indexOf(selected) : -1;
  const selectedPages = useMemo(() => pages.filter((p) => p.slideId === selected?.id), [pages, selected?.id]);

  const add = useCallback(() => {
    edit((d) => {
      const at = selected ? Math.min(d.slides.findIndex((s) => s.id === selected.id) + 1, defaultInsertIndex(d)) : undefined;
      // Empty, with the editor's placeholder to guide: text put here for guidance would export as is.
      return addSlide(d, { id: nextSlideId(d), at, slide: { blocks: [] } });
    }, { select: nextSlideId(deck) });
  }, [edit, selected, deck]);

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
          <button type="button" className="btn btn-sm" onClick={add}><PlusIcon /> Add slide</button>
          <button type="button" className="btn btn-sm" disabled={!selected}
            onClick={() => selected && edit((d) => duplicateSlide(d, { slideId: selected.id, id: nextSlideId(d) }), { select: nextSlideId(deck) })}>
            <CopyIcon /> Duplicate
          </button>
          <button type="button" className="btn btn-sm btn-danger-ghost" disabled={!selected}
            onClick={() => selected && edit((d) => deleteSlide(d, { slideId: selected.id }))}>
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
      <SlideStrip slides={deck.slides} pages={pages} aspect={aspect} selectedId={studio.state.selectedId} onSelect={select} onAdd={add} />
    </main>
  );
}
