import { useRef, useState } from 'react';
import { type Slide, blocksToText, spansToText, textToBlocks, textToSpans } from 'spool/core';
import { mediaUrl } from '../../api/client.js';
import { useStudio } from '../../state/studio-context.js';
import { useNotify } from '../../state/toasts.js';
import { ImageIcon, TrashIcon, UploadIcon } from '../common/graphics.js';
import { MarkupField } from './MarkupField.js';
import { ArticleOrigin } from './ArticleOrigin.js';
import { act } from '../../state/deck-actions.js';

const KIND_NAME: Record<Slide['kind'], string> = { cover: 'Cover', content: 'Content', section: 'Section', image: 'Image', outro: 'Outro' };

/** The selected slide's own settings: its text, its layout template and its images. */
export function SlideEditor({ slide, index }: { slide: Slide; index: number }) {
  const { edit, deck, services } = useStudio();
  const layouts = services.catalog.layouts;
  const deckLayout = layouts.find((l) => l.id === deck.design.layout)?.label ?? deck.design.layout;
  const deckAlign = deck.design.align ?? 'left';
  const id = slide.id;
  const hasBody = slide.kind === 'content' || slide.kind === 'image';
  const hasTitle = slide.kind !== 'outro';

  const setTitle = (text: string) => {
    const title = textToSpans(text);
    edit(act.updateSlideText({ slideId: id, title }), { key: `title:${id}` });
    return spansToText(title);
  };
  const setBody = (text: string) => {
    const blocks = textToBlocks(text);
    edit(act.updateSlideText({ slideId: id, blocks }), { key: `body:${id}` });
    return blocksToText(blocks);
  };

  return (
    // A form of its own: the browser's form tracking (Chrome's autofill reads the fields of a changed
    // field's form after every keystroke) then reads these few fields, not every field on the page.
    <form className="editor" aria-label={`Edit slide ${index + 1}`} onSubmit={(e) => e.preventDefault()} autoComplete="off">
      <header className="editor-head">
        <h3 className="editor-title">Slide {index + 1}</h3>
        <span className="badge">{KIND_NAME[slide.kind]}</span>
      </header>
      {slide.kind === 'outro' ? (
        <p className="editor-note">The outro shows your call to action. Change its lines in <b>Outro Slide CTA</b>.</p>
      ) : (
        <>
          {hasTitle && <MarkupField key={`t-${id}`} label={slide.kind === 'cover' ? 'Hook' : 'Title'} value={spansToText(slide.title ?? [])} onText={setTitle}
            placeholder={slide.kind === 'cover' ? 'The line that makes people swipe' : 'Optional title'} />}
          {(hasBody || slide.blocks.length > 0) && (
            <MarkupField key={`b-${id}`} label="Body" multiline value={blocksToText(slide.blocks)} onText={setBody}
              placeholder="Write the slide. **bold**, *italic*, - lists, 1. steps" />
          )}
          <ArticleOrigin slide={slide} />
        </>
      )}
      <div className="field">
        <label className="field-label" htmlFor={`layout-${id}`}>Slide layout</label>
        <select id={`layout-${id}`} className="input select" value={slide.layout ?? ''} disabled={slide.kind !== 'content'}
          onChange={(e) => edit(act.setSlideLayout({ slideId: id, layout: e.target.value || undefined }))}>
          <option value="">Deck default ({deckLayout})</option>
          {layouts.map((l) => <option key={l.id} value={l.id}>{l.label}</option>)}
        </select>
        {slide.kind !== 'content' && <div className="field-hint">{KIND_NAME[slide.kind]} slides have a layout of their own.</div>}
      </div>
      {slide.kind === 'content' && (
        <div className="field">
          <label className="field-label" htmlFor={`align-${id}`}>Text alignment</label>
          <select id={`align-${id}`} className="input select" value={slide.align ?? ''}
            onChange={(e) => edit(act.setSlideAlign({ slideId: id, align: (e.target.value || undefined) as 'left' | 'center' | undefined }))}>
            <option value="">Deck default ({deckAlign === 'center' ? 'Centre' : 'Left'})</option>
            <option value="left">Left</option>
            <option value="center">Centre</option>
          </select>
        </div>
      )}
      {slide.kind !== 'outro' && slide.kind !== 'section' && <SlideImages slide={slide} />}
    </form>
  );
}

function SlideImages({ slide }: { slide: Slide }) {
  const { edit, services } = useStudio();
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [target, setTarget] = useState<number | undefined>();
  const [busy, setBusy] = useState(false);

  const pick = (index?: number) => {
    setTarget(index);
    input.current?.click();
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const asset = await services.backend.uploadAsset(file);
      if (asset.kind !== 'image') throw new Error(`${file.name} is not an image`);
      const media = { type: 'image' as const, src: `asset:${asset.id}`, alt: file.name.replace(/\.[^.]+$/, '') };
      edit(act.setSlideImage({ slideId: slide.id, media, index: target }));
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="field">
      <span className="field-label">Images</span>
      <div className="editor-images">
        {slide.media.map((m, i) => {
          const url = mediaUrl(m.src);
          return (
            <div key={`${m.src}-${i}`} className="editor-image">
              {url ? <img src={url} alt={m.alt ?? `Image ${i + 1}`} /> : <span className="media-missing"><ImageIcon /></span>}
              <div className="editor-image-actions">
                <button type="button" className="icon-button" aria-label={`Change image ${i + 1}`} title="Change image" onClick={() => pick(i)}><UploadIcon /></button>
                <button type="button" className="icon-button" aria-label={`Remove image ${i + 1}`} title="Remove image"
                  onClick={() => edit(act.removeSlideImage({ slideId: slide.id, index: i }))}><TrashIcon /></button>
              </div>
            </div>
          );
        })}
        {slide.media.length < 4 && (
          <button type="button" className="editor-image-add" onClick={() => pick(undefined)} disabled={busy} aria-label="Add image to slide">
            <ImageIcon /> {busy ? 'Uploading…' : 'Add image'}
          </button>
        )}
      </div>
      <input ref={input} type="file" accept="image/png,image/jpeg,image/webp,image/gif,image/svg+xml" hidden aria-label="Image file"
        onChange={(e) => void upload(e.target.files?.[0])} />
    </div>
  );
}
