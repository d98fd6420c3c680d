import { useId } from 'react';
import { contrastRatio, customTheme, findTheme, type CustomColors } from 'spool/core';
import { useDesign } from '../../state/studio-context.js';
import { PanelSection } from '../common/controls.js';
import { act } from '../../state/deck-actions.js';

const FIELDS = [
  { key: 'background', label: 'Background' },
  { key: 'text', label: 'Text' },
  { key: 'accent', label: 'Accent' },
] as const;

/**
 * Your Colours: a background, text and accent of the user's own (and a second background for a
 * gradient) over the chosen theme's fonts and pattern. The other colours are derived; a colour that
 * would fail WCAG AA is shown with the nearest one that passes, which the slides use, and one click
 * takes it.
 */
export function CustomColoursPanel() {
  const { design, edit } = useDesign();
  const base = findTheme(design.theme);
  const colors = design.colors;
  const id = useId();
  const start = (): CustomColors => ({ background: base.background, text: base.text, accent: base.accent, ...(base.backgroundTo ? { backgroundTo: base.backgroundTo } : {}) });
  const set = (patch: Partial<CustomColors>, key: string) => colors && edit(act.setDesign({ colors: { ...colors, ...patch } }), { key: `colors:${key}` });
  const adjustments = colors ? customTheme(base, colors).adjustments : [];
  return (
    <PanelSection
      title="Your Colours"
      aside={
        <label className="switch">
          <input type="checkbox" role="switch" checked={!!colors} aria-label="Use your own colours"
            onChange={(e) => edit(act.setDesign({ colors: e.target.checked ? start() : null }))} />
          <span className="switch-track" aria-hidden="true" />
        </label>
      }
    >
      {!colors && <p className="panel-note">Set a background, text and accent of your own; Spool derives the rest and keeps every pair readable (WCAG AA).</p>}
      {colors && (
        <>
          <div className="row row-center colour-row">
            {FIELDS.map((f) => (
              <div key={f.key} className="field field-inline">
                <label className="field-label" htmlFor={`${id}-${f.key}`}>{f.label}</label>
                <input id={`${id}-${f.key}`} type="color" className="color" value={colors[f.key].toLowerCase()}
                  onChange={(e) => set({ [f.key]: e.target.value.toUpperCase() }, f.key)} />
              </div>
            ))}
          </div>
          <div className="row row-center">
            <label className="field field-inline">
              <input type="checkbox" checked={!!colors.backgroundTo}
                onChange={(e) => edit(act.setDesign({ colors: e.target.checked ? { ...colors, backgroundTo: colors.background } : { background: colors.background, text: colors.text, accent: colors.accent } }))} />
              <span className="field-label">Gradient to</span>
            </label>
            {colors.backgroundTo && (
              <input type="color" className="color" aria-label="Second background" value={colors.backgroundTo.toLowerCase()}
                onChange={(e) => set({ backgroundTo: e.target.value.toUpperCase() }, 'backgroundTo')} />
            )}
          </div>
          <ul className="contrast-notes" aria-live="polite">
            {adjustments.map((a) => (
              <li key={a.role} className="panel-note">
                <span className="swatch-dot" style={{ background: a.chosen }} aria-hidden="true" /> {capital(a.role)} {a.chosen} reads at{' '}
                {contrastRatio(a.chosen, a.on).toFixed(1)}:1 on {a.on}, under the {a.ratio}:1 AA needs; the slides use {a.used}.{' '}
                {(a.role === 'text' || a.role === 'accent') && (
                  <button type="button" className="btn btn-sm btn-ghost" onClick={() => edit(act.setDesign({ colors: { ...colors, [a.role]: a.used } }))}>
                    Use {a.used}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </PanelSection>
  );
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
