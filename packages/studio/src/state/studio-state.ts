import type { Deck, SpoolDocument } from '../../../spool/src/core.js';
import { canRedo, canUndo, createHistory, recordEdit, redo, undo, type History } from '../../../spool/src/edit/index.js';
import type { Project } from '../api/types.js';

/**
 * What the studio holds for the open project. The deck lives in an undo history; selection is
 * editor state and stays out of the deck, as do the project's name and revision.
 */
export interface StudioState {
  projectId: string;
  name: string;
  /** The revision the server last confirmed; saves name it so a stale tab cannot overwrite. */
  revision: number;
  document: SpoolDocument;
  history: History<Deck>;
  selectedId: string | null;
  /** Counts changes worth saving; autosave watches it. */
  changes: number;
  /** The last edit the library refused (a bad id, a size out of range), to show once. */
  refused?: { message: string; at: number };
}

/** An edit: one of the library's pure deck actions with its arguments bound. */
export type DeckEdit = (deck: Deck) => Deck;

export type StudioAction =
  | { type: 'open'; project: Project }
  | { type: 'edit'; edit: DeckEdit; key?: string; at: number; select?: string }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'select'; id: string | null }
  | { type: 'document'; document: SpoolDocument }
  | { type: 'rename'; name: string }
  | { type: 'saved'; revision: number };

export function openState(project: Project): StudioState {
  return {
    projectId: project.id,
    name: project.name,
    revision: project.revision,
    document: project.document,
    history: createHistory(project.deck),
    selectedId: firstSlide(project.deck),
    changes: 0,
  };
}

export function studioReducer(state: StudioState, action: StudioAction): StudioState {
  switch (action.type) {
    case 'open':
      return openState(action.project);
    case 'edit': {
      let deck: Deck;
      try {
        deck = action.edit(state.history.present);
      } catch (err) {
        return { ...state, refused: { message: err instanceof Error ? err.message : String(err), at: action.at } };
      }
      const history = recordEdit(state.history, deck, { key: action.key, at: action.at });
      if (history === state.history && action.select === undefined) return state;
      return withSelection({ ...state, history, changes: state.changes + 1 }, action.select ?? state.selectedId);
    }
    case 'undo':
    case 'redo': {
      const able = action.type === 'undo' ? canUndo(state.history) : canRedo(state.history);
      if (!able) return state;
      const history = action.type === 'undo' ? undo(state.history) : redo(state.history);
      return withSelection({ ...state, history, changes: state.changes + 1 }, state.selectedId, state.history.present);
    }
    case 'select':
      return state.selectedId === action.id ? state : { ...state, selectedId: action.id };
    case 'document':
      return { ...state, document: action.document, changes: state.changes + 1 };
    case 'rename':
      return action.name === state.name ? state : { ...state, name: action.name, changes: state.changes + 1 };
    case 'saved':
      return { ...state, revision: action.revision };
  }
}

/** Keeps the selection on a slide that exists: the wanted one, else its old neighbour, else the first. */
function withSelection(state: StudioState, wanted: string | null, previous?: Deck): StudioState {
  const slides = state.history.present.slides;
  let selectedId = wanted;
  if (!selectedId || !slides.some((s) => s.id === selectedId)) {
    const before = (previous ?? state.history.past[state.history.past.length - 1])?.slides ?? [];
    const at = Math.max(0, before.findIndex((s) => s.id === wanted));
    selectedId = slides[Math.min(at, slides.length - 1)]?.id ?? null;
  }
  return selectedId === state.selectedId ? state : { ...state, selectedId };
}

/** A project opens on its first slide: the cover, which is what a reader meets first. */
function firstSlide(deck: Deck): string | null {
  return deck.slides[0]?.id ?? null;
}
