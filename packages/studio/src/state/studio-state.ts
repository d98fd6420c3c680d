import { type Deck, type SpoolDocument, canRedo, canUndo, createHistory, recordEdit, redo, undo, type History } from 'spool/core';
import type { Project } from '../api/types.js';
import { perform, type NamedEdit } from './deck-actions.js';

/** What a project holds and undo takes back: its posts and its deck, together. */
export interface ProjectContent {
  document: SpoolDocument;
  deck: Deck;
}

/**
 * What the studio holds for the open project. The posts and the deck live in one undo history,
 * so an import (which changes both) undoes as one step; selection is editor state and stays out
 * of it, as do the project's name and revision.
 */
export interface StudioState {
  projectId: string;
  name: string;
  /** The revision the server last confirmed; saves name it so a stale tab cannot overwrite. */
  revision: number;
  history: History<ProjectContent>;
  selectedId: string | null;
  /** Counts changes worth saving; autosave watches it. */
  changes: number;
  /** The last edit the library refused (a bad id, a size out of range), to show once. */
  refused?: { message: string; at: number };
  /** The named edits made since the project opened, the last EDIT_LOG_SIZE of them. */
  log?: NamedEdit[];
}

/** An edit: one of the studio's named deck actions with its arguments (see deck-actions.ts). */
export type DeckEdit = NamedEdit;

/** The last edits made, by name, newest last: for logs, replays and tests. */
export const EDIT_LOG_SIZE = 50;

/** A change to the posts and the deck at once (an import). */
export type ContentChange = (content: ProjectContent) => ProjectContent;

export type StudioAction =
  | { type: 'open'; project: Project }
  | { type: 'edit'; edit: DeckEdit; key?: string; at: number; select?: string }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'select'; id: string | null }
  | { type: 'change'; change: ContentChange; at: number; select?: string }
  | { type: 'rename'; name: string }
  | { type: 'saved'; revision: number };

export function openState(project: Project): StudioState {
  return {
    projectId: project.id,
    name: project.name,
    revision: project.revision,
    history: createHistory({ document: project.document, deck: project.deck }),
    selectedId: firstSlide(project.deck),
    changes: 0,
  };
}

export function studioReducer(state: StudioState, action: StudioAction): StudioState {
  switch (action.type) {
    case 'open':
      return openState(action.project);
    case 'edit':
    case 'change': {
      const present = state.history.present;
      let next: ProjectContent;
      try {
        next = action.type === 'edit' ? { ...present, deck: perform(present.deck, action.edit) } : action.change(present);
      } catch (err) {
        return { ...state, refused: { message: err instanceof Error ? err.message : String(err), at: action.at } };
      }
      const unchanged = next.deck === present.deck && next.document === present.document;
      const history = unchanged ? state.history : recordEdit(state.history, next, { key: action.type === 'edit' ? action.key : undefined, at: action.at });
      if (history === state.history && action.select === undefined) return state;
      const log = action.type === 'edit' ? [...(state.log ?? []), action.edit].slice(-EDIT_LOG_SIZE) : state.log;
      return withSelection({ ...state, history, log, changes: state.changes + 1 }, action.select ?? state.selectedId);
    }
    case 'undo':
    case 'redo': {
      const able = action.type === 'undo' ? canUndo(state.history) : canRedo(state.history);
      if (!able) return state;
      const history = action.type === 'undo' ? undo(state.history) : redo(state.history);
      return withSelection({ ...state, history, changes: state.changes + 1 }, state.selectedId, state.history.present.deck);
    }
    case 'select':
      return state.selectedId === action.id ? state : { ...state, selectedId: action.id };
    case 'rename':
      return action.name === state.name ? state : { ...state, name: action.name, changes: state.changes + 1 };
    case 'saved':
      return { ...state, revision: action.revision };
  }
}

/** Keeps the selection on a slide that exists: the wanted one, else its old neighbour, else the first. */
function withSelection(state: StudioState, wanted: string | null, previous?: Deck): StudioState {
  const slides = state.history.present.deck.slides;
  let selectedId = wanted;
  if (!selectedId || !slides.some((s) => s.id === selectedId)) {
    const before = (previous ?? state.history.past[state.history.past.length - 1]?.deck)?.slides ?? [];
    const at = Math.max(0, before.findIndex((s) => s.id === wanted));
    selectedId = slides[Math.min(at, slides.length - 1)]?.id ?? null;
  }
  return selectedId === state.selectedId ? state : { ...state, selectedId };
}

/** A project opens on its first slide: the cover, which is what a reader meets first. */
function firstSlide(deck: Deck): string | null {
  return deck.slides[0]?.id ?? null;
}
