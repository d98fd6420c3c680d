import { useId, useRef, useState, type FormEvent } from 'react';
import { mediaUrl } from '../../api/client.js';
import type { BrandKitRecord, StoredBrandKit } from '../../api/types.js';
import { useStudioActions } from '../../state/studio-context.js';
import { useLibrary } from '../../state/library-context.js';
import { useNotify } from '../../state/toasts.js';
import { UploadIcon } from '../common/graphics.js';
import { profilePatch } from './brand-profile.js';
import { act } from '../../state/deck-actions.js';

type TextKey = 'name' | 'handle' | 'website';

/**
 * Edits one brand profile; saving an active profile updates the deck as well. A new profile
 * (`isNew`) is stored only when it is saved.
 */
export function BrandProfileForm({ record, active, isNew = false, onClose }: { record: BrandKitRecord; active: boolean; isNew?: boolean; onClose(): void }) {
  const { edit, services } = useStudioActions();
  const { reload, customFonts } = useLibrary();
  const notify = useNotify();
  const [label, setLabel] = useState(record.name);
  const [kit, setKit] = useState<StoredBrandKit>(record.kit);
  const [isDefault, setIsDefault] = useState(record.isDefault === true);
  const [busy, setBusy] = useState<string | null>(null);
  const id = useId();
  const fonts = [...services.catalog.fonts.filter((f) => f.id !== 'noto').map((f) => ({ id: f.id, label: f.label })), ...customFonts];

  const set = (patch: Partial<StoredBrandKit>) => setKit((k) => ({ ...k, ...patch }));

  const upload = async (file: File | undefined, what: 'avatar' | 'logo' | 'title' | 'body') => {
    if (!file) return;
    setBusy(what);
    try {
      const asset = await services.backend.uploadAsset(file);
      if (what === 'avatar' || what === 'logo') {
        if (asset.kind !== 'image') throw new Error(`${file.name} is not an image`);
        set({ [what]: `asset:${asset.id}` });
      } else {
        if (asset.kind !== 'font') throw new Error(`${file.name} is not a TTF, OTF, WOFF or WOFF2 font`);
        set({ fonts: { ...kit.fonts, [what]: `custom:${asset.id}` } });
        // The pickers list the new font by its family.
        await reload();
      }
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    } finally {
      setBusy(null);
    }
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy('save');
    try {
      const name = label.trim() || 'Profile';
      const saved = isNew ? await services.backend.createBrandKit(name, kit, isDefault) : await services.backend.updateBrandKit(record.id, name, kit, isDefault);
      await reload();
      if (active) edit(act.setDesign(profilePatch(saved.kit)));
      notify(`Saved profile “${saved.name}”`, 'success');
      onClose();
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    } finally {
      setBusy(null);
    }
  };

  const text = (key: TextKey, title: string, placeholder: string) => (
    <div className="field">
      <label className="field-label" htmlFor={`${id}-${key}`}>{title}</label>
      <input id={`${id}-${key}`} className="input" value={kit[key] ?? ''} placeholder={placeholder} onChange={(e) => set({ [key]: e.target.value || undefined })} />
    </div>
  );

  return (
    <form className="profile-form" onSubmit={save} aria-label={isNew ? 'New brand profile' : `Brand profile ${record.name}`}>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-label`}>Profile name</label>
        <input id={`${id}-label`} className="input" value={label} onChange={(e) => setLabel(e.target.value)} />
      </div>
      <div className="row">{text('name', 'Display name', 'Ada Lovelace')}{text('handle', 'Handle', '@ada')}</div>
      {text('website', 'Website', 'ada.dev')}
      <div className="row">
        <ImagePick label="Avatar" src={kit.avatar} busy={busy === 'avatar'} onFile={(f) => upload(f, 'avatar')} onClear={() => set({ avatar: undefined })} />
        <ImagePick label="Logo" src={kit.logo} busy={busy === 'logo'} onFile={(f) => upload(f, 'logo')} onClear={() => set({ logo: undefined })} />
      </div>
      <div className="row row-center">
        <div className="field field-inline">
          <label className="field-label" htmlFor={`${id}-accent`}>Accent colour</label>
          <input id={`${id}-accent`} type="color" className="color" value={(kit.accent ?? kit.colors?.accent ?? '#5b5bd6').toLowerCase()}
            onChange={(e) => set({ accent: e.target.value.toUpperCase(), colors: undefined })} />
        </div>
        <button type="button" className="btn btn-xs btn-ghost" disabled={!kit.accent && !kit.colors?.accent} onClick={() => set({ accent: undefined, colors: undefined })}>
          Use theme accent
        </button>
      </div>
      {(['title', 'body'] as const).map((role) => (
        <div key={role} className="field">
          <label className="field-label" htmlFor={`${id}-${role}-font`}>{role === 'title' ? 'Title font' : 'Body font'}</label>
          <div className="row">
            <select id={`${id}-${role}-font`} className="input select" value={kit.fonts?.[role] ?? ''}
              onChange={(e) => set({ fonts: { ...kit.fonts, [role]: e.target.value || undefined } })}>
              <option value="">Theme default</option>
              {fonts.map((f) => <option key={f.id} value={f.id}>{f.label}</option>)}
              {kit.fonts?.[role]?.startsWith('custom:') && !fonts.some((f) => f.id === kit.fonts?.[role]) && <option value={kit.fonts[role]}>Uploaded font</option>}
            </select>
            <FileButton label={busy === role ? 'Uploading…' : 'Upload font'} accept=".ttf,.otf,.woff,.woff2,font/ttf,font/otf,font/woff,font/woff2"
              aria={`${busy === role ? "Uploading…" : "Upload font"} for the ${role} (TTF, OTF, WOFF or WOFF2)`} onFile={(f) => upload(f, role)} />
          </div>
        </div>
      ))}
      <label className="check">
        <input type="checkbox" checked={isDefault} onChange={(e) => setIsDefault(e.target.checked)} />
        <span>New projects start with this profile</span>
      </label>
      <div className="row row-end">
        <button type="button" className="btn btn-sm" onClick={onClose}>Cancel</button>
        <button type="submit" className="btn btn-sm btn-primary" disabled={busy !== null}>{active ? 'Save and apply' : 'Save profile'}</button>
      </div>
    </form>
  );
}

function ImagePick({ label, src, busy, onFile, onClear }: { label: string; src?: string; busy: boolean; onFile(f: File | undefined): void; onClear(): void }) {
  const url = src ? mediaUrl(src) : undefined;
  return (
    <div className="field">
      <span className="field-label">{label}</span>
      <div className="image-pick">
        <span className="image-pick-box">{url ? <img src={url} alt={`${label} preview`} /> : <span className="muted">None</span>}</span>
        <FileButton label={busy ? '…' : src ? 'Change' : 'Upload'} accept="image/png,image/jpeg,image/webp,image/svg+xml" aria={`${busy ? 'Uploading' : src ? 'Change' : 'Upload'} ${label.toLowerCase()}`} onFile={onFile} />
        {src && <button type="button" className="btn btn-xs btn-ghost" onClick={onClear} aria-label={`Remove ${label.toLowerCase()}`}>Remove</button>}
      </div>
    </div>
  );
}

function FileButton({ label, accept, aria, onFile }: { label: string; accept: string; aria: string; onFile(f: File | undefined): void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="btn btn-xs" onClick={() => input.current?.click()} aria-label={aria}><UploadIcon /> {label}</button>
      <input ref={input} type="file" accept={accept} hidden tabIndex={-1} aria-hidden="true"
        onChange={(e) => { onFile(e.target.files?.[0]); e.target.value = ''; }} />
    </>
  );
}
