import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import { type Deck, type Slide, type SpoolDocument, canRedo, canUndo, nextSlideId } from 'spool/core';
import type { Project } from '../api/types.js';
import { preloadDesignFonts, setProjectHash, type Services } from '../engine/services.js';
import { openState, studioReducer, type ContentChange, type DeckEdit, type StudioState } from './studio-state.js';
import { useAutosave, type ConflictOutcome, type SaveStatus } from './use-autosave.js';
import { actionForKey, keyedEdit } from './deck-actions.js';
import { useDeckRender, type RenderState } from './use-deck-render.js';
import { useNotify } from './toasts.js';
import { useStoreValue, valueStore, type ValueStore } from './value-store.js';

export interface EditOptions {
  /** Edits with one key in quick succession undo as one step (typing in a field). */
  key?: string;
  /** Slide to select once the edit is made. */
  select?: string;
}

export interface Studio {
  state: StudioState;
  deck: Deck;
  /** The project's posts, as imported. */
  document: SpoolDocument;
  selected: Slide | undefined;
  services: Services;
  canUndo: boolean;
  canRedo: boolean;
  saveStatus: SaveStatus;
  /** Someone saved this project while it was being edited here: their version, until the user chooses. */
  conflict: Project | null;
  /** Saves this window's version over theirs; theirs is kept as a copy. */
  keepMine(): Promise<void>;
  /** Opens their version; this window's is kept as a copy. */
  keepTheirs(): Promise<void>;
  edit(edit: DeckEdit, opts?: EditOptions): void;
  undo(): void;
  redo(): void;
  select(id: string | null): void;
  /** Changes the posts and the deck as one undoable step (an import). */
  change(change: ContentChange, opts?: { select?: string }): void;
  rename(name: string): void;
  /** Saves what is pending, then shows another project. */
  open(project: Project): Promise<void>;
  flush(): Promise<void>;
}

/** The parts of Studio that never change while a project is open: safe to use in memoised panels. */
export type StudioActions = Pick<Studio, 'services' | 'edit' | 'undo' | 'redo' | 'select' | 'change' | 'rename' | 'open' | 'flush'> & {
  /**
   * The deck and posts as they are now, for event handlers (a drop, a click) that need them without
   * re-rendering on every edit to have them.
   */
  current(): { deck: Deck; document: SpoolDocument };
};

const StudioContext = createContext<ValueStore<Studio> | null>(null);
const ActionsContext = createContext<StudioActions | null>(null);
const DesignContext = createContext<Deck['design'] | null>(null);
const RenderContext = createContext<ValueStore<RenderState>>(valueStore<RenderState>({ loading: true }));

/** Everything, re-rendering on every edit: for the parts that show slides. */
export function useStudio(): Studio {
  const store = useContext(StudioContext);
  if (!store) throw new Error('useStudio outside StudioProvider');
  return useStoreValue(store);
}

/**
 * The deck's design and the actions, re-rendering only when the design changes: typing in a slide
 * leaves the design panels alone, which keeps each keystroke's work to the slide and its preview.
 */
export function useDesign(): StudioActions & { design: Deck['design'] } {
  const actions = useContext(ActionsContext);
  const design = useContext(DesignContext);
  if (!actions || !design) throw new Error('useDesign outside StudioProvider');
  return useMemo(() => ({ ...actions, design }), [actions, design]);
}

export function useStudioActions(): StudioActions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('useStudioActions outside StudioProvider');
  return actions;
}

export function useRender(): RenderState {
  return useStoreValue(useContext(RenderContext));
}

