import { useState, type FormEvent } from 'react';
import { useDesign } from '../../state/studio-context.js';
import { useLibrary } from '../../state/library-context.js';
import { useNotify } from '../../state/toasts.js';
import { TrashIcon } from '../common/graphics.js';
import { act } from '../../state/deck-actions.js';

/** Saved presets: the whole design under a name, applied to any project in one click. */
export function PresetsBlock() {
  const { design, edit, services } = useDesign();
  const { presets, reload } = useLibrary();
  const notify = useNotify();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const clean = name.trim();
    if (!clean) return;
    setBusy(true);
    try {
      await services.backend.createPreset(clean, design);
      await reload();
      setName('');
      notify(`Saved preset “${clean}”`, 'success');
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string, label: string) => {
    try {
      await services.backend.deletePreset(id);
      await reload();
      notify(`Deleted preset “${label}”`);
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  return (
    <div className="subsection" role="group" aria-labelledby="presets-title">
      <h3 id="presets-title" className="subsection-title">Saved presets</h3>
      {presets.length === 0 && <p className="panel-note">Save this look — theme, layout, sizes, brand, pattern and CTA — to reuse it in one click.</p>}
      <ul className="list">
        {presets.map((p) => (
          <li key={p.id} className="list-row">
            <span className="preset-swatch" style={{ background: p.design.brand.accent ?? '#5B5BD6' }} aria-hidden="true" />
            <span className="list-text">
              <span className="list-name">{p.name}</span>
              <span className="list-meta">{p.design.theme} · {p.design.layout}</span>
            </span>
            <button type="button" className="btn btn-xs" aria-label={`Apply preset ${p.name}`} onClick={() => edit(act.applyPreset({ design: p.design }))}>
              Apply
            </button>
            <button type="button" className="icon-button" aria-label={`Delete preset ${p.name}`} onClick={() => void remove(p.id, p.name)}>
              <TrashIcon />
            </button>
          </li>
        ))}
      </ul>
      <form className="row" onSubmit={save}>
        <input className="input" aria-label="Preset name" placeholder="Preset name" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} />
        <button type="submit" className="btn btn-sm" disabled={!name.trim() || busy}>Save current design</button>
      </form>
    </div>
  );
}
