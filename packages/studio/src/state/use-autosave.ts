import { useCallback, useEffect, useRef, useState, type Dispatch } from 'react';
import { ApiError, type Backend } from '../api/client.js';
import type { StudioAction, StudioState } from './studio-state.js';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'error';

const DEBOUNCE_MS = 350;
const RETRY_MS = 3000;
/** Browsers refuse keepalive requests above 64 KiB. */
const KEEPALIVE_LIMIT = 60_000;

/**
 * Saves the open project shortly after every change, one save at a time, naming the revision it
 * builds on. A 409 means another window saved in between: this window is the one being edited,
 * so it saves again on top of that revision and says so.
 */
export function useAutosave(backend: Backend, state: StudioState, dispatch: Dispatch<StudioAction>, onConflict: () => void) {
  const [status, setStatus] = useState<SaveStatus>('saved');
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
    setStatus('saved');
  }, [state.projectId]);

  const saveNow = useCallback(async (): Promise<void> => {
    if (running.current) await running.current;
    const snap = latest.current;
    if (snap.changes === savedChanges.current) return;
    const body = { name: snap.name, ...snap.history.present };
    const job = (async () => {
      setStatus('saving');
      try {
        let saved;
        try {
          saved = await backend.updateProject(snap.projectId, body, revision.current);
        } catch (err) {
          if (!(err instanceof ApiError && err.status === 409)) throw err;
          const current = await backend.getProject(snap.projectId);
          onConflict();
          saved = await backend.updateProject(snap.projectId, body, current.revision);
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
  }, [backend, dispatch, onConflict]);

  useEffect(() => {
    if (state.changes === savedChanges.current) return;
    setStatus((s) => (s === 'saving' ? s : 'unsaved'));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), DEBOUNCE_MS);
    return () => clearTimeout(timer.current);
  }, [state.changes, saveNow]);

  // Closing the tab right after an edit: hand the last save to the browser to finish.
  useEffect(() => {
    const onHide = () => {
      const snap = latest.current;
      if (snap.changes === savedChanges.current) return;
      const body = JSON.stringify({ name: snap.name, ...snap.history.present, revision: revision.current });
      if (body.length > KEEPALIVE_LIMIT) return;
      void fetch(`/api/projects/${encodeURIComponent(snap.projectId)}`, {
        method: 'PUT', headers: { 'content-type': 'application/json' }, body, keepalive: true,
      }).catch(() => undefined);
    };
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, []);

  return { status, flush: saveNow };
}
