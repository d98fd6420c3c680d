import { useEffect, useState } from 'react';
import type { ProjectSummary } from '../../api/types.js';
import { emptyProject } from '../../engine/services.js';
import { useStudio } from '../../state/studio-context.js';
import { useNotify } from '../../state/toasts.js';
import { useLibrary } from '../../state/library-context.js';
import { ConfirmButton } from '../common/controls.js';
import { ChevronDownIcon, CopyIcon, FolderIcon, PlusIcon, TrashIcon } from '../common/graphics.js';
import { Popover } from '../common/Popover.js';

/** Projects: open, rename, duplicate, delete, and start a new one. */
export function ProjectMenu() {
  return (
    <Popover label="Projects" trigger={<><FolderIcon /> Projects <ChevronDownIcon /></>} triggerClass="btn btn-sm btn-ghost">
      {(close) => <ProjectList close={close} />}
    </Popover>
  );
}

function ProjectList({ close }: { close(): void }) {
  const studio = useStudio();
  const { newProjectDesign } = useLibrary();
  const notify = useNotify();
  const [projects, setProjects] = useState<ProjectSummary[] | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [draft, setDraft] = useState('');

  const load = async () => {
    // The list shows the projects whether or not this one could be saved first.
    await studio.flush().catch(() => undefined);
    setProjects(await studio.services.backend.listProjects());
  };
  // Once per opening of the menu: the list is a snapshot, refreshed after each change made here.
  useEffect(() => {
    load().catch((err) => notify(String(err instanceof Error ? err.message : err), 'error'));
  }, []);

  const guard = (fn: () => Promise<void>) => () => void fn().catch((err) => notify(err instanceof Error ? err.message : String(err), 'error'));
  const open = (id: string) => guard(async () => {
    if (id !== studio.state.projectId) await studio.open(await studio.services.backend.getProject(id));
    close();
  });
  // A new project starts from the default design, never from the open project's brand and look:
  // the next carousel may be for another author or client.
  const create = guard(async () => {
    const project = await studio.services.backend.createProject(emptyProject('Untitled carousel', newProjectDesign(studio.services.catalog.defaults)));
    await studio.open(project);
    close();
  });
  const duplicate = (id: string) => guard(async () => {
    await studio.flush();
    await studio.services.backend.duplicateProject(id);
    await load();
  });
  const remove = (id: string) => guard(async () => {
    await studio.services.backend.deleteProject(id);
    const rest = (projects ?? []).filter((p) => p.id !== id);
    if (id === studio.state.projectId) {
      const next = rest[0] ? await studio.services.backend.getProject(rest[0].id) : await studio.services.backend.createProject(emptyProject('Untitled carousel', newProjectDesign(studio.services.catalog.defaults)));
      await studio.open(next);
    }
    await load();
  });
  const rename = (id: string) => guard(async () => {
    const name = draft.trim();
    setRenaming(null);
    if (!name) return;
    if (id === studio.state.projectId) studio.rename(name);
    else {
      const project = await studio.services.backend.getProject(id);
      await studio.services.backend.updateProject(id, { name }, project.revision);
    }
    await load();
  });

  return (
    <div className="menu project-menu">
      <div className="menu-head">
        <span>Projects</span>
        <button type="button" className="btn btn-xs" onClick={create}><PlusIcon /> New project</button>
      </div>
      {projects === null && <p className="menu-empty">Loading…</p>}
      <ul className="project-list">
        {projects?.map((p) => (
          <li key={p.id} className={p.id === studio.state.projectId ? 'project-row is-current' : 'project-row'}>
            {renaming === p.id ? (
              <form className="row" onSubmit={(e) => { e.preventDefault(); rename(p.id)(); }}>
                <input className="input" autoFocus aria-label={`New name for ${p.name}`} value={draft} onChange={(e) => setDraft(e.target.value)}
                  onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), setRenaming(null))} />
                <button type="submit" className="btn btn-xs btn-primary">Save</button>
              </form>
            ) : (
              <>
                <button type="button" className="project-open" onClick={open(p.id)} title={`Open ${p.name}`}>
                  <span className="project-row-name">{p.name}</span>
                  <span className="project-meta">{p.slides} slides · {relativeTime(p.updatedAt)}</span>
                </button>
                <button type="button" className="btn btn-xs btn-ghost" aria-label={`Rename project ${p.name}`} onClick={() => { setDraft(p.name); setRenaming(p.id); }}>Rename</button>
                <button type="button" className="icon-button" aria-label={`Duplicate project ${p.name}`} title="Duplicate" onClick={duplicate(p.id)}><CopyIcon /></button>
                <ConfirmButton label={`Delete project ${p.name}`} confirmLabel="Delete" onConfirm={remove(p.id)}><TrashIcon /></ConfirmButton>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function relativeTime(iso: string): string {
  const s = (Date.now() - Date.parse(iso)) / 1000;
  if (!Number.isFinite(s)) return '';
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
}
