import { slideOrigin, type OriginParagraph, type Slide } from 'spool/core';
import { useStudio } from '../../state/studio-context.js';
import { act } from '../../state/deck-actions.js';

/**
 * Where a condensed slide's words came from: its article paragraphs, sentence by sentence. A
 * sentence the slide says is pressed; pressing another swaps it in (a neighbour, the one before),
 * pressing a said one takes it out, and "Whole paragraph" puts the paragraph on the slide as written.
 */
export function ArticleOrigin({ slide }: { slide: Slide }) {
  const { document, edit } = useStudio();
  const origin = slideOrigin(document, slide);
  if (origin.length === 0) return null;
  // Only prose is swapped sentence by sentence; a steps or quote slide shows where it came from.
  const prose = slide.blocks.every((b) => b.type === 'paragraph');

  const toggle = (paragraph: OriginParagraph, at: number) => {
    const picks = origin.map((p) => {
      const chosen = p.sentences.flatMap((s, i) => (s.used ? [i] : []));
      if (p.index !== paragraph.index) return { index: p.index, sentences: chosen };
      return { index: p.index, sentences: chosen.includes(at) ? chosen.filter((i) => i !== at) : [...chosen, at] };
    });
    edit(act.applyOriginText({ slideId: slide.id, document, picks }));
  };
  const whole = (paragraph: OriginParagraph) => edit(act.applyOriginText({ slideId: slide.id, document, picks: [{ index: paragraph.index, sentences: 'all' }] }));

  return (
    <section className="origin" aria-label="From the article">
      <h4 className="field-label">From the article</h4>
      {origin.map((p) => (
        <div key={p.index} className="origin-paragraph">
          <div className="origin-meta">
            <span className="muted">¶ {p.index + 1}{p.section ? ` · ${p.section}` : ''}</span>
            {prose && p.sentences.length > 1 && (
              <button type="button" className="btn btn-xs" onClick={() => whole(p)}>Whole paragraph</button>
            )}
          </div>
          <div className="origin-text">
            {p.sentences.map((s, i) =>
              prose ? (
                <button key={i} type="button" className={`origin-sentence${s.used ? ' is-used' : ''}`} aria-pressed={s.used}
                  title={s.used ? 'On the slide: press to take it out' : 'Press to put it on the slide'} onClick={() => toggle(p, i)}>
                  {s.text}
                </button>
              ) : (
                <span key={i} className={`origin-sentence${s.used ? ' is-used' : ''}`}>{s.text}</span>
              ),
            )}
          </div>
        </div>
      ))}
    </section>
  );
}
