/**
 * Undo and redo over immutable values (decks). Pure: every call returns a new History, so the
 * studio keeps one in state and tests need no mocks.
 */
export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
  /** Key and time of the last recorded edit, for merging a burst of typing into one step. */
  lastKey?: string;
  lastAt?: number;
}

export interface RecordOptions {
  /** Edits with the same key within `mergeMs` of each other undo as one step (typing in a field). */
  key?: string;
  /** Time of the edit in ms; callers pass Date.now() so this module stays pure. */
  at?: number;
  mergeMs?: number;
  /** Oldest steps are dropped beyond this many. */
  limit?: number;
}

const DEFAULT_MERGE_MS = 1000;
const DEFAULT_LIMIT = 200;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

export function recordEdit<T>(history: History<T>, next: T, opts: RecordOptions = {}): History<T> {
  if (Object.is(next, history.present)) return history;
  const at = opts.at ?? 0;
  const merge =
    opts.key !== undefined &&
    opts.key === history.lastKey &&
    history.lastAt !== undefined &&
    at - history.lastAt <= (opts.mergeMs ?? DEFAULT_MERGE_MS) &&
    history.past.length > 0;
  if (merge) return { ...history, present: next, future: [], lastAt: at };
  const limit = opts.limit ?? DEFAULT_LIMIT;
  const past = [...history.past, history.present];
  return {
    past: past.length > limit ? past.slice(past.length - limit) : past,
    present: next,
    future: [],
    lastKey: opts.key,
    lastAt: at,
  };
}

export function canUndo<T>(history: History<T>): boolean {
  return history.past.length > 0;
}

export function canRedo<T>(history: History<T>): boolean {
  return history.future.length > 0;
}

export function undo<T>(history: History<T>): History<T> {
  if (!canUndo(history)) return history;
  return {
    past: history.past.slice(0, -1),
    present: history.past[history.past.length - 1],
    future: [history.present, ...history.future],
  };
}

export function redo<T>(history: History<T>): History<T> {
  if (!canRedo(history)) return history;
  return {
    past: [...history.past, history.present],
    present: history.future[0],
    future: history.future.slice(1),
  };
}
