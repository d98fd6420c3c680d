import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { Store } from '../../src/store/store.js';

/** A real SQLite store in a fresh temp folder for each test, closed and removed after it (a test may reopen it). */
export function useTempStore(prefix: string): { store: Store; dir: string } {
  const state = {} as { store: Store; dir: string };
  beforeEach(() => {
    state.dir = mkdtempSync(path.join(tmpdir(), prefix));
    state.store = Store.open({ dataDir: state.dir });
  });
  afterEach(() => {
    state.store.close();
    rmSync(state.dir, { recursive: true, force: true });
  });
  return state;
}
