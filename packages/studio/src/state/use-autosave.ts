import { useCallback, useEffect, useRef, useState, type Dispatch } from 'react';
import { ApiError, type Backend } from '../api/client.js';
import type { Project } from '../api/types.js';
import type { StudioAction, StudioState } from './studio-state.js';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'error' | 'conflict';

/** What a choice between two versions of a project did: the one set aside is kept as this copy. */
export interface ConflictOutcome {
  kept: 'mine' | 'theirs';
  copy: Project;
  /** Whether the version kept is saved now (keeping mine saves it; that save can fail or meet a newer one). */
  saved: boolean;
}

/** What the server has is not what this window shows until the user keeps one of the two versions. */
export class ConflictPendingError extends Error {
  constructor() {
    super('this project changed elsewhere and yours is not saved: choose which version to keep first (the save status opens the choice)');
  }
}

const DEBOUNCE_MS = 350;
const RETRY_MS = 3000;
/** Browsers refuse keepalive requests above 64 KiB. */
const KEEPALIVE_LIMIT = 60_000;

/**
 * Saves the open project shortly after every change, one save at a time, naming the revision it
 * builds on. A 409 means someone saved in between (another window, or another person): saving stops
 * and `conflict` holds their version until the user keeps one, and the other is kept as a copy, so
 * neither person's work is written over.
 */
export function useAutosave(backend: Backend, state: StudioState, dispatch: Dispatch<StudioAction>) {
  const [status, setStatus] = useState<SaveStatus>('saved');
  // Their version, in state for the dialog and in a ref for the saves, which read it between renders.
  const [conflict, setConflict] = useState<Project | null>(null);
  const theirs = useRef<Project | null>(null);
  const hold = useCallback((other: Project | null) => {
    theirs.current = other;
    setConflict(other);
  }, []);
  /** Keeps a version the user did not pick as a new project, named for which one it is. */
  const saveCopy = useCallback(
    (name: string, which: string, content: Pick<Project, 'document' | 'deck'>) => backend.createProject({ name: copyName(name, which), document: content.document, deck: content.deck }),
    [backend],
  );
  const latest = useRef(state);
  latest.current = state;
  const revision = useRef(state.revision);
  const savedChanges = useRef(0);
  const running = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Another project opened: its revision is the one saves build on from now.
  useEffect(() => {
    revision.current = state.revision;
    savedChanges.current = 0;
    hold(null);
    setStatus('saved');
  }, [state.projectId]);

  const saveNow = useCallback(async (): Promise<void> => {
    // One save at a time: a second caller waiting on the same save must not start alongside a third,
    // or the later of two saves from one revision would look like someone else's.
    while (running.current) await running.current;
    const snap = latest.current;
    if (snap.changes === savedChanges.current || theirs.current) return;
    const body = { name: snap.name, ...snap.history.present };
    const job = (async () => {
      setStatus('saving');
      try {
        let saved;
        try {
          saved = await backend.updateProject(snap.projectId, body, revision.current);
        } catch (err) {
          if (!(err instanceof ApiError && err.status === 409)) throw err;
          const other = await backend.getProject(snap.projectId);
          if (latest.current.projectId !== snap.projectId) return;
          hold(other);
          setStatus('conflict');
          return;
        }
        if (latest.current.projectId !== snap.projectId) return;
        revision.current = saved.revision;
        savedChanges.current = snap.changes;
        dispatch({ type: 'saved', revision: saved.revision });
        setStatus(latest.current.changes === snap.changes ? 'saved' : 'unsaved');
      } catch {
        setStatus('error');
        timer.current = setTimeout(() => void saveNow(), RETRY_MS);
      }
    })();
    running.current = job;
    await job;
    running.current = null;
    if (latest.current.changes !== savedChanges.current && latest.current.projectId === snap.projectId) void saveNow();
  }, [backend, dispatch, hold]);

  useEffect(() => {
    if (state.changes === savedChanges.current) return;
    setStatus((s) => (theirs.current ? 'conflict' : s === 'saving' ? s : 'unsaved'));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), DEBOUNCE_MS);
    return () => clearTimeout(timer.current);
  }, [state.changes, saveNow]);

  /** Saves this window's version over theirs, after keeping theirs as a copy. */
  const keepMine = useCallback(async (): Promise<ConflictOutcome | undefined> => {
    const other = theirs.current;
    if (!other) return undefined;
    const copy = await saveCopy(other.name, 'other version', other);
    revision.current = other.revision;
    hold(null);
    await saveNow();
    return { kept: 'mine', copy, saved: savedChanges.current === latest.current.changes };
  }, [saveCopy, hold, saveNow]);

  /**
   * Leaves their version saved and keeps this window's as a copy: before another project is opened
   * mid-choice, and as the first half of opening theirs.
   */
  const setAside = useCallback(async (): Promise<ConflictOutcome | undefined> => {
    if (!theirs.current) return undefined;
    const snap = latest.current;
    const copy = await saveCopy(snap.name, 'your version', snap.history.present);
    savedChanges.current = snap.changes;
    hold(null);
    setStatus('saved');
    return { kept: 'theirs', copy, saved: true };
  }, [saveCopy, hold]);

  /** Opens their version, after keeping this window's as a copy. */
  const keepTheirs = useCallback(async (): Promise<ConflictOutcome | undefined> => {
    if (!theirs.current) return undefined;
    // The newest of theirs (they may have saved again meanwhile), fetched before anything changes here.
    const other = await backend.getProject(latest.current.projectId);
    const outcome = await setAside();
    if (!outcome) return undefined;
    revision.current = other.revision;
    savedChanges.current = 0;
    dispatch({ type: 'open', project: other });
    return outcome;
  }, [backend, dispatch, setAside]);

  // Closing the tab right after an edit: hand the last save to the browser to finish.
  useEffect(() => {
    const onHide = () => {
      const snap = latest.current;
      if (snap.changes === savedChanges.current) return;
      // Mid-choice between two versions, this window's is kept as a copy rather than written over theirs.
      const copy = !!theirs.current;
      const body = JSON.stringify(copy ? { name: copyName(snap.name, 'your version'), ...snap.history.present } : { name: snap.name, ...snap.history.present, revision: revision.current });
      if (body.length > KEEPALIVE_LIMIT) return;
      void fetch(copy ? '/api/projects' : `/api/projects/${encodeURIComponent(snap.projectId)}`, {
        method: copy ? 'POST' : 'PUT', headers: { 'content-type': 'application/json' }, body, keepalive: true,
      }).catch(() => undefined);
    };
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, []);

  /** Saves what is pending, for what reads the project from the server next (an export, a publish). */
  const flush = useCallback(async (): Promise<void> => {
    await saveNow();
    if (theirs.current) throw new ConflictPendingError();
  }, [saveNow]);

  return { status, flush, conflict, keepMine, keepTheirs, setAside };
}

function copyName(name: string, which: string): string {
  return `${name} (${which})`;
}