export function StudioProvider({ services, project, children }: { services: Services; project: Project; children: ReactNode }) {
  const [state, dispatch] = useReducer(studioReducer, project, openState);
  const notify = useNotify();
  const { status, flush, conflict, keepMine: saveMine, keepTheirs: openTheirs, setAside } = useAutosave(services.backend, state, dispatch);
  const resolve = useCallback(
    async (choose: () => Promise<ConflictOutcome | undefined>) => {
      try {
        const outcome = await choose();
        if (!outcome) return;
        const copy = `“${outcome.copy.name}” in Projects`;
        if (outcome.kept === 'theirs') notify(`The other version is open; yours is kept as ${copy}.`, 'info');
        else if (outcome.saved) notify(`Your version is saved; the other one is kept as ${copy}.`, 'info');
        else notify(`The other version is kept as ${copy}; yours is not saved yet (see the save status).`, 'error');
      } catch (err) {
        notify(`Neither version was changed: ${err instanceof Error ? err.message : String(err)}`, 'error');
      }
    },
    [notify],
  );
  const keepMine = useCallback(() => resolve(saveMine), [resolve, saveMine]);
  const keepTheirs = useCallback(() => resolve(openTheirs), [resolve, openTheirs]);
  const { deck, document } = state.history.present;
  const render = useDeckRender(services, deck);
  const present = useRef(state.history.present);
  present.current = state.history.present;

  useEffect(() => {
    if (state.refused) notify(state.refused.message, 'error');
  }, [state.refused, notify]);

  useEffect(() => setProjectHash(state.projectId), [state.projectId]);

  const edit = useCallback((fn: DeckEdit, opts: EditOptions = {}) => {
    dispatch({ type: 'edit', edit: fn, key: opts.key, select: opts.select, at: Date.now() });
  }, []);

  const open = useCallback(
    async (next: Project) => {
      // Mid-choice between two versions of this project, theirs stays saved and this window's is kept.
      const aside = await setAside();
      if (aside) notify(`Your version is kept as “${aside.copy.name}” in Projects.`, 'info');
      await flush();
      await preloadDesignFonts(services, next.deck.design);
      dispatch({ type: 'open', project: next });
    },
    [flush, services, setAside, notify],
  );

  const actions = useMemo<StudioActions>(
    () => ({
      services,
      edit,
      undo: () => dispatch({ type: 'undo' }),
      redo: () => dispatch({ type: 'redo' }),
      select: (id) => dispatch({ type: 'select', id }),
      change: (change, opts = {}) => dispatch({ type: 'change', change, select: opts.select, at: Date.now() }),
      rename: (name) => dispatch({ type: 'rename', name }),
      open,
      flush,
      current: () => ({ deck: present.current.deck, document: present.current.document }),
    }),
    [services, edit, open, flush],
  );

  const studio = useMemo<Studio>(
    () => ({
      ...actions,
      state,
      deck,
      document,
      selected: deck.slides.find((s) => s.id === state.selectedId),
      canUndo: canUndo(state.history),
      canRedo: canRedo(state.history),
      saveStatus: status,
      conflict,
      keepMine,
      keepTheirs,
    }),
    [actions, state, deck, document, status, conflict, keepMine, keepTheirs],
  );
  const [studioStore] = useState(() => valueStore(studio));
  const [renderStore] = useState(() => valueStore(render));
  useLayoutEffect(() => studioStore.set(studio), [studioStore, studio]);
  useLayoutEffect(() => renderStore.set(render), [renderStore, render]);

  return (
    <ActionsContext.Provider value={actions}>
      <DesignContext.Provider value={deck.design}>
        <StudioContext.Provider value={studioStore}>
          <RenderContext.Provider value={renderStore}>{children}</RenderContext.Provider>
        </StudioContext.Provider>
      </DesignContext.Provider>
    </ActionsContext.Provider>
  );
}

/**
 * Ctrl/Cmd+Z undoes and Shift+Ctrl/Cmd+Z (or Ctrl+Y) redoes deck edits anywhere in the studio,
 * slide text fields included, since their text is part of the deck. Other text fields (import,
 * names) keep the browser's own undo for what is typed in them.
 */
export function useUndoShortcuts(undo: () => void, redo: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key !== 'z' && key !== 'y') return;
      const target = e.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
      if (typing && !typing.hasAttribute('data-deck-field') && !(typing instanceof HTMLInputElement && ['range', 'checkbox', 'radio', 'color'].includes(typing.type))) return;
      e.preventDefault();
      if (key === 'y' || e.shiftKey) redo();
      else undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);
}

/**
 * The keys bound to named deck actions (deck-actions.ts), on the selected slide: only while focus
 * is on the slides (the strip or the preview), so typing never deletes or duplicates one. A slide
 * duplicated by key is selected, as from the toolbar.
 */
export function ActionKeys(): null {
  const { edit, selected, deck } = useStudio();
  const current = useRef({ selected, deck });
  current.current = { selected, deck };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (!target?.closest('.strip, [data-testid=preview]') || target.closest('input, textarea, select, [contenteditable="true"]')) return;
      const name = actionForKey(e);
      const { selected: slide, deck: now } = current.current;
      if (!name || !slide) return;
      const named = keyedEdit(name, slide.id);
      if (!named) return;
      e.preventDefault();
      edit(named, name === 'duplicateSlide' ? { select: nextSlideId(now) } : {});
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [edit]);
  return null;
}
