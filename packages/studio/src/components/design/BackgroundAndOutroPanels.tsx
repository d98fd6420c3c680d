import { useId } from 'react';
import { themeOf } from 'spool/core';
import { useDesign } from '../../state/studio-context.js';
import { PanelSection, RangeField } from '../common/controls.js';
import { useRovingFocus } from '../common/roving-focus.js';
import { act } from '../../state/deck-actions.js';
import { DesignChoice } from './DesignChoice.js';

/** Background Pattern: a subtle texture behind every slide, in the theme's colour unless chosen. */
export function PatternPanel() {
  const { design, edit, services } = useDesign();
  const theme = themeOf(design);
  const pattern = design.pattern;
  const color = pattern.color ?? theme.pattern.color;
  const opacity = pattern.opacity ?? theme.pattern.opacity;
  const colorId = useId();
  const radios = useRovingFocus(services.catalog.patterns.map((p) => p.id), pattern.id, (id) => edit(act.setDesign({ pattern: { id } })));
  return (
    <PanelSection title="Background Pattern">
      <div className="chip-grid" role="radiogroup" aria-label="Pattern" {...radios.group}>
        {services.catalog.patterns.map((p) => (
          <button key={p.id} type="button" role="radio" aria-checked={p.id === pattern.id} {...radios.item(p.id)} className={p.id === pattern.id ? 'chip is-active' : 'chip'}
            onClick={() => edit(act.setDesign({ pattern: { id: p.id } }))}>
            <span className={`pattern-swatch pattern-${p.id}`} aria-hidden="true" />
            {p.label}
          </button>
        ))}
      </div>
      <div className="row row-center">
        <div className="field field-inline">
          <label className="field-label" htmlFor={colorId}>Pattern colour</label>
          <input id={colorId} type="color" className="color" value={color.toLowerCase()} disabled={pattern.id === 'none'}
            onChange={(e) => edit(act.setDesign({ pattern: { color: e.target.value } }), { key: 'pattern:color' })} />
        </div>
        <button type="button" className="btn btn-sm btn-ghost" disabled={pattern.color === undefined}
          onClick={() => edit(act.setDesign({ pattern: { color: undefined } }))}>
          Use theme colour
        </button>
      </div>
      <RangeField label="Pattern opacity" unit="%" min={0} max={40} value={Math.round(opacity * 100)}
        onChange={(v) => edit(act.setDesign({ pattern: { opacity: v / 100 } }), { key: 'pattern:opacity' })} />
    </PanelSection>
  );
}

const PROGRESS = [
  { id: 'number', label: '3/12' },
  { id: 'bar', label: 'Bar' },
  { id: 'dots', label: 'Dots' },
] as const;

/** Progress: how the footer shows the reader's place in the deck. */
export function ProgressPanel() {
  const { design } = useDesign();
  return (
    <PanelSection title="Progress">
      <DesignChoice shown={false} label="Progress" options={PROGRESS} read={(d) => d.progress ?? 'number'} patch={(progress) => ({ progress })} />
      {!design.brand.show.pageNumbers && <p className="panel-note">Page numbers are off in the brand profile, so no progress is shown.</p>}
    </PanelSection>
  );
}

const HINTS = ['Headline', 'Follow-up', 'Button'];

/** Outro Slide CTA: the closing slide's three lines. `{name}` and `{handle}` come from the brand. */
export function CtaPanel() {
  const { design, edit } = useDesign();
  const cta = design.cta;
  const lines = [0, 1, 2].map((i) => cta.lines[i] ?? '');
  const setLine = (i: number, value: string) => {
    const next = lines.slice();
    next[i] = value;
    // Trailing empty lines are dropped so the stored list stays as short as what is shown.
    while (next.length > 0 && next[next.length - 1] === '') next.pop();
    edit(act.setDesign({ cta: { lines: next } }), { key: `cta:${i}` });
  };
  return (
    <PanelSection
      title="Outro Slide CTA"
      aside={
        <label className="switch">
          <input type="checkbox" role="switch" checked={cta.enabled} aria-label="Show outro slide"
            onChange={(e) => edit(act.setDesign({ cta: { enabled: e.target.checked } }))} />
          <span className="switch-track" aria-hidden="true" />
        </label>
      }
    >
      {lines.map((line, i) => (
        <div key={i} className="field cta-line">
          <label className="field-label" htmlFor={`cta-${i}`}>
            <span className="cta-num">#{i + 1}</span> {HINTS[i]}
          </label>
          <input id={`cta-${i}`} className="input" value={line} disabled={!cta.enabled} aria-label={`CTA line ${i + 1}`}
            onChange={(e) => setLine(i, e.target.value)} />
        </div>
      ))}
      <p className="panel-note">Use {'{name}'} and {'{handle}'} to fill in the brand profile.</p>
      <OutroStyle />
    </PanelSection>
  );
}

const OUTRO_STYLES = [
  { id: 'follow', label: 'Follow' },
  { id: 'link', label: 'Link + QR code' },
  { id: 'subscribe', label: 'Subscribe' },
] as const;

/** Which outro: the author to follow, the source's address with a QR code to it, or a subscribe card. */
function OutroStyle() {
  const { design } = useDesign();
  const current = design.cta.style ?? 'follow';
  return (
    <>
      <DesignChoice label="Outro" options={OUTRO_STYLES} read={(d) => d.cta.style ?? 'follow'} patch={(style) => ({ cta: { style } })} disabled={!design.cta.enabled} />
      {current === 'link' && <p className="panel-note">Points to the source’s address, else the brand profile’s website; with neither, the outro shows who to follow.</p>}
      {current === 'subscribe' && <p className="panel-note">The call to action on an accent card, the brand profile’s website (your newsletter) under it. With the lines above as they come, it asks readers to subscribe; write your own to say it your way.</p>}
    </>
  );
}
