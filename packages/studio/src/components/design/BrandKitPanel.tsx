import { useState } from 'react';
import type { BrandKitRecord } from '../../api/types.js';
import { useDesign, useStudio } from '../../state/studio-context.js';
import { useLibrary } from '../../state/library-context.js';
import { useNotify } from '../../state/toasts.js';
import { Avatar, PlusIcon, TrashIcon } from '../common/graphics.js';
import { PanelSection, ConfirmButton } from '../common/controls.js';
import { BrandProfileForm } from './BrandProfileForm.js';
import { BRAND_PARTS, isActiveProfile, profileFromDesign, profilePatch } from './brand-profile.js';
import { PresetsBlock } from './PresetsBlock.js';
import { act } from '../../state/deck-actions.js';

/** Brand Kit: profiles (for people who post as several brands), header and footer parts, and presets. */
export function BrandKitPanel() {
  const { design, edit, services } = useDesign();
  const { document } = useStudio();
  const { brandKits, reload, loaded } = useLibrary();
  const notify = useNotify();
  const [editing, setEditing] = useState<string | null>(null);
  // A new profile is a draft until it is saved: Cancel leaves nothing behind.
  const [draft, setDraft] = useState<BrandKitRecord | null>(null);
  const show = design.brand.show;

  const use = (record: BrandKitRecord) => edit(act.setDesign(profilePatch(record.kit)));
  // The posts name their author: offered as the brand in one click, applied only when picked.
  const author = document.posts.find((p) => p.author.name.trim() || p.author.handle.trim())?.author;
  const offerAuthor = author && !isActiveProfile({ name: author.name, handle: author.handle }, design) ? author : undefined;
  const useAuthor = (a: NonNullable<typeof offerAuthor>) =>
    edit(act.setDesign({ brand: { name: a.name || undefined, handle: a.handle || undefined, avatar: a.avatar } }));

  const create = () => {
    const kit = profileFromDesign(design);
    setEditing(null);
    setDraft({ id: '', name: kit.name || 'New profile', kit });
  };

  const remove = async (record: BrandKitRecord) => {
    try {
      await services.backend.deleteBrandKit(record.id);
      await reload();
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  return (
    <PanelSection title="Brand Kit">
      <div className="subsection" role="group" aria-labelledby="profiles-title">
        <div className="subsection-head">
          <h3 id="profiles-title" className="subsection-title">Profiles</h3>
          <button type="button" className="btn btn-xs" onClick={create} disabled={draft !== null}><PlusIcon /> New profile</button>
        </div>
        {draft && <BrandProfileForm record={draft} isNew active={false} onClose={() => setDraft(null)} />}
        {loaded && brandKits.length === 0 && <p className="panel-note">Save your name, handle, avatar, logo, colours and fonts as a profile.</p>}
        {offerAuthor && (
          <div className="list-row author-offer">
            <Avatar name={offerAuthor.name || offerAuthor.handle} src={offerAuthor.avatar} size={24} />
            <span className="list-text">
              <span className="list-name">{offerAuthor.name || `@${offerAuthor.handle}`}</span>
              <span className="list-meta">{offerAuthor.handle ? `@${offerAuthor.handle} · ` : ''}author of the posts</span>
            </span>
            <button type="button" className="btn btn-xs" aria-label={`Use the posts’ author ${offerAuthor.name || offerAuthor.handle} as the brand`} onClick={() => useAuthor(offerAuthor)}>Use</button>
          </div>
        )}
        <ul className="list">
          {brandKits.map((record) => {
            const active = isActiveProfile(record.kit, design);
            return (
              <li key={record.id} className={active ? 'profile is-active' : 'profile'}>
                <div className="list-row">
                  <Avatar name={record.kit.name ?? record.name} src={record.kit.avatar} size={24} />
                  <span className="list-text">
                    <span className="list-name">{record.name}</span>
                    {(record.kit.handle || record.isDefault) && (
                      <span className="list-meta">
                        {[record.kit.handle && `@${record.kit.handle.replace(/^@/, '')}`, record.isDefault && 'default for new projects'].filter(Boolean).join(' · ')}
                      </span>
                    )}
                  </span>
                  {active ? (
                    <span className="badge badge-accent">In use</span>
                  ) : (
                    <button type="button" className="btn btn-xs" aria-label={`Use brand profile ${record.name}`} onClick={() => use(record)}>Use</button>
                  )}
                  <button type="button" className="btn btn-xs btn-ghost" aria-expanded={editing === record.id} aria-label={`Edit brand profile ${record.name}`}
                    onClick={() => setEditing(editing === record.id ? null : record.id)}>
                    Edit
                  </button>
                  <ConfirmButton label={`Delete brand profile ${record.name}`} confirmLabel="Delete" onConfirm={() => void remove(record)}>
                    <TrashIcon />
                  </ConfirmButton>
                </div>
                {editing === record.id && <BrandProfileForm record={record} active={active} onClose={() => setEditing(null)} />}
              </li>
            );
          })}
        </ul>
      </div>
      <div className="subsection" role="group" aria-labelledby="parts-title">
        <h3 id="parts-title" className="subsection-title">Header & footer</h3>
        <div className="check-grid">
          {BRAND_PARTS.map((part) => (
            <label key={part.key} className="check">
              <input type="checkbox" checked={show[part.key]}
                onChange={(e) => edit(act.setDesign({ brand: { show: { [part.key]: e.target.checked } } }))} />
              <span>{part.label}</span>
            </label>
          ))}
        </div>
      </div>
      <PresetsBlock />
    </PanelSection>
  );
}
