import { useId } from 'react';
import { findTheme } from 'spool/core';
import { useDesign } from '../../state/studio-context.js';
import { useLibrary } from '../../state/library-context.js';
import { PanelSection, RangeField } from '../common/controls.js';
import { act } from '../../state/deck-actions.js';

/** Typography & Sizing: the three sizes every layout scales from, and the title and body fonts. */
export function TypographyPanel() {
  const { design, edit, services } = useDesign();
  const { customFonts } = useLibrary();
  const t = design.typography;
  const theme = findTheme(design.theme);
  const fonts = services.catalog.fonts.filter((f) => f.id !== 'noto');
  const label = (id: string) => fonts.find((f) => f.id === id)?.label ?? customFonts.find((f) => f.id === id)?.label ?? id;
  const titleId = useId();
  const bodyId = useId();

  const fontSelect = (id: string, role: 'titleFont' | 'bodyFont', themeDefault: string) => (
    <select id={id} className="input select" value={t[role] ?? ''}
      onChange={(e) => edit(act.setDesign({ typography: { [role]: e.target.value || undefined } }))}>
      <option value="">Theme default ({label(themeDefault)})</option>
      {fonts.map((f) => <option key={f.id} value={f.id}>{f.label}</option>)}
      {customFonts.length > 0 && (
        <optgroup label="Uploaded fonts">
          {customFonts.map((f) => <option key={f.id} value={f.id}>{f.label}</option>)}
        </optgroup>
      )}
    </select>
  );

  return (
    <PanelSection title="Typography & Sizing">
      <RangeField label="Title Font Size" unit="px" min={16} max={96} value={t.titleSize}
        onChange={(v) => edit(act.setDesign({ typography: { titleSize: v } }), { key: 'typography:titleSize' })} />
      <RangeField label="Body Font Size" unit="px" min={10} max={48} value={t.bodySize}
        onChange={(v) => edit(act.setDesign({ typography: { bodySize: v } }), { key: 'typography:bodySize' })} />
      <RangeField label="Header & Footer Size" unit="px" min={8} max={24} value={t.chromeSize}
        onChange={(v) => edit(act.setDesign({ typography: { chromeSize: v } }), { key: 'typography:chromeSize' })} />
      <div className="row">
        <div className="field">
          <label className="field-label" htmlFor={titleId}>Title font</label>
          {fontSelect(titleId, 'titleFont', theme.titleFont)}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={bodyId}>Body font</label>
          {fontSelect(bodyId, 'bodyFont', theme.bodyFont)}
        </div>
      </div>
    </PanelSection>
  );
}
